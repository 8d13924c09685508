/**
 * The content script's start: get what the page needs from the background once, then hand the page to a
 * PageSession (./session.ts) that owns everything until it ends: the site switched off (page:teardown), the
 * extension updated or disabled, or start-up failing.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { browser } from 'wxt/browser';
import { onMessage, sendMessage } from '../shared/messaging';
import { PageSession } from './session';
import { exposeTestSend } from '../shared/test-send';

/**
 * The running marker, keyed by a symbol: an element the page gives an id cannot shadow it (the page's
 * elements with ids appear as properties of every world's window, symbols never do).
 */
const RUNNING = Symbol.for('normlens.session');
type Global = typeof globalThis & { [RUNNING]?: { end(): void } };

export async function runContentScript(ctx: ContentScriptContext): Promise<void> {
  const start = performance.now();
  exposeTestSend();
  const g = globalThis as Global;
  if (g[RUNNING]) return; // injected again into a page where NormLens already runs
  let session: PageSession | undefined;
  let ended = false;
  const end = (): void => {
    ended = true;
    session?.end();
    if (g[RUNNING] === running) delete g[RUNNING];
    removeTeardown();
  };
  const running = { end };
  g[RUNNING] = running;
  // Listening before the first await: a teardown sent while page:init is in flight is not lost.
  const removeTeardown = onMessage('page:teardown', end);
  // WXT invalidates its context when the extension reloads, and also when anything on the page dispatches
  // the start-up event WXT listens for; only the first means NormLens must go.
  ctx.onInvalidated(() => {
    if (browser.runtime?.id === undefined) end();
  });

  const init = await sendMessage('page:init', { url: location.href }).catch(() => undefined);
  if (!init || ended || browser.runtime?.id === undefined) {
    end();
    return;
  }
  try {
    session = new PageSession(init, start);
  } catch (error) {
    console.error('[normlens] start-up failed; the page is left as it was', error);
    end();
  }
}
