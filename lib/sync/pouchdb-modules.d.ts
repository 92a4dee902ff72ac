// PouchDB 9's packages ship no types, and DefinitelyTyped's (@types/pouchdb-*, for
// PouchDB 6) drag in Node typings that break this project's own. The engine
// needs only its Replica interface (lib/sync/engine.ts); the constructor is typed here.

interface PouchConstructor {
  new (name: string, options?: Record<string, unknown>): import('./engine').Replica & { close(): Promise<void>; destroy(): Promise<void>; info(): Promise<Record<string, unknown>> };
  plugin(p: unknown): PouchConstructor;
  fetch(url: string, opts?: RequestInit): Promise<Response>;
}

declare module 'pouchdb-browser' {
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-core' {
  const PouchDB: PouchConstructor;
  export default PouchDB;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
