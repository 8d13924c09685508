/**
 * npm run feed:config -- [--pages OWNER/NAME] [--require-keys] [--write] [--url-only]
 * The feed the next build will trust and read (src/feed/build-config.ts: feed.config.json, then
 * NORMLENS_FEED_URL and NORMLENS_FEED_KEYS), printed. The release workflows run it before building:
 *   --pages OWNER/NAME  with no feed address configured, use that repository's GitHub Pages feed
 *   --require-keys      refuse (exit 1, saying what to do) when the build would trust no signing key
 *   --write             write the result into feed.config.json, so the build and the sources package for
 *                       Firefox Add-ons' reviewers both carry exactly this configuration
 *   --url-only          print only the feed address
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FEED_CONFIG_FILE, pagesFeedUrl, resolveFeedConfig } from '../src/feed/build-config';
import { runCli } from './dataset-release';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    'require-keys': { type: 'boolean' },
    write: { type: 'boolean' },
    'url-only': { type: 'boolean' },
  },
});

await runCli(async () => {
  const config = resolveFeedConfig({ root: ROOT });
  if (!config.feedUrl && values.pages) config.feedUrl = pagesFeedUrl(values.pages);
  if (values['require-keys'] && config.trustedKeys.length === 0) {
    throw new Error(
      'refused: this build would trust no signing key, so its readers could never get an update. ' +
        'Make one with npm run dataset:keygen -- --out ~/keys/normlens.key.json --trust, commit ' +
        `${FEED_CONFIG_FILE} and set the secret NORMLENS_SIGNING_KEY (README: "Publishing a dataset release").`,
    );
  }
  if (values.write) {
    const file = join(ROOT, FEED_CONFIG_FILE);
    const current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...current, ...config }, null, 2) + '\n');
  }
  if (values['url-only']) {
    console.log(config.feedUrl);
    return;
  }
  console.log(`feed: ${config.feedUrl || 'none (readers can set their own in the options page)'}`);
  console.log(
    `trusted keys: ${config.trustedKeys.map((k) => k.keyId).join(', ') || 'none: updates not configured in this build'}`,
  );
});
