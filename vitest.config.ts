import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { SERVER_STOPPED } from './tests/sync/outage';

// Unit and component tests. Files under tests/components run in jsdom (their
// docblock says so); the rest in plain Node. The end-to-end suite has its own
// config (vitest.e2e.config.ts).
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'tests/e2e-firefox/**', 'node_modules/**'],
    globals: true,
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 30_000,
    // PouchDB's replicator reads the source's info for its progress without a catch;
    // when a sync test stops its server that one read rejects unhandled. Every other
    // unhandled error still fails the run.
    onUnhandledError: (e) => !(e.message === SERVER_STOPPED && /_info/.test(e.stack ?? '')),
  },
});
