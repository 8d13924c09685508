// @vitest-environment happy-dom
/**
 * Article-region detection on generated pages: whatever the amount of navigation, sidebars and footers
 * around it, and whatever container holds it (<article>, <main>, [role=main] or plain <div>s), the region
 * found holds the article's paragraphs and none of the page's chrome.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { findArticleRegion, guessArticleByParagraphs, linkDensity } from '../../src/annotate/article-region';

const SENTENCE =
  'Officials from several governments met on Tuesday, and after long talks, they agreed to share reports on attacks against hospitals.';

function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

const linkList = (n: number, prefix: string): HTMLElement =>
  el(
    'ul',
    {},
    ...Array.from({ length: n }, (_, i) =>
      el('li', {}, el('a', { href: `/${prefix}/${i}` }, `${prefix} link number ${i} with a long title`)),
    ),
  );

interface PageShape {
  container: 'article' | 'main' | 'role-main' | 'div';
  paragraphs: number;
  navLinks: number;
  sidebarLinks: number;
  /** Teaser <article>s in the sidebar, each smaller than the real article. */
  teasers: number;
  depth: number;
}

/** Build a page; returns the element holding the article's paragraphs and the chrome around it. */
function buildPage(shape: PageShape): { story: HTMLElement; chrome: HTMLElement[] } {
  document.body.replaceChildren();
  const paragraphs = Array.from({ length: shape.paragraphs }, (_, i) =>
    el('p', { id: `p${i}` }, `${SENTENCE} ${i}`),
  );
  const story =
    shape.container === 'article'
      ? el('article', {}, el('h1', {}, 'A headline'), ...paragraphs)
      : shape.container === 'main'
        ? el('main', {}, ...paragraphs)
        : shape.container === 'role-main'
          ? el('div', { role: 'main' }, ...paragraphs)
          : el('div', { class: 'story-body' }, ...paragraphs);
  let wrapped: HTMLElement = story;
  for (let d = 0; d < shape.depth; d++) wrapped = el('div', { class: `wrap${d}` }, wrapped);
  const nav = el('nav', {}, linkList(shape.navLinks, 'section'));
  const teasers = Array.from({ length: shape.teasers }, (_, i) =>
    el(
      'article',
      { class: 'teaser' },
      el('a', { href: `/t/${i}` }, `Teaser ${i}: a short summary of another story`),
    ),
  );
  const sidebar = el('aside', {}, linkList(shape.sidebarLinks, 'most-read'), ...teasers);
  const footer = el('footer', {}, linkList(6, 'about'));
  document.body.append(el('header', {}, nav), wrapped, sidebar, footer);
  return { story, chrome: [nav, sidebar, footer] };
}

afterEach(() => document.body.replaceChildren());

describe('findArticleRegion', () => {
  it('finds the article among navigation, sidebars, teasers and footers, whatever holds it', () => {
    fc.assert(
      fc.property(
        fc.record({
          container: fc.constantFrom('article', 'main', 'role-main', 'div'),
          paragraphs: fc.integer({ min: 3, max: 12 }),
          navLinks: fc.integer({ min: 0, max: 40 }),
          sidebarLinks: fc.integer({ min: 0, max: 40 }),
          teasers: fc.integer({ min: 0, max: 4 }),
          depth: fc.integer({ min: 0, max: 3 }),
        }),
        (shape: PageShape) => {
          const { story, chrome } = buildPage(shape);
          const found = findArticleRegion(document);
          const region = found.element;
          // Text handed over to the scan, when there is any, is exactly the region's.
          if (found.text !== undefined) expect(found.text).toBe(region.textContent);
          expect(region.contains(story.querySelector('#p0'))).toBe(true);
          expect(region.contains(story.querySelector(`#p${shape.paragraphs - 1}`))).toBe(true);
          for (const part of chrome) expect(region.contains(part)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('prefers the <article> with the most text when there are several', () => {
    const short = el('article', {}, el('p', {}, SENTENCE.repeat(2)));
    const long = el('article', { id: 'long' }, el('p', {}, SENTENCE.repeat(6)));
    document.body.append(short, long);
    const found = findArticleRegion(document);
    expect(found.element.id).toBe('long');
    expect(found.text).toBe(long.textContent);
  });

  it('falls back to the body when nothing looks like an article', () => {
    document.body.append(el('nav', {}, linkList(5, 'x')), el('p', {}, 'Short.'));
    expect(findArticleRegion(document).element).toBe(document.body);
  });

  it('penalises link-heavy blocks', () => {
    const links = el(
      'div',
      {},
      ...Array.from({ length: 8 }, () => el('p', {}, el('a', { href: '/' }, SENTENCE))),
    );
    const text = el('div', { id: 'text' }, ...Array.from({ length: 4 }, () => el('p', {}, SENTENCE)));
    document.body.append(links, text);
    expect(linkDensity(links)).toBeGreaterThan(0.9);
    expect(linkDensity(text)).toBe(0);
    const guessed = guessArticleByParagraphs(document.body);
    expect(guessed?.element.id).toBe('text');
    expect(guessed?.text).toBe(text.textContent);
  });
});
