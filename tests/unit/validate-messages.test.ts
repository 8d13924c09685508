/**
 * Messages entering the background: an invalid payload throws an Error naming the field (senders reject),
 * and a sender the declaration does not allow is told apart from one it does.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BACKGROUND_MESSAGES, parseMessageData } from '../../src/shared/protocol';
import { callerOf } from '../../src/background/route';

describe('parseMessageData', () => {
  it('returns a valid payload', () => {
    expect(parseMessageData('card:get', { id: 'paris-call' })).toEqual({ id: 'paris-call' });
    expect(parseMessageData('update:set-schedule', { schedule: 'weekly' })).toEqual({ schedule: 'weekly' });
  });

  it('throws an Error naming the message and the failing field', () => {
    expect(() => parseMessageData('report:wrong-match', { entityId: 'Not An Id', matchedText: 'x' })).toThrow(
      /^invalid report:wrong-match message: entityId: /,
    );
    expect(() => parseMessageData('update:set-feed', { feedUrl: 'not a url' })).toThrow(
      /update:set-feed message: feedUrl/,
    );
    // A report names no page address: the background takes it from the sender's tab.
    expect(() =>
      parseMessageData('report:wrong-match', {
        entityId: 'country-geo',
        matchedText: 'Georgia',
        pageUrl: 'https://elsewhere.example/',
      }),
    ).toThrow(/report:wrong-match message/);
  });

  it('names the payload itself when it is not an object', () => {
    expect(() => parseMessageData('page:init', 'https://example.org/')).toThrow(
      /page:init message: \(payload\)/,
    );
  });
});

describe('who may send what', () => {
  const origin = 'chrome-extension://abcdef/';

  it('tells the extension pages from content scripts by the sending frame', () => {
    fakeBrowser.runtime.id = 'abcdef';
    expect(callerOf({ id: 'abcdef', url: `${origin}options.html`, tab: { id: 3 } }, origin)?.kind).toBe(
      'page',
    );
    expect(callerOf({ id: 'abcdef', url: 'https://news.example/a', tab: { id: 3 } }, origin)).toEqual({
      kind: 'content',
      tabId: 3,
      url: 'https://news.example/a',
    });
    expect(callerOf({ id: 'another-extension', url: 'https://x.example/' }, origin)).toBeUndefined();
  });

  it('lets content scripts ask only for the index, cards and their own reports', () => {
    const fromContent = Object.entries(BACKGROUND_MESSAGES)
      .filter(([, d]) => (d.from as readonly string[]).includes('content'))
      .map(([type]) => type)
      .sort();
    expect(fromContent).toEqual(['card:get', 'page:init', 'report:wrong-match']);
  });
});
