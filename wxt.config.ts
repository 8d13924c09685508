import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadAndCompile } from './src/dataset/load-sources';

/**
 * NORMLENS_TEST_HOSTS (comma-separated match patterns) is for automated tests only: those hosts become
 * granted host permissions with annotation switched on, so tests run without a permission prompt.
 * The default build asks for no site access at all.
 */
const testHosts = (process.env.NORMLENS_TEST_HOSTS ?? '')
  .split(',')
  .map((h) => h.trim())
  .filter(Boolean);

/**
 * NORMLENS_TEST_FEED_KEY (path to a public key written by `npm run dataset:keygen`) is for automated tests
 * only: the build then trusts that key INSTEAD of the production keys, accepts a feed on http://127.0.0.1
 * (NORMLENS_TEST_FEED_URL sets the default, none otherwise) and uses a short request timeout.
 */
const testFeedKeyFile = process.env.NORMLENS_TEST_FEED_KEY;
const testFeed = testFeedKeyFile
  ? {
      keys: [JSON.parse(readFileSync(testFeedKeyFile, 'utf8')) as { keyId: string; publicKey: string }].map(
        ({ keyId, publicKey }) => ({ keyId, publicKey }),
      ),
      defaultFeedUrl: process.env.NORMLENS_TEST_FEED_URL ?? '',
      timeoutMs: 1500,
    }
  : null;

export default defineConfig({
  // Test builds (see below) go to their own folder so they never mix with a real build.
  outDir: testHosts.length > 0 ? '.output/test' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // webRequest: only to read the Content Security Policy of pages on enabled sites (see page-policies.ts).
    // storage: the reader's settings, sites, feed choices and reports (src/shared/storage.ts).
    permissions: ['scripting', 'activeTab', 'alarms', 'webRequest', 'storage'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(testHosts.length > 0 ? { host_permissions: testHosts } : {}),
    action: { default_title: 'NormLens' },
    // Rebindable in the browser's shortcut settings; the background forwards them to the page.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_cmd_next_mention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_cmd_previous_mention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'normlens@normlens.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    define: {
      __NORMLENS_TEST_HOSTS__: JSON.stringify(testHosts),
      __NORMLENS_TEST_FEED__: JSON.stringify(testFeed),
    },
  }),
  hooks: {
    // The dataset is compiled from data/ on every build and ships as a static file the background seeds from.
    'build:publicAssets': (_wxt, assets) => {
      const { dataset, errors } = loadAndCompile(resolve(import.meta.dirname, 'data'));
      if (errors.length > 0) throw new Error(`dataset errors:\n${errors.join('\n')}`);
      assets.push({ relativeDest: 'dataset.json', contents: JSON.stringify(dataset) });
    },
  },
});
