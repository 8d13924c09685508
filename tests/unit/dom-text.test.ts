// @vitest-environment happy-dom
/** The block reader: blocks cross inline elements, never block ones; a cursor resumes; exclusions hold. */
import { describe, expect, it } from 'vitest';
import { BlockReader } from '../../src/annotate/dom-text';

function page(): HTMLElement {
  const body = document.body;
  body.replaceChildren();
  const p1 = document.createElement('p');
  const a = document.createElement('a');
  a.textContent = 'Paris';
  p1.append(a, ' Call');
  const article = document.createElement('article');
  const p2 = document.createElement('p');
  p2.textContent = 'Inside the article';
  const code = document.createElement('code');
  code.textContent = 'skipped code';
  p2.append(code);
  article.append(p2);
  const p3 = document.createElement('p');
  p3.textContent = 'After';
  body.append(p1, article, p3);
  return article;
}

describe('BlockReader', () => {
  it('reads one block per block element, joining inline text and skipping code', () => {
    page();
    const blocks: string[] = [];
    new BlockReader().read(document.body, (b) => blocks.push(b.raw));
    expect(blocks).toEqual(['Paris Call', 'Inside the article', 'After']);
  });

  it('a cursor gives the same blocks one at a time, and can leave a subtree out', () => {
    const article = page();
    const cursor = new BlockReader(article).cursor(document.body);
    expect(cursor.next()?.raw).toBe('Paris Call');
    expect(cursor.next()?.raw).toBe('After');
    expect(cursor.next()).toBeUndefined();
    expect(cursor.next()).toBeUndefined();
  });
});
