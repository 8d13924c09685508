/**
 * npm run feed:publish -- --key env:NORMLENS_SIGNING_KEY [--key env:NORMLENS_SIGNING_KEY_OLD]
 *                         [--expect-version V] [--dataset FILE] [--min-extension V] [--today YYYY-MM-DD]
 *                         [--repo DIR] [--remote origin] [--branch gh-pages] [--no-push]
 * What the dataset release workflow runs (.github/workflows/dataset-release.yml): it takes the feed as the
 * GitHub Pages branch publishes it, with every snapshot released so far, adds this release to it (the same
 * release as `npm run dataset:release`, into feed/v1/), and pushes the union as one new commit on top of the
 * branch. Nothing published before is removed or rewritten, so patches from older versions keep working;
 * a push that races another release fails instead of overwriting it. The first release creates the branch.
 * The release is refused (nothing pushed) without a signing key, with a key no build of this repository
 * trusts, or when --expect-version (the release tag's version) is not the dataset's version.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PAGES_FEED_DIR } from '../src/feed/build-config';
import { ReleaseRefused, datasetToRelease, releaseDataset, runCli } from './dataset-release';

const { values } = parseArgs({
  options: {
    key: { type: 'string', multiple: true },
    'expect-version': { type: 'string' },
    dataset: { type: 'string' },
    'min-extension': { type: 'string' },
    today: { type: 'string' },
    repo: { type: 'string', default: '.' },
    remote: { type: 'string', default: 'origin' },
    branch: { type: 'string', default: 'gh-pages' },
    'no-push': { type: 'boolean' },
  },
});

const repo = resolve(values.repo);
const { remote, branch } = values;

function git(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): string {
  const result = spawnSync('git', args, {
    cwd: options.cwd ?? repo,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`git ${args.join(' ')} failed: ${(result.stderr || result.stdout).trim()}`);
  }
  return result.stdout.trim();
}

/** Commits made by the workflow carry its identity; a maintainer's own git identity wins where set. */
function identity(): Record<string, string> {
  const configured = spawnSync('git', ['config', 'user.email'], { cwd: repo, encoding: 'utf8' });
  if (configured.status === 0 && configured.stdout.trim()) return {};
  const name = 'NormLens release';
  const email = 'release@normlens.invalid';
  return {
    GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? name,
    GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? email,
    GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? name,
    GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? email,
  };
}

await runCli(async () => {
  const dataset = datasetToRelease(values.dataset);
  const expected = values['expect-version'];
  if (expected !== undefined && expected !== dataset.version) {
    throw new ReleaseRefused(
      `release refused: the tag says dataset ${expected}, data/meta.yaml says ${dataset.version} ` +
        '(raise version in data/meta.yaml and tag data-<that version>)',
    );
  }
  const gitDir = git(['rev-parse', '--absolute-git-dir']);
  const scratch = mkdtempSync(join(tmpdir(), 'normlens-publish-'));
  const site = join(scratch, 'site');
  const index = { GIT_INDEX_FILE: join(scratch, 'index') };
  const inSite = (args: string[], env: Record<string, string> = {}): string =>
    git([`--git-dir=${gitDir}`, `--work-tree=${site}`, ...args], { cwd: site, env: { ...index, ...env } });
  try {
    // The published feed, as the Pages branch holds it now (nothing yet at the first release).
    const published = git(['ls-remote', '--heads', remote, branch]) !== '';
    let parent: string | undefined;
    const local = `refs/normlens/published-${branch}`;
    if (published) {
      git(['fetch', '--quiet', '--depth=1', '--no-tags', remote, `+refs/heads/${branch}:${local}`]);
      parent = git(['rev-parse', `${local}^{commit}`]);
    }
    mkdirSync(site);
    if (parent) {
      inSite(['read-tree', parent]);
      inSite(['checkout-index', '--all', '--force']);
    }
    const before = parent ? inSite(['ls-files']).split('\n').filter(Boolean) : [];

    const { manifest, keys } = await releaseDataset(
      {
        out: join(site, PAGES_FEED_DIR),
        keys: values.key ?? [],
        minExtension: values['min-extension'],
        today: values.today,
      },
      dataset,
    );
    // GitHub Pages serves the files as they are: no Jekyll run over them.
    if (!existsSync(join(site, '.nojekyll'))) writeFileSync(join(site, '.nojekyll'), '');

    inSite(['add', '--all', '--force', '.']);
    const after = new Set(inSite(['ls-files']).split('\n').filter(Boolean));
    const lost = before.filter((f) => !after.has(f));
    if (lost.length > 0) throw new Error(`release would remove published files: ${lost.join(', ')}`);
    const tree = inSite(['write-tree']);
    const message =
      `Dataset ${manifest.datasetVersion} in ${PAGES_FEED_DIR}/\n\n` +
      `Signed by ${keys.map((k) => k.keyId).join(', ')}; patches from ${manifest.patches.map((p) => p.from).join(', ') || 'none'}; ` +
      `for extensions ${manifest.minExtensionVersion} and later.`;
    const commit = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], {
      env: identity(),
    });
    // The workflow's next step checks the published feed for this version.
    if (process.env.GITHUB_OUTPUT)
      appendFileSync(process.env.GITHUB_OUTPUT, `version=${manifest.datasetVersion}\n`);
    if (values['no-push']) {
      console.log(`built ${commit} for ${branch} (not pushed)`);
    } else {
      // A fast-forward only: a release that raced this one is never overwritten.
      git(['push', '--quiet', remote, `${commit}:refs/heads/${branch}`]);
      console.log(
        `published dataset ${manifest.datasetVersion} to ${remote} ${branch} (${commit.slice(0, 12)})`,
      );
    }
    console.log(
      `${after.size} files on ${branch}, ${after.size - before.length} new; the feed is ${PAGES_FEED_DIR}/ of the Pages site`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
