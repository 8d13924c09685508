/** Messages entering the background: an invalid payload throws an Error naming the field (senders reject). */
import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage } from '../../src/messaging/validate';

describe('parseBackgroundMessage', () => {
  it('returns a valid payload', () => {
    expect(parseBackgroundMessage('card:get', { id: 'paris-call' })).toEqual({ id: 'paris-call' });
    expect(parseBackgroundMessage('settings:set', { hoverDelayMs: 500 })).toEqual({ hoverDelayMs: 500 });
  });

  it('throws an Error naming the message and the failing field', () => {
    expect(() =>
      parseBackgroundMessage('report:wrong-match', {
        entityId: 'Not An Id',
        matchedText: 'x',
        pageUrl: 'https://example.org/',
      }),
    ).toThrow(/^invalid report:wrong-match message: entityId: /);
    expect(() => parseBackgroundMessage('update:set-feed', { feedUrl: 'not a url' })).toThrow(
      /update:set-feed message: feedUrl/,
    );
    expect(() => parseBackgroundMessage('settings:set', { hoverDelayMs: 99999 })).toThrow(/hoverDelayMs/);
  });

  it('names the payload itself when it is not an object', () => {
    expect(() => parseBackgroundMessage('page:init', 'https://example.org/')).toThrow(
      /page:init message: \(payload\)/,
    );
  });
});
