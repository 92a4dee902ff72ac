import { defineConfig } from 'vitest/config';

// End-to-end: the built extension (.output/chrome-mv3) in headless Chromium.
// One browser per describe; files one after another (2 cores).
export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
