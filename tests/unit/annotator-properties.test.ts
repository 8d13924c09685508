// @vitest-environment happy-dom
/**
 * Property-based tests of the annotator on generated DOM trees: random nesting of blocks and inline
 * elements, entity names written with non-breaking spaces, soft hyphens, curly apostrophes, possessives and
 * case changes, and text inside elements NormLens must never read. Whatever the tree: every mention's text
 * folds to an alias of its entity, no mention sits in a skipped element, and annotating then clearing leaves
 * the DOM and the highlight registry as they were.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { Annotator, liveRange, type AnnotatorOptions, type PageMention } from '../../src/annotate/annotator';
import { ENTITY_KINDS } from '../../src/shared/vocabulary';
import type { Entity } from '../../src/shared/model';
import { entity } from './support/entities';
import { fold } from '../../src/text/fold';
import { installHighlightApi } from './support/highlight-api';

const ENTITIES: Entity[] = [
  entity('paris-call', 'initiative', 'Paris Call for Trust and Security in Cyberspace', [
    { text: 'Paris Call' },
    { text: 'Appel de Paris', lang: 'fr' },
  ]),
  entity('country-fra', 'country', 'France', [{ text: 'French', demonym: true }]),
  entity('country-usa', 'country', 'United States', [{ text: 'US', caseSensitive: true }]),
  entity('country-geo', 'country', 'Republic of Georgia', [
    { text: 'Georgia', rule: 'capitalised-not-sentence-start' },
  ]),
  entity('emmanuel-macron', 'person', 'Emmanuel Macron', [{ text: 'Macron', rule: 'after-full-name' }]),
  entity('who', 'organization', 'World Health Organization', [{ text: 'WHO', caseSensitive: true }]),
  entity('country-rus', 'country', 'Россия'),
  entity('country-grc', 'country', 'Ελλάδα'),
  entity('country-chn', 'country', '中国'),
  entity('tech-accord', 'initiative', 'Cybersecurity Tech Accord'),
];

const wire = buildAliasIndex('test', ENTITIES);
const index = new MatchIndex(wire);
const OPTIONS: AnnotatorOptions = { demonyms: true, firstMentionOnly: false, kinds: new Set(ENTITY_KINDS) };

/** The page text a mention covers. */
function text(m: PageMention): string {
  const range = liveRange(m.range);
  if (!range) throw new Error('a mention whose range no longer fits its text');
  return range.toString();
}

/** Folded aliases of each entity: what a mention's text must fold to. */
const aliasesOf = new Map<number, Set<string>>();
for (const [folded, n] of wire.aliases) {
  if (!aliasesOf.has(n)) aliasesOf.set(n, new Set());
  aliasesOf.get(n)!.add(folded);
}

const SKIPPED = ['textarea', 'script', 'style', 'noscript', 'code', 'pre', 'select', 'normlens-ui'];
const SKIPPED_SELECTOR =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), code, pre, script, style, noscript, svg, normlens-ui';

/** A name as a page might write it: cased differently, with typographic variants. */
const writtenName = fc
  .record({
    name: fc.constantFrom(...ENTITIES.flatMap((e) => [e.name, ...e.aliases.map((a) => a.text)])),
    casing: fc.constantFrom('as-is', 'upper', 'lower'),
    nbsp: fc.boolean(),
    softHyphen: fc.boolean(),
    possessive: fc.constantFrom('', "'s", '’s'),
  })
  .map(({ name, casing, nbsp, softHyphen, possessive }) => {
    let text = casing === 'upper' ? name.toUpperCase() : casing === 'lower' ? name.toLowerCase() : name;
    if (nbsp) text = text.replace(/ /g, '\u00a0');
    if (softHyphen && text.length > 4) text = `${text.slice(0, 3)}\u00ad${text.slice(3)}`;
    return text + possessive;
  });

const filler = fc.constantFrom(' ', ' and ', ', said ', '. ', ' the ', '\n', 'x', ' in 2024 ', '—');
const textRun = fc
  .array(fc.oneof(writtenName, filler), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

type Tree = { text: string } | { tag: string; editable?: boolean; children: Tree[] };

const tree: fc.Arbitrary<Tree[]> = fc.letrec<{ node: Tree; nodes: Tree[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textRun.map((text) => ({ text })),
    fc.record({
      tag: fc.constantFrom('p', 'div', 'span', 'em', 'a', 'b', 'li', 'h2', ...SKIPPED),
      editable: fc.constantFrom(false, false, true),
      children: tie('nodes'),
    }),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }),
})).nodes;

/** Build the tree with DOM calls only (never markup parsing of generated text). */
function build(parent: Element, nodes: Tree[]): void {
  for (const node of nodes) {
    if ('text' in node) {
      parent.append(document.createTextNode(node.text));
      continue;
    }
    const el = document.createElement(node.tag);
    if (node.editable) el.setAttribute('contenteditable', 'true');
    // Raw-text elements hold text only.
    if (['textarea', 'script', 'style', 'noscript'].includes(node.tag))
      el.textContent = 'France and the Paris Call';
    else build(el, node.children);
    parent.append(el);
  }
}

beforeAll(() => installHighlightApi());

describe('annotator on generated DOM trees', () => {
  it('every mention folds to an alias of its entity, and none is inside a skipped element', () => {
    let checked = 0;
    fc.assert(
      fc.property(tree, (nodes) => {
        const root = document.createElement('div');
        document.body.replaceChildren(root);
        build(root, nodes);
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'text'));
        svg.firstChild!.textContent = 'France';
        const input = document.createElement('input');
        input.value = 'France';
        root.append(svg, input);

        const annotator = new Annotator(index, OPTIONS);
        annotator.scan(document.body);
        for (const m of annotator.mentions) {
          expect(aliasesOf.get(m.entity)).toContain(fold(text(m)));
          checked++;
          for (const node of [m.range.startContainer, m.range.endContainer]) {
            expect(node.parentElement?.closest(SKIPPED_SELECTOR) ?? null).toBeNull();
          }
        }
        annotator.clear();
      }),
      { numRuns: 200 },
    );
    expect(checked, 'mentions checked over all runs').toBeGreaterThan(50);
  });

  it('finds a name crossing inline elements, and annotate + clear leaves the DOM and registry as they were', () => {
    fc.assert(
      fc.property(tree, writtenName, (nodes, name) => {
        const root = document.createElement('div');
        document.body.replaceChildren(root);
        build(root, nodes);
        // One known mention split across an inline boundary: "<em>Paris</em> Call" style.
        const p = document.createElement('p');
        const cut = name.indexOf(' ') > 0 ? name.indexOf(' ') : Math.max(1, name.length >> 1);
        const em = document.createElement('em');
        em.textContent = name.slice(0, cut);
        p.append('Yesterday ', em, `${name.slice(cut)} was cited.`);
        root.append(p);
        const before = document.body.innerHTML;

        const annotator = new Annotator(index, OPTIONS);
        annotator.scan(document.body);
        expect(document.body.innerHTML).toBe(before);
        annotator.clear();
        expect(document.body.innerHTML).toBe(before);
        expect((CSS as unknown as { highlights: Map<string, unknown> }).highlights.size).toBe(0);
        expect(annotator.mentions).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('a plainly written name in a paragraph is always found, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        tree,
        fc.constantFrom('France', 'Paris Call', 'Cybersecurity Tech Accord', '中国'),
        (nodes, name) => {
          const root = document.createElement('div');
          document.body.replaceChildren(root);
          build(root, nodes);
          const p = document.createElement('p');
          const b = document.createElement('b');
          b.textContent = name;
          p.append('Read about ', b, ' today.');
          root.append(p);
          const annotator = new Annotator(index, OPTIONS);
          annotator.scan(document.body);
          expect(annotator.mentions.some((m) => text(m) === name)).toBe(true);
          annotator.clear();
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** The same index with the JavaScript scanner, the fallback where WebAssembly cannot run. */
const jsIndex = new MatchIndex(wire, 'js');

describe('annotator at block and node boundaries', () => {
  const found = (html: string): string[] => {
    document.body.innerHTML = html;
    const texts: string[][] = [];
    for (const engine of [index, jsIndex]) {
      const annotator = new Annotator(engine, OPTIONS);
      annotator.scan(document.body);
      texts.push(annotator.mentions.map((m) => text(m)));
      annotator.clear();
    }
    // Both scanners, one result.
    expect(texts[1]).toEqual(texts[0]);
    return texts[0]!;
  };

  it('uses WebAssembly where it runs, JavaScript where asked', () => {
    expect(index.scanner.engine).toBe('wasm');
    expect(jsIndex.scanner.engine).toBe('js');
  });

  it('reads blocks written without any space between them as separate words', () => {
    // Minified markup: the text is "FranceUnited States", yet the two list items are two blocks.
    expect(found('<ul><li>France</li><li>United States</li></ul>')).toEqual(['France', 'United States']);
    expect(found('<div><p>France</p>Paris Call</div>')).toEqual(['France', 'Paris Call']);
  });

  it('keeps words whole across inline elements, and never joins two blocks into one name', () => {
    expect(found('<p>x<b>France</b>y, <i>Tech</i> Accord</p>')).toEqual([]);
    expect(found('<p>The <em>Paris</em> Call</p>')).toEqual(['Paris Call']);
    expect(found('<p>Paris</p><p>Call for papers: France</p>')).toEqual(['France']);
  });

  it('reads nothing inside code, and a name right after skipped text still counts', () => {
    expect(found('<p>See <code>France</code> and France</p>')).toEqual(['France']);
    expect(found('<p><code>x</code>France</p>')).toEqual(['France']);
  });
});
