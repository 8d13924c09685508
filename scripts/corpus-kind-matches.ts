/**
 * npx tsx scripts/corpus-kind-matches.ts [--kind threat-actor] [--data data] DIR...
 *
 * Runs the compiled alias index over the text of every HTML file in the given folders (default: the shared page
 * corpus, ../shared/corpus/pages and ../shared/corpus/news-pages, or /work/shared/corpus/...) and lists every
 * mention of an entity of one kind, with the page and a little text around it. A new kind should add almost no
 * matches there: most of those pages have nothing to do with cyber policy. The text is taken crudely (script and
 * style removed, tags stripped, entities decoded); each page is one block of text, read in order, so rules that
 * look at what came earlier on the page (in-context, after-full-name) see the whole page before the mention.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAliasIndex, MatchIndex } from '../src/annotate/alias-index';
import { findMentions, newPageMatchState } from '../src/annotate/find-mentions';
import { loadAndCompile } from '../src/dataset/load-sources';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** An HTML page's text, crudely: no script, style or comments, tags as spaces, entities decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/(p|div|h[1-6]|li|td|th|tr|br|section|article|header|footer|title)\s*>|<br\s*\/?>/gi, '. ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ');
}

export interface KindMatch {
  file: string;
  id: string;
  text: string;
  around: string;
}

export function kindMatches(index: MatchIndex, kind: string, files: readonly string[]): KindMatch[] {
  const out: KindMatch[] = [];
  for (const file of files) {
    const text = pageText(readFileSync(file, 'utf8'));
    const mentions = findMentions(index, text, newPageMatchState(), {
      demonyms: true,
      firstMentionOnly: false,
    });
    for (const m of mentions) {
      const id = index.idOf(m.entity);
      if (index.kindOf(m.entity) !== kind) continue;
      out.push({
        file,
        id,
        text: text.slice(m.start, m.end),
        around: text.slice(Math.max(0, m.start - 60), m.end + 60),
      });
    }
  }
  return out;
}

export function defaultCorpusDirs(): string[] {
  for (const base of [resolve('../shared/corpus'), '/work/shared/corpus']) {
    const dirs = ['pages', 'news-pages'].map((d) => join(base, d));
    if (dirs.every((d) => existsSync(d))) return dirs;
  }
  return [];
}

export function htmlFiles(dirs: readonly string[]): string[] {
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => join(d, f)),
  );
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { kind: { type: 'string', default: 'threat-actor' }, data: { type: 'string', default: 'data' } },
    allowPositionals: true,
  });
  const dirs = positionals.length ? positionals : defaultCorpusDirs();
  if (dirs.length === 0) {
    console.error(
      'no corpus folder found (../shared/corpus/pages and news-pages); give folders as arguments',
    );
    process.exit(2);
  }
  const { dataset, errors } = loadAndCompile(resolve(values.data ?? 'data'));
  if (errors.length) {
    for (const e of errors) console.error(`error: ${e}`);
    process.exit(1);
  }
  const index = new MatchIndex(buildAliasIndex(dataset.version, dataset.entities));
  const files = htmlFiles(dirs);
  const matches = kindMatches(index, values.kind ?? 'threat-actor', files);
  for (const m of matches) console.log(`${m.file}: ${m.id} "${m.text}": …${m.around}…`);
  console.log(`${matches.length} ${values.kind} match(es) on ${files.length} pages`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) main();
