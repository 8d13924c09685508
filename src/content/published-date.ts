/**
 * The article's publication date, read from what the publisher declared: meta tags (Open Graph article
 * tags, itemprop, common news meta names), JSON-LD `datePublished` (including `@graph` arrays), then a
 * `<time datetime>` in the article or its header. Pure over a Document; no date found means no date, never a
 * guess. The result keeps only the calendar date the publisher wrote (YYYY, YYYY-MM or YYYY-MM-DD), without
 * converting time zones, so "2018-11-12T23:30-05:00" stays 12 Nov 2018 as printed on the page.
 */
import { isRealPartialDate } from '../shared/dates';

const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[property="og:article:published_time"]',
  'meta[property="og:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="article:published_time"]',
  'meta[name="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publish-date"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="dcterms.created"]',
];

/** The leading calendar date of an ISO-8601-like value, if it is a real date. */
export function calendarDateOf(value: string | null | undefined): string | undefined {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s+Z]|[-+]\d{2}:?\d{2}$)/.exec(value ?? '');
  if (!m) return undefined;
  const date = [m[1], m[2], m[3]].filter(Boolean).join('-');
  return isRealPartialDate(date) ? date : undefined;
}

function fromMeta(doc: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    for (const el of doc.querySelectorAll(selector)) {
      const date = calendarDateOf(el.getAttribute('content'));
      if (date) return date;
    }
  }
  // Microdata on a visible element: <time itemprop="datePublished" datetime="...">.
  for (const el of doc.querySelectorAll('[itemprop="datePublished"]')) {
    const date = calendarDateOf(el.getAttribute('datetime') ?? el.getAttribute('content'));
    if (date) return date;
  }
  return undefined;
}

/** Walk parsed JSON-LD (objects, arrays, @graph) for the first datePublished. */
function findDatePublished(node: unknown, depth = 0): string | undefined {
  if (depth > 8 || node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const date = findDatePublished(item, depth + 1);
      if (date) return date;
    }
    return undefined;
  }
  const record = node as Record<string, unknown>;
  const own = record['datePublished'];
  const ownDate = typeof own === 'string' ? calendarDateOf(own) : undefined;
  if (ownDate) return ownDate;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage']) {
    const date = findDatePublished(record[key], depth + 1);
    if (date) return date;
  }
  return undefined;
}

function fromJsonLd(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a publisher's broken JSON-LD is not our error
    }
    const date = findDatePublished(parsed);
    if (date) return date;
  }
  return undefined;
}

function fromTimeElement(doc: Document): string | undefined {
  for (const selector of [
    'article header time[datetime]',
    'article time[datetime]',
    'header time[datetime]',
  ]) {
    const date = calendarDateOf(doc.querySelector(selector)?.getAttribute('datetime'));
    if (date) return date;
  }
  return undefined;
}

/** The publication date the page declares, or undefined when it declares none. */
export function publishedDate(doc: Document): string | undefined {
  return fromMeta(doc) ?? fromJsonLd(doc) ?? fromTimeElement(doc);
}
