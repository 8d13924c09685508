/**
 * Finds the page's main article region, where the reader's attention (and most mentions) are: the largest
 * `<article>`, else `<main>` / `[role=main]`, else a readability-style guess (paragraph-rich blocks win,
 * link-heavy ones lose), else the body. Pure DOM reading: nothing is changed.
 */

/** Below this much text a semantic container is probably a teaser or an empty shell, not the article. */
const MIN_ARTICLE_CHARS = 200;
/** A paragraph shorter than this carries no signal (captions, bylines, buttons). */
const MIN_PARAGRAPH_CHARS = 25;
/** How many top-scoring candidates get the (costlier) link-density check. */
const TOP_CANDIDATES = 5;

/**
 * Text length of an element: textContent is one native call, far cheaper than walking. Markup whitespace is
 * counted too; it weighs alike on the candidates compared, and collapsing it would cost a pass over the text.
 */
function textLength(el: Element): number {
  return el.textContent?.length ?? 0;
}

function countCommas(text: string): number {
  let commas = 0;
  for (let at = text.indexOf(','); at >= 0; at = text.indexOf(',', at + 1)) commas++;
  return commas;
}

/** The share of an element's text that sits inside links: navigation, tag clouds and link lists score high. */
export function linkDensity(el: Element): number {
  return linkShare(el, textLength(el), new Map());
}

/**
 * linkDensity for an element whose text length is known; `linkLengths` remembers each link's text length, as
 * the candidates compared are often nested (a paragraph's parent and grandparent hold the same links).
 */
function linkShare(el: Element, total: number, linkLengths: Map<Element, number>): number {
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) {
    let length = linkLengths.get(a);
    if (length === undefined) {
      length = textLength(a);
      linkLengths.set(a, length);
    }
    linked += length;
  }
  return Math.min(1, linked / total);
}

/** The element with the most text (at least MIN_ARTICLE_CHARS), with that text. */
function largest(elements: Iterable<Element>): ArticleRegion | undefined {
  let best: ArticleRegion | undefined;
  let bestLength = MIN_ARTICLE_CHARS - 1;
  for (const el of elements) {
    const text = el.textContent ?? '';
    if (text.length > bestLength) {
      best = { element: el, text };
      bestLength = text.length;
    }
  }
  return best;
}

/**
 * Readability-style scoring: every paragraph gives points to its parent (full) and grandparent (half) by its
 * length and commas; candidates then lose points in proportion to their link density. Each candidate's text is
 * read once (for that density); the winner's comes with it, so the scan need not read it again.
 */
export function guessArticleByParagraphs(body: Element): ArticleRegion | undefined {
  // Paragraphs first; table cells and list items (menus, link lists, layout tables whose cells nest, each
  // read whole) only when paragraphs name no candidate.
  return guessBy(body, 'p, blockquote') ?? guessBy(body, 'td, li');
}

function guessBy(body: Element, selector: string): ArticleRegion | undefined {
  const scores = new Map<Element, number>();
  for (const p of body.querySelectorAll(selector)) {
    const text = p.textContent ?? '';
    const length = text.trim().length;
    if (length < MIN_PARAGRAPH_CHARS) continue;
    const points = 1 + countCommas(text) + Math.min(3, Math.floor(length / 100));
    const parent = p.parentElement;
    if (parent && parent !== body.parentElement) scores.set(parent, (scores.get(parent) ?? 0) + points);
    const grand = parent?.parentElement;
    if (grand && grand !== body.parentElement) scores.set(grand, (scores.get(grand) ?? 0) + points / 2);
  }
  const top = [...scores].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  const linkLengths = new Map<Element, number>();
  let best: Element | undefined;
  let bestText = '';
  let bestScore = 0;
  for (const [el, score] of top) {
    // Link density only lowers a score, and the candidates come best first: once a raw score cannot beat the
    // best adjusted one, no later candidate can either, and their text need not be read.
    if (score <= bestScore) break;
    // Each candidate's text is read once: for its link density, and as the region's text if it wins.
    const text = el.textContent ?? '';
    const adjusted = score * (1 - linkShare(el, text.length, linkLengths));
    if (adjusted > bestScore) {
      best = el;
      bestText = text;
      bestScore = adjusted;
    }
  }
  return best && bestText.length >= MIN_ARTICLE_CHARS ? { element: best, text: bestText } : undefined;
}

/** The article region, and its text when finding it already read it (so the scan need not read it again). */
export interface ArticleRegion {
  element: Element;
  text?: string;
}

/** The element holding the page's main article; the body when nothing better is found. */
export function findArticleRegion(doc: Document): ArticleRegion {
  const body = doc.body ?? doc.documentElement;
  return (
    largest(doc.querySelectorAll('article')) ??
    largest(doc.querySelectorAll('main, [role="main"]')) ??
    guessArticleByParagraphs(body) ?? { element: body }
  );
}
