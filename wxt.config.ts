import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { loadAndCompile } from './src/dataset/load-sources';
import { resolveFeedConfig } from './src/feed/build-config';

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
 * The feed this build reads by default and the keys it trusts (src/feed/build-config.ts): feed.config.json,
 * overridden by NORMLENS_FEED_URL and NORMLENS_FEED_KEYS; a test build takes only those two variables.
 */
const feed = resolveFeedConfig({ root: import.meta.dirname, testBuild: testHosts.length > 0 });

export default defineConfig({
  // Test builds (see below) go to their own folder so they never mix with a real build; NORMLENS_OUT_DIR
  // gives an end-to-end test a build of its own (tests/e2e/release.test.ts).
  outDir: process.env.NORMLENS_OUT_DIR || (testHosts.length > 0 ? '.output/test' : '.output'),
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
      __NORMLENS_FEED__: JSON.stringify({
        keys: feed.trustedKeys,
        defaultFeedUrl: feed.feedUrl,
        // Test builds time out fast (NORMLENS_TEST_FEED_TIMEOUT_MS, 1.5 s by default) so a hang test is quick.
        timeoutMs: testHosts.length > 0 ? Number(process.env.NORMLENS_TEST_FEED_TIMEOUT_MS || 1500) : 30_000,
      }),
      __NORMLENS_FEED_TEST_BUILD__: JSON.stringify(testHosts.length > 0),
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
