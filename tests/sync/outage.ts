/**
 * The message of a request to a server stopped by `failAfter`. PouchDB's replicator
 * asks the source's info after each batch without handling a failure
 * (pouchdb-replication 9: `src.info().then(...)`, progress bookkeeping only), so a
 * stopped server can leave that one rejection unhandled; vitest.config.ts ignores that
 * one, and only it (kept apart from client.ts so the config loads no PouchDB).
 */
export const SERVER_STOPPED = 'fetch failed (the test server stopped answering)';
