/**
 * The highlight CSS (underline style of the normlens-* highlights) in the page. A constructed sheet in
 * document.adoptedStyleSheets is the first choice: nothing in the DOM. Firefox before 153 throws when a
 * content script sets adoptedStyleSheets (Mozilla bug 1751346), so then the CSS goes into a <style> inside
 * NormLens's own <normlens-ui> host (outside <body>), which keeps the body's markup as it was.
 */

export interface HighlightStyle {
  /** Replace the CSS (the reader changed the underline style). */
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
