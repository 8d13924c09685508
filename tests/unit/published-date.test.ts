// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { calendarDateOf, publishedDate } from '../../src/content/published-date';

const doc = (head: string, body = ''): Document =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'text/html',
  );

describe('publishedDate', () => {
  it('reads article:published_time, keeping the date as the publisher wrote it', () => {
    expect(
      publishedDate(doc('<meta property="article:published_time" content="2018-11-12T23:30:00-05:00">')),
    ).toBe('2018-11-12');
  });

  it('reads og and itemprop variants', () => {
    expect(publishedDate(doc('<meta property="og:published_time" content="2022-03-01">'))).toBe('2022-03-01');
    expect(publishedDate(doc('<meta itemprop="datePublished" content="2020-07">'))).toBe('2020-07');
    expect(
      publishedDate(
        doc('', '<p>By X, <time itemprop="datePublished" datetime="2019-05-02T08:00Z">May 2</time></p>'),
      ),
    ).toBe('2019-05-02');
  });

  it('reads JSON-LD datePublished, also inside @graph arrays, and skips broken JSON-LD', () => {
    const graph = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'x' },
        { '@type': 'NewsArticle', datePublished: '2021-06-30T10:00:00Z' },
      ],
    });
    expect(
      publishedDate(
        doc(
          `<script type="application/ld+json">{not json</script><script type="application/ld+json">${graph}</script>`,
        ),
      ),
    ).toBe('2021-06-30');
    const list = JSON.stringify([{ '@type': 'Article', datePublished: '2017-01-09' }]);
    expect(publishedDate(doc(`<script type="application/ld+json">${list}</script>`))).toBe('2017-01-09');
  });

  it('falls back to a <time datetime> in the article header, not any time on the page', () => {
    expect(
      publishedDate(
        doc('', '<article><header><time datetime="2016-02-29">29 Feb</time></header><p>x</p></article>'),
      ),
    ).toBe('2016-02-29');
    expect(publishedDate(doc('', '<aside><time datetime="2016-02-29">x</time></aside>'))).toBeUndefined();
  });

  it('prefers meta over JSON-LD over <time>', () => {
    const ld = JSON.stringify({ datePublished: '2001-01-01' });
    expect(
      publishedDate(
        doc(
          `<meta property="article:published_time" content="2010-10-10"><script type="application/ld+json">${ld}</script>`,
          '<article><time datetime="2002-02-02"></time></article>',
        ),
      ),
    ).toBe('2010-10-10');
  });

  it('returns no date when none is declared or the value is not a real date', () => {
    expect(publishedDate(doc('<title>x</title>', '<p>Published on Monday</p>'))).toBeUndefined();
    expect(
      publishedDate(doc('<meta property="article:published_time" content="2019-02-30">')),
    ).toBeUndefined();
    expect(
      publishedDate(doc('<meta property="article:published_time" content="Mon, 12 Nov 2018">')),
    ).toBeUndefined();
  });
});

describe('calendarDateOf', () => {
  it('keeps only the precision given', () => {
    expect(calendarDateOf('2018')).toBe('2018');
    expect(calendarDateOf('2018-11')).toBe('2018-11');
    expect(calendarDateOf('2018-11-12 09:00')).toBe('2018-11-12');
    expect(calendarDateOf('2018-11-12+01:00')).toBe('2018-11-12');
    expect(calendarDateOf('20181112')).toBeUndefined();
    expect(calendarDateOf(null)).toBeUndefined();
  });
});
