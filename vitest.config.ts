import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // A worktree whose node_modules links to another checkout's: DOM-environment tests load their modules
  // through Vite, which serves only from the project unless the link's target is allowed too.
  server: {
    fs: { allow: [import.meta.dirname, realpathSync(resolve(import.meta.dirname, 'node_modules'))] },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    // Some tests compile the whole dataset from data/ (several seconds on a loaded 2-core machine).
    testTimeout: 30_000,
  },
});
