import { describe, expect, it } from 'vitest';
import { isEnabled, patternMatches, siteForUrl } from '../../src/shared/site';

describe('sites', () => {
  it('derives a site pattern from http(s) pages only', () => {
    expect(siteForUrl('https://www.lemonde.fr/pixels/article/x.html')).toEqual({
      pattern: 'https://www.lemonde.fr/*',
      hostname: 'www.lemonde.fr',
    });
    expect(siteForUrl('chrome://extensions')).toBeUndefined();
    expect(siteForUrl('not a url')).toBeUndefined();
  });

  it('matches patterns like the browser does, ports ignored', () => {
    expect(patternMatches('http://127.0.0.1/*', 'http://127.0.0.1:8080/a.html')).toBe(true);
    expect(patternMatches('https://*.example.com/*', 'https://news.example.com/x')).toBe(true);
    expect(patternMatches('https://example.com/*', 'https://evil-example.com/')).toBe(false);
    expect(isEnabled('https://a.org/x', ['https://b.org/*'])).toBe(false);
  });
});
