/**
 * How NormLens marks a name on a page, per kind: a colour and a line style, so that kind is told by more than
 * hue. The colours come in two palettes, one for light pages and a lighter one for dark pages; each was
 * chosen (by a search over sRGB, kept near each kind's hue) so that every pair stays at least 15 CIEDE2000
 * apart in normal vision and as people with protanopia, deuteranopia and tritanopia see them (Machado et al.
 * 2009), and every colour has at least 3:1 contrast with the page background (WCAG 1.4.11, non-text
 * contrast). tests/unit/marks.test.ts checks both; tests/e2e/surfaces.test.ts checks the rendered marks under
 * Chromium's own colour-vision emulation. The same declarations style the legend on the extension's pages.
 * Pure: no DOM.
 */
import type { EntityKind } from '../shared/vocabulary';

export interface MarkLine {
  style: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
  /** Line thickness in CSS pixels. */
  thickness: number;
}

/** One line style per kind: six kinds, six looks (two solid lines told apart by thickness). */
export const MARK_LINES: Record<EntityKind, MarkLine> = {
  initiative: { style: 'double', thickness: 3 },
  country: { style: 'dotted', thickness: 2 },
  person: { style: 'solid', thickness: 1.5 },
  organization: { style: 'dashed', thickness: 2 },
  'threat-actor': { style: 'wavy', thickness: 1.5 },
  incident: { style: 'solid', thickness: 3.5 },
};

export type MarkPalette = Record<EntityKind, string>;

/** For light pages: darker colours (at least 3:1 on white). */
const LIGHT: MarkPalette = {
  initiative: '#a070e8', // violet
  country: '#3048a0', // blue
  person: '#e86018', // orange
  organization: '#389880', // teal green
  'threat-actor': '#a80008', // red
  incident: '#602038', // wine
};

/** For dark pages: lighter colours (at least 3:1 on #121212 and on #1f2937). */
const DARK: MarkPalette = {
  initiative: '#c8b8f8', // lavender
  country: '#3870f0', // blue
  person: '#f8c048', // amber
  organization: '#90f0d0', // mint
  'threat-actor': '#e80000', // red
  incident: '#a85878', // rose
};

export const MARK_PALETTES: { light: MarkPalette; dark: MarkPalette } = { light: LIGHT, dark: DARK };

/** What the marks look like on a page. */
export interface MarkLook {
  /** The page behind the marks is dark: the lighter palette. */
  dark: boolean;
  /** Draw the line (false where the browser cannot draw decorations on highlights: a tint instead). */
  lines: boolean;
  /** Add a background tint under the line. */
  tint: boolean;
}

/**
 * Whether `::highlight()` draws text decorations in this browser. Firefox has the highlight API from 140 (the
 * manifest's minimum) but paints only colours and backgrounds of a highlight before 146, which draws its
 * underlines (MDN browser-compat-data, css.selectors.highlight); 149 completes the feature (text-shadow).
 * There is no feature test for painting, so the engine's version decides: Firefox before 146 gets a tint.
 */
export function highlightDrawsLines(userAgent: string): boolean {
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  return !firefox || Number(firefox[1]) >= 146;
}

/** `#rrggbb` as `r g b` for rgb() with an alpha. */
function rgbChannels(hex: string): string {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(' ');
}

/**
 * The CSS declarations of one kind's mark: the underline in the kind's colour and line style, a tint of the
 * same colour under it when asked (or instead of it where lines cannot be drawn). The tint is translucent so
 * any text colour stays readable on it.
 */
export function markDeclarations(kind: EntityKind, look: MarkLook): string {
  const colour = (look.dark ? DARK : LIGHT)[kind];
  const out: string[] = [];
  if (look.lines) {
    const line = MARK_LINES[kind];
    out.push(
      `text-decoration-line: underline`,
      `text-decoration-style: ${line.style}`,
      `text-decoration-color: ${colour}`,
      `text-decoration-thickness: ${line.thickness}px`,
      `text-underline-offset: ${line.style === 'wavy' ? 2 : 3}px`,
      `text-decoration-skip-ink: none`,
    );
  }
  if (look.tint || !look.lines) {
    out.push(`background-color: rgb(${rgbChannels(colour)} / ${look.dark ? 0.3 : 0.2})`);
  }
  return out.join('; ');
}
