/**
 * Single-page-app navigations. A content script lives in an isolated world, so wrapping history.pushState
 * there would never see the page's own calls; the browser's events do reach every world: the Navigation
 * API's `currententrychange` (pushState, replaceState, traversals, where supported), plus `popstate` and
 * `hashchange` elsewhere. The caller also compares the URL on each mutation batch, which catches the rest.
 */

interface NavigationLike extends EventTarget {
  readonly currentEntry: unknown;
}

/** Call onNavigate after every same-document navigation until signal aborts. */
export function watchNavigations(onNavigate: () => void, signal: AbortSignal): void {
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  const listener = (): void => onNavigate();
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', listener, { signal });
  }
  window.addEventListener('popstate', listener, { signal });
  window.addEventListener('hashchange', listener, { signal });
}

/**
 * What identifies the page for rescanning: the URL without a plain fragment (jumping to an anchor in the
 * same article is not a new page), but with a hash route (`#/...`, `#!...`), which is.
 */
export function pageKey(href: string): string {
  const hash = href.indexOf('#');
  if (hash < 0) return href;
  const fragment = href.slice(hash + 1);
  return fragment.startsWith('/') || fragment.startsWith('!') ? href : href.slice(0, hash);
}
