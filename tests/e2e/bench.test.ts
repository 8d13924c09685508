/**
 * The benchmark's browser part still measures something: on the fixture article, NormLens reports its
 * measures, and the floor, RegExp and mark.js baselines run on a clean copy with the same alias list. Only
 * that every measurement exists and the methods agree on what they found is checked, never how fast.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCorpusBench } from '../../bench/corpus';
import { aliasTexts } from '../../bench/engine';
import { aliasUnionSource } from '../../bench/regexp-union';
import { TIMED } from '../../bench/report';
import { loadAndCompile } from '../../src/dataset/load-sources';
import { ROOT } from './harness';

describe('npm run bench, browser part', () => {
  it('measures NormLens and every baseline on the fixture article', async () => {
    const { dataset } = loadAndCompile(join(ROOT, 'data'));
    const { pages } = await runCorpusBench({
      pagesDir: join(ROOT, 'tests/fixtures/site'),
      pages: ['article.html'],
      unionSource: aliasUnionSource(aliasTexts(dataset.entities)),
      markJsPath: join(ROOT, 'node_modules/mark.js/dist/mark.js'),
      runs: 1,
      quietMs: 250,
      timeoutMs: 15_000,
      log: () => undefined,
    });
    const [article] = pages;
    expect(article?.errors).toEqual([]);
    for (const key of TIMED) expect(article?.[key], key).toBeGreaterThan(0);
    expect(article!.tasks).toBeGreaterThanOrEqual(1);
    expect(article!.longestTaskMs).toBeLessThanOrEqual(article!.annotateMs!);
    expect(article!.mentions).toBeGreaterThan(5);
    // Same union, same text nodes (script and style skipped by both): the two baselines find the same hits.
    expect(article!.regexpHits).toBeGreaterThan(5);
    expect(article!.markHits).toBe(article!.regexpHits);
  });
});
