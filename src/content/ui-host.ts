/**
 * NormLens's only node in the page: one <normlens-ui> element, appended to <html> (outside <body>), whose
 * open shadow root holds the card. Its styles are isolated from the page and the page's from it.
 */
import cardCss from '../card/card.css?inline';

export const UI_TAG = 'normlens-ui';

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  mount: HTMLElement;
  remove(): void;
}

export function createUiHost(doc: Document): UiHost {
  const host = doc.createElement(UI_TAG);
  // Inline styles beat page rules aimed at unknown elements; the host takes no space and no clicks.
  host.setAttribute(
    'style',
    'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;',
  );
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = `:host { all: initial; } ${cardCss}
    .nl-layer { position: fixed; top: 0; left: 0; }`;
  const mount = doc.createElement('div');
  mount.className = 'nl-layer';
  root.append(style, mount);
  doc.documentElement.append(host);
  return { host, root, mount, remove: () => host.remove() };
}
