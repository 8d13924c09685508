// @vitest-environment happy-dom
/** Placement: text belongs to its nearest block, across inline elements; skipped and excluded text to none. */
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
  it('places text in its nearest block, across inline elements, and nowhere inside code', () => {
    const article = page();
    const reader = new BlockReader();
    const [p1, , p3] = [...document.body.children] as HTMLElement[];
    expect(reader.place(p1!.querySelector('a')!)).toBe(p1);
    expect(reader.place(p1!)).toBe(p1);
    expect(reader.place(article.querySelector('p')!)).toBe(article.querySelector('p'));
    expect(reader.place(article.querySelector('code')!)).toBeNull();
    expect(reader.place(p3!)).toBe(p3);
  });

  it('places nothing inside an excluded subtree or an editor', () => {
    const article = page();
    const reader = new BlockReader(article);
    expect(reader.place(article.querySelector('p')!)).toBeNull();
    expect(reader.place(document.body.firstElementChild!)).toBe(document.body.firstElementChild);
    const editor = document.createElement('div');
    editor.setAttribute('contenteditable', 'true');
    editor.append(document.createElement('span'));
    document.body.append(editor);
    expect(reader.place(editor.firstElementChild!)).toBeNull();
  });
});

describe('deep pages', () => {
  it('places text 50,000 levels deep without running out of stack', () => {
    const doc = document;
    let node: Element = doc.body;
    for (let i = 0; i < 50_000; i++) {
      const child = doc.createElement(i % 2 ? 'div' : 'span');
      node.appendChild(child);
      node = child;
    }
    const text = doc.createTextNode('France');
    node.appendChild(text);
    const reader = new BlockReader();
    expect(() => reader.place(node)).not.toThrow();
    expect(reader.place(node)).toBe(node); // the innermost element is a div: its own block
  });
});
