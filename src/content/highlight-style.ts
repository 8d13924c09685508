/**
 * The highlight CSS (the look of the normlens-* highlights, src/ui/marks.ts) in the page. A constructed sheet
 * in document.adoptedStyleSheets is the first choice: nothing in the DOM. Firefox before 153 throws when a
 * content script sets adoptedStyleSheets (Mozilla bug 1751346), so then the CSS goes into a <style> inside
 * NormLens's own <normlens-ui> host (outside <body>), which keeps the body's markup as it was.
 */
import { HIGHLIGHT_NAMES } from '../annotate/annotator';
import type { UnderlineStyle } from '../shared/settings';
import { ENTITY_KINDS } from '../shared/vocabulary';
import { markDeclarations } from '../ui/marks';

/** The highlight style sheet: every kind's mark, for the reader's style and the page behind the marks. */
export function highlightCss(style: UnderlineStyle, page: { dark: boolean; lines: boolean }): string {
  const look = { dark: page.dark, lines: page.lines, tint: style === 'tint' };
  return ENTITY_KINDS.map(
    (kind) => `::highlight(${HIGHLIGHT_NAMES[kind]}) { ${markDeclarations(kind, look)}; }`,
  ).join('\n');
}

export interface HighlightStyle {
  /** Replace the CSS (the reader changed the mark style, or the page turned dark or light). */
  set(css: string): void;
  /** Take the CSS out of the page (teardown). */
  remove(): void;
}

export function installHighlightStyle(
  doc: Document,
  css: string,
  fallbackParent: () => Element,
): HighlightStyle {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      set: (next) => sheet.replaceSync(next),
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch (error) {
    console.info('[normlens] adoptedStyleSheets refused; using a <style> in the NormLens host', error);
    const style = doc.createElement('style');
    style.textContent = css;
    fallbackParent().append(style);
    return {
      set: (next) => {
        style.textContent = next;
      },
      remove: () => style.remove(),
    };
  }
}
