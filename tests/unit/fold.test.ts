import { describe, expect, it } from 'vitest';
import { FoldBuffer, fold } from '../../src/text/fold';

describe('fold', () => {
  it('ignores case and diacritics', () => {
    expect(fold('Appel de Paris')).toBe(fold('appel de paris'));
    expect(fold('Côte d’Ivoire')).toBe("cote d'ivoire");
    expect(fold('Pejčinović Burić')).toBe('pejcinovic buric');
    expect(fold('Straße')).toBe('strasse');
  });

  it('makes typographic variants plain', () => {
    expect(fold('Paris\u00a0Call')).toBe('paris call');
    expect(fold('Cyber\u00adsecurity')).toBe('cybersecurity');
    expect(fold('Paris   \n Call')).toBe('paris call');
    expect(fold('Macron’s')).toBe("macron's");
  });

  it('joins a word hyphenated at a line break, but keeps real hyphens', () => {
    expect(fold('Cyber-\n  security')).toBe('cybersecurity');
    expect(fold('Franco-German')).toBe('franco-german');
  });

  it('maps every folded unit back to its raw position', () => {
    const buf = new FoldBuffer(4);
    const raw = 'A  Côte\u00adx';
    buf.append(raw, 0);
    expect(buf.toString()).toBe('a cotex');
    expect([...buf.origin.subarray(0, buf.length)]).toEqual([0, 1, 3, 4, 5, 6, 8]);
  });

  it('keeps letters of other scripts whole, folding only their case and accents', () => {
    expect(fold('РОССИЯ')).toBe('россия');
    expect(fold('Ελλάδα')).toBe('ελλαδα');
    expect(fold('ΕΛΛΆΔΑ')).toBe('ελλαδα');
    expect(fold('中国')).toBe('中国');
    // Hangul syllables decompose into letters (jamo), not accents: they must not be cut down.
    expect(fold('한국')).toBe('한국');
    expect(fold('한국')).not.toBe(fold('하구'));
  });

  it('folds straight and curly apostrophes of possessives alike', () => {
    expect(fold('Macron’s')).toBe(fold("Macron's"));
    expect(fold('Macron\u02bcs')).toBe("macron's");
  });

  it('joins a line-break hyphen only between letters, across CR LF and indentation', () => {
    expect(fold('Cyber-\r\n      security')).toBe('cybersecurity');
    expect(fold('Cyber\u2010\nsecurity')).toBe('cybersecurity');
    expect(fold('Cyber- security')).toBe('cyber- security');
  });
});
