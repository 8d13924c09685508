import { describe, expect, it } from 'vitest';
import { pageKey } from '../../src/content/spa-navigation';

describe('pageKey', () => {
  it('treats anchors as the same page, and paths, queries and hash routes as new pages', () => {
    expect(pageKey('https://x.org/a#section-2')).toBe(pageKey('https://x.org/a'));
    expect(pageKey('https://x.org/a')).not.toBe(pageKey('https://x.org/b'));
    expect(pageKey('https://x.org/a?page=2')).not.toBe(pageKey('https://x.org/a?page=3'));
    expect(pageKey('https://x.org/#/story/1')).not.toBe(pageKey('https://x.org/#/story/2'));
    expect(pageKey('https://x.org/#!story/1')).not.toBe(pageKey('https://x.org/#!story/2'));
  });
});
