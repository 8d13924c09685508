// @vitest-environment happy-dom
/**
 * Highlight CSS installation: a constructed sheet where adoptedStyleSheets can be set, and a <style> inside
 * NormLens's own host where setting it throws (Firefox < 153 content scripts, Mozilla bug 1751346).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installHighlightStyle } from '../../src/content/highlight-style';

const CSS_A = '::highlight(normlens-country) { text-decoration: underline dotted; }';
const CSS_B = '::highlight(normlens-country) { text-decoration: underline wavy; }';

afterEach(() => {
  document.documentElement.querySelectorAll('normlens-ui').forEach((n) => n.remove());
});

describe('installHighlightStyle', () => {
  it('adopts a constructed sheet and removes only it', () => {
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const host = vi.fn(() => document.documentElement);
    const style = installHighlightStyle(document, CSS_A, host);
    expect(document.adoptedStyleSheets).toHaveLength(2);
    expect(host).not.toHaveBeenCalled();
    style.remove();
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
  });

  it('falls back to a <style> in the NormLens host when the setter throws, and removes it', () => {
    const before = document.body.outerHTML;
    const own = Object.getOwnPropertyDescriptor(document, 'adoptedStyleSheets');
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new TypeError('Accessing from Xray wrapper is not supported.');
      },
    });
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const host = document.createElement('normlens-ui');
      document.documentElement.append(host);
      const style = installHighlightStyle(document, CSS_A, () => host);
      const el = host.querySelector('style');
      expect(el?.textContent).toBe(CSS_A);
      style.set(CSS_B);
      expect(el?.textContent).toBe(CSS_B);
      // The body's markup is untouched: the style lives in our host, outside <body>.
      expect(document.body.outerHTML).toBe(before);
      style.remove();
      expect(host.querySelector('style')).toBeNull();
    } finally {
      info.mockRestore();
      if (own) Object.defineProperty(document, 'adoptedStyleSheets', own);
      else delete (document as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    }
  });
});
