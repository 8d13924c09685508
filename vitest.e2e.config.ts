import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium with the built test extension; one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
