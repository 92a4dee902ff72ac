import { defineConfig } from 'vitest/config';

// End-to-end in Firefox: the built add-on (.output/firefox-mv2) in Debian's
// firefox-esr, headless, through puppeteer-core (WebDriver BiDi). One browser
// for the file; tests in order (tests/e2e-firefox/firefox.e2e.test.ts).
export default defineConfig({
  resolve: { alias: { '@': new URL('.', import.meta.url).pathname } },
  test: {
    include: ['tests/e2e-firefox/**/*.e2e.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
