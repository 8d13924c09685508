import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { contrastRatio, effectiveBackground, isDarkBackground, parseColor } from '../../src/ui/theme';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

/** The custom properties declared in the first block whose selector line matches. */
function tokens(css: string, selector: RegExp): Record<string, string> {
  const start = css.search(selector);
  expect(start, String(selector)).toBeGreaterThanOrEqual(0);
  const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function ratio(a: string | undefined, b: string | undefined): number {
  const ca = parseColor(a ?? '');
  const cb = parseColor(b ?? '');
  if (!ca || !cb) throw new Error(`unparsable colour ${a} / ${b}`);
  return contrastRatio(ca, cb);
}

describe('WCAG AA contrast of the palettes', () => {
  const card = read('../../src/card/card.css');
  const pages = read('../../src/ui/pages.css');
  const palettes = {
    'card light': tokens(card, /^\.nl-card \{/m),
    'card dark (page)': tokens(card, /^\.nl-card\.nl-theme-dark \{/m),
    'card dark (preference)': tokens(card, /^ {2}\.nl-card \{/m),
  };

  for (const [name, p] of Object.entries(palettes)) {
    it(`${name}: every text colour is at least 4.5:1 on the card and on the "then" panel`, () => {
      for (const fg of ['nl-fg', 'nl-muted', 'nl-link', 'nl-warn']) {
        for (const bg of ['nl-bg', 'nl-then-bg']) {
          expect(ratio(p[fg], p[bg]), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });
  }

  it('pages: text colours are at least 4.5:1 in light and dark', () => {
    for (const p of [tokens(pages, /^:root \{/m), tokens(pages, /^ {2}:root \{/m)]) {
      for (const fg of ['fg', 'muted', 'accent', 'error'])
        expect(ratio(p[fg], p['bg']), fg).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('page darkness', () => {
  it('parses computed colours', () => {
    expect(parseColor('rgb(17, 24, 39)')).toEqual({ r: 17, g: 24, b: 39, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('color(display-p3 1 0 0)')).toBeUndefined();
  });

  it('takes the first opaque background from the mention outwards', () => {
    expect(effectiveBackground(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)', 'rgb(255, 255, 255)'])).toEqual({
      r: 18,
      g: 18,
      b: 18,
      a: 1,
    });
    expect(isDarkBackground(['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)'])).toBe(true);
    expect(isDarkBackground(['rgba(0, 0, 0, 0)', 'rgb(250, 250, 250)'])).toBe(false);
    // Nothing painted: the default white canvas, not dark.
    expect(isDarkBackground(['rgba(0, 0, 0, 0)', 'transparent'])).toBe(false);
  });
});
