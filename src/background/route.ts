/**
 * How the background answers a message: the payload is validated with its declared schema
 * (src/shared/protocol.ts), the sender must be one the declaration allows (a tab's content script, or one of
 * the extension's own pages), and the background is ready first. Anything else is refused with an Error
 * naming why, so the sender's promise rejects instead of resolving with nothing.
 */
import { browser } from 'wxt/browser';
import { onMessage } from '../shared/messaging';
import {
  BACKGROUND_MESSAGES,
  parseMessageData,
  type BackgroundMessage,
  type MessageAnswer,
  type MessageData,
  type Sender,
} from '../shared/protocol';

/** What a handler knows of who asked. */
export interface Caller {
  kind: Sender;
  /** The sender's tab (a content script's, or a page opened in a tab). */
  tabId?: number;
  /** The sending frame's URL. */
  url?: string;
}

interface MessageSenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/**
 * Who sent a message. The extension's own pages have its origin; anything else that reaches runtime.onMessage
 * is one of its content scripts (other extensions and pages cannot send on this channel).
 */
export function callerOf(sender: MessageSenderLike, extensionOrigin: string): Caller | undefined {
  if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
  const kind: Sender = sender.url?.startsWith(extensionOrigin) ? 'page' : 'content';
  return {
    kind,
    ...(sender.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    ...(sender.url !== undefined ? { url: sender.url } : {}),
  };
}

type Handler<K extends BackgroundMessage> = (
  data: MessageData<K>,
  caller: Caller,
) => Promise<MessageAnswer<K>>;

export type Handlers = { [K in BackgroundMessage]: Handler<K> };

/** Register every handler (one per message: the type says if one is missing) behind the checks above. */
export function listen(handlers: Handlers, whenReady: () => Promise<void>): void {
  const extensionOrigin = browser.runtime.getURL('/');
  for (const type of Object.keys(BACKGROUND_MESSAGES) as BackgroundMessage[]) {
    onMessage(type, async (message) => {
      const caller = callerOf(message.sender, extensionOrigin);
      const allowed: readonly Sender[] = BACKGROUND_MESSAGES[type].from;
      if (!caller || !allowed.includes(caller.kind)) {
        console.warn(`[normlens] refused ${type} from ${caller?.kind ?? 'an unknown sender'}`);
        throw new Error(`${type} is not accepted from ${caller?.kind ?? 'this sender'}`);
      }
      let data: MessageData<typeof type>;
      try {
        data = parseMessageData(type, message.data);
      } catch (error) {
        console.warn('[normlens] refused a message', error);
        throw error;
      }
      await whenReady();
      const handler = handlers[type] as Handler<typeof type>;
      return handler(data, caller) as never;
    });
  }
}
