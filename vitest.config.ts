import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  // Worktrees link node_modules from another folder; let Vite serve setup files from there too.
  server: { fs: { strict: false } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    // Some tests compile the whole dataset from data/ (several seconds on a loaded 2-core machine).
    testTimeout: 30_000,
  },
});
