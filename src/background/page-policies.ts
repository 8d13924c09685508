/**
 * What the background learns about each tab's page from its response headers: whether the page's Content
 * Security Policy objects to WebAssembly (see annotate/wasm-policy), so that its content script does not
 * try and get reported to the site. The browser only shows the headers of sites NormLens may read.
 */
import { browser } from 'wxt/browser';
import { CSP_HEADERS, policiesObjectToWasm } from '../annotate/wasm-policy';

interface HeaderLike {
  name: string;
  value?: string;
}

export class PagePolicies {
  /** Per tab, its latest top-level document: origin, and whether WebAssembly may be compiled there. */
  private readonly byTab = new Map<number, { origin: string; wasm: boolean }>();

  /** A top-level document's response headers arrived. */
  record(tabId: number, url: string, headers: readonly HeaderLike[]): void {
    const policies = headers.flatMap((h) =>
      CSP_HEADERS.includes(h.name.toLowerCase()) && h.value !== undefined ? [h.value] : [],
    );
    this.byTab.set(tabId, { origin: originOf(url), wasm: !policiesObjectToWasm(policies) });
  }

  /**
   * Whether the content script of this tab's page may compile WebAssembly. False when that page's headers
   * were not seen (a tab already open when its site was switched on, a page a site's own service worker
   * answered): the JavaScript scanner is slower, but it never sets off a report.
   */
  wasmAllowed(tabId: number | undefined, url: string): boolean {
    const seen = tabId === undefined ? undefined : this.byTab.get(tabId);
    return seen !== undefined && seen.origin === originOf(url) && seen.wasm;
  }

  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Keep `policies` up to date from the browser's top-level responses; forget closed tabs. */
export function watchPagePolicies(policies: PagePolicies): void {
  browser.webRequest.onHeadersReceived.addListener(
    (details) => {
      if (details.tabId >= 0) policies.record(details.tabId, details.url, details.responseHeaders ?? []);
      return undefined; // observe only: the response goes on unchanged
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
    ['responseHeaders'],
  );
  browser.tabs.onRemoved.addListener((tabId) => policies.forget(tabId));
}
