/**
 * The marks' look (src/ui/marks.ts): six kinds told apart by colour AND line style; both palettes keep every
 * pair of kinds apart in normal vision and for protanopia, deuteranopia and tritanopia (Machado 2009
 * simulation, CIEDE2000), with 3:1 contrast on their pages; the style sheet the content script installs;
 * the Firefox versions that cannot draw lines on highlights get a tint instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { highlightCss } from '../../src/content/highlight-style';
import { ENTITY_KINDS } from '../../src/shared/vocabulary';
import { MARK_LINES, MARK_PALETTES, highlightDrawsLines, markDeclarations } from '../../src/ui/marks';
import {
  DEFICIENCIES,
  contrast,
  deltaE2000,
  difference,
  hexToRgb,
  simulate,
  type Deficiency,
} from '../support/colour-vision';

/** The least CIEDE2000 difference any two kinds' colours keep between them, per vision. */
const MIN_DIFFERENCE = 15;

const BACKGROUNDS = {
  light: ['#ffffff', '#f9fafb', '#f3f4f6'],
  dark: ['#121212', '#111827', '#1f2937'],
};

describe('the colour maths the checks rely on', () => {
  it('CIEDE2000 matches Sharma, Wu and Dalal’s published test pairs', () => {
    const pairs: [[number, number, number], [number, number, number], number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, want] of pairs) expect(deltaE2000(a, b)).toBeCloseTo(want, 3);
  });

  it('the deficiency simulations keep greys grey and merge the colours each deficiency confuses', () => {
    for (const d of DEFICIENCIES) {
      const [r, g, b] = simulate([128, 128, 128], d);
      expect(Math.max(Math.abs(r - 128), Math.abs(g - 128), Math.abs(b - 128))).toBeLessThan(1.5);
    }
    // Red and green that differ greatly in normal vision become close for protanopia and deuteranopia.
    const red = hexToRgb('#d55e00');
    const green = hexToRgb('#6e8b00');
    expect(difference(red, green)).toBeGreaterThan(25);
    expect(difference(red, green, 'deuteranopia')).toBeLessThan(12);
    expect(difference(red, green, 'protanopia')).toBeLessThan(12);
  });
});

describe('the marks’ palettes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const palette = MARK_PALETTES[scheme];
    it(`${scheme} pages: every pair of kinds stays ${MIN_DIFFERENCE} CIEDE2000 apart in every vision`, () => {
      const close: string[] = [];
      for (const vision of [undefined, ...DEFICIENCIES] as (Deficiency | undefined)[]) {
        ENTITY_KINDS.forEach((a, i) => {
          for (const b of ENTITY_KINDS.slice(i + 1)) {
            const d = difference(hexToRgb(palette[a]), hexToRgb(palette[b]), vision);
            if (d < MIN_DIFFERENCE) close.push(`${vision ?? 'normal'}: ${a}/${b} ${d.toFixed(1)}`);
          }
        });
      }
      expect(close).toEqual([]);
    });

    it(`${scheme} pages: every colour has 3:1 contrast with the page (WCAG non-text contrast)`, () => {
      for (const kind of ENTITY_KINDS)
        for (const bg of BACKGROUNDS[scheme])
          expect(contrast(hexToRgb(palette[kind]), hexToRgb(bg)), `${kind} on ${bg}`).toBeGreaterThanOrEqual(
            3,
          );
    });
  }

  it('gives each kind its own line: style and thickness differ for every pair', () => {
    const looks = ENTITY_KINDS.map((k) => `${MARK_LINES[k].style}/${MARK_LINES[k].thickness}`);
    expect(new Set(looks).size).toBe(ENTITY_KINDS.length);
    // Two kinds may share a style only when one line is at least twice as thick as the other.
    ENTITY_KINDS.forEach((a, i) => {
      for (const b of ENTITY_KINDS.slice(i + 1)) {
        if (MARK_LINES[a].style !== MARK_LINES[b].style) continue;
        const [thin, thick] = [MARK_LINES[a].thickness, MARK_LINES[b].thickness].sort((x, y) => x - y);
        expect(thick! / thin!, `${a}/${b}`).toBeGreaterThanOrEqual(2);
      }
    });
  });
});

describe('the highlight style sheet', () => {
  it('draws each kind with its line and colour, the lighter palette on dark pages', () => {
    const light = highlightCss('lines', { dark: false, lines: true }).split('\n');
    expect(light).toHaveLength(ENTITY_KINDS.length);
    ENTITY_KINDS.forEach((kind, i) => {
      expect(light[i]).toContain(`::highlight(normlens-${kind})`);
      expect(light[i]).toContain(`text-decoration-style: ${MARK_LINES[kind].style}`);
      expect(light[i]).toContain(`text-decoration-color: ${MARK_PALETTES.light[kind]}`);
      expect(light[i]).not.toContain('background-color');
    });
    const dark = highlightCss('lines', { dark: true, lines: true });
    for (const kind of ENTITY_KINDS) expect(dark).toContain(MARK_PALETTES.dark[kind]);
  });

  it('adds a tint under the line when asked, and only a tint where lines cannot be drawn', () => {
    expect(markDeclarations('country', { dark: false, lines: true, tint: true })).toMatch(
      /text-decoration-style: dotted.*background-color: rgb\(48 72 160 \/ 0\.2\)/,
    );
    const tintOnly = highlightCss('lines', { dark: false, lines: false });
    expect(tintOnly).not.toContain('text-decoration');
    expect(tintOnly.match(/background-color/g)).toHaveLength(ENTITY_KINDS.length);
  });

  it('knows which browsers draw lines on highlights: Firefox from 146, Chromium always', () => {
    const firefox = (v: number): string =>
      `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
    expect(highlightDrawsLines(firefox(140))).toBe(false);
    expect(highlightDrawsLines(firefox(145))).toBe(false);
    expect(highlightDrawsLines(firefox(146))).toBe(true);
    expect(highlightDrawsLines(firefox(153))).toBe(true);
    expect(
      highlightDrawsLines(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe(true);
  });
});

describe('the kinds’ labels', () => {
  it('every kind has a label, singular and plural, in English and in French (switches, legend, digest)', () => {
    for (const lang of ['en', 'fr']) {
      const messages = JSON.parse(
        readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
      ) as Record<string, { message: string }>;
      for (const kind of ENTITY_KINDS) {
        const k = kind.replace('-', '_');
        expect(messages[`card_kind_${k}`]?.message, `${lang} ${kind}`).toBeTruthy();
        expect(messages[`legend_line_${k}`]?.message, `${lang} ${kind}`).toBeTruthy();
      }
      for (const plural of [
        'initiatives',
        'countries',
        'people',
        'organizations',
        'threat_actors',
        'incidents',
      ])
        expect(messages[`popup_kind_${plural}`]?.message, `${lang} ${plural}`).toBeTruthy();
    }
  });
});
