/**
 * Colour maths for the card's theme: the page's own background decides when it is dark (a light card on a
 * dark page glares), otherwise the reader's prefers-color-scheme does (in CSS). Pure.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parse a computed CSS colour ("rgb(1, 2, 3)", "rgba(1 2 3 / 0.5)", "#abc", "#aabbcc"). */
export function parseColor(value: string): Rgba | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return {
      r: parseInt(h.slice(0, 2), 16),
      g: parseInt(h.slice(2, 4), 16),
      b: parseInt(h.slice(4, 6), 16),
      a: 1,
    };
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(v);
  if (!fn) return undefined;
  const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean);
  const [r, g, b] = parts.slice(0, 3).map(Number);
  const alphaText = parts[3];
  const a =
    alphaText === undefined
      ? 1
      : alphaText.endsWith('%')
        ? Number(alphaText.slice(0, -1)) / 100
        : Number(alphaText);
  if ([r, g, b, a].some((n) => n === undefined || Number.isNaN(n))) return undefined;
  return { r: r!, g: g!, b: b!, a };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance({ r, g, b }: Rgba): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two opaque colours (1 to 21). */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The first mostly opaque background among computed background colours listed from the mention outwards
 * (element, its parents, then <body> and <html>); undefined when all are transparent (the default canvas).
 */
export function effectiveBackground(colorsInsideOut: readonly string[]): Rgba | undefined {
  for (const value of colorsInsideOut) {
    const c = parseColor(value);
    if (c && c.a >= 0.5) return c;
  }
  return undefined;
}

/** A page is dark when its effective background is darker than mid-grey. */
export function isDarkBackground(colorsInsideOut: readonly string[]): boolean {
  const bg = effectiveBackground(colorsInsideOut);
  return bg !== undefined && luminance(bg) < 0.18;
}
