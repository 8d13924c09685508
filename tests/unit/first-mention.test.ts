// @vitest-environment happy-dom
/**
 * Quiet marks: with first-mention-only (the default) the annotator marks each entity's first mention and
 * keeps the later ones, unmarked, for the hover hit test, the tap and the keyboard walk; when the text of a
 * marked first mention changes and is forgotten, a kept later mention takes the mark.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAliasIndex, MatchIndex } from '../../src/annotate/alias-index';
import { Annotator, HIGHLIGHT_NAMES, liveRange } from '../../src/annotate/annotator';
import { ENTITY_KINDS } from '../../src/shared/vocabulary';
import { entity } from './support/entities';
import { installHighlightApi } from './support/highlight-api';

const index = new MatchIndex(
  buildAliasIndex('test', [
    entity('country-fra', 'country', 'France', [{ text: 'French', demonym: true }]),
    entity('emmanuel-macron', 'person', 'Emmanuel Macron', [{ text: 'Macron', rule: 'after-full-name' }]),
  ]),
);

beforeAll(installHighlightApi);

function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Texts registered in a kind's highlight. */
function highlighted(kind: 'country' | 'person'): string[] {
  const h = CSS.highlights.get(HIGHLIGHT_NAMES[kind]) as unknown as Set<AbstractRange> | undefined;
  return [...(h ?? [])].map((r) => liveRange(r)!.toString());
}

describe('first mention only', () => {
  it('marks the first mention of each entity and keeps the later ones unmarked', () => {
    const body = page(
      '<p id="a">France and Emmanuel Macron met.</p><p id="b">Macron said France would sign. France agreed.</p>',
    );
    const annotator = new Annotator(index, {
      demonyms: false,
      firstMentionOnly: true,
      kinds: new Set(ENTITY_KINDS),
    });
    annotator.scan(body);
    expect(annotator.mentions.map((m) => `${liveRange(m.range)!.toString()}:${m.marked}`)).toEqual([
      'France:true',
      'Emmanuel Macron:true',
      'Macron:false',
      'France:false',
      'France:false',
    ]);
    expect(highlighted('country')).toEqual(['France']);
    expect(highlighted('person')).toEqual(['Emmanuel Macron']);
    // Counts (the popup's digest) count every mention, marked or not.
    expect([...annotator.counts().values()]).toEqual([3, 2]);
    // The hover hit test finds the unmarked mentions too.
    const later = document.getElementById('b')!.firstChild as Text;
    expect(annotator.mentionsIn(later)?.map((m) => m.marked)).toEqual([false, false, false]);
    annotator.clear();
  });

  it('marks every mention when it is off', () => {
    const body = page('<p>France, France and France.</p>');
    const annotator = new Annotator(index, {
      demonyms: false,
      firstMentionOnly: false,
      kinds: new Set(ENTITY_KINDS),
    });
    annotator.scan(body);
    expect(highlighted('country')).toEqual(['France', 'France', 'France']);
    expect(annotator.mentions.every((m) => m.marked)).toBe(true);
    annotator.clear();
  });

  it('a later mention takes the mark when the marked first one is forgotten', () => {
    const body = page('<p id="a">France first.</p><p id="b">Then France again.</p>');
    const annotator = new Annotator(index, {
      demonyms: false,
      firstMentionOnly: true,
      kinds: new Set(ENTITY_KINDS),
    });
    annotator.scan(body);
    const first = document.getElementById('a')!;
    first.textContent = 'Nothing here now.';
    annotator.forget([first]);
    annotator.scan(first);
    expect(annotator.mentions.map((m) => m.marked)).toEqual([true]);
    expect(highlighted('country')).toEqual(['France']);
    expect(liveRange(annotator.mentions[0]!.range)!.startContainer.parentElement?.id).toBe('b');
    annotator.clear();
  });
});
