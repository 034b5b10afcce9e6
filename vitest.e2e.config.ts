import { defineConfig } from 'vitest/config';

// Whole-system tests: the real `voxpop` process, the embedded database, headless Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
