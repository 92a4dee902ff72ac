import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type Middleware } from 'dexie';
import { SHARED_TABLES, docId, type SharedTable } from '../domain/shared';

// The team book's outbox: every write to a shared table, from any page or the
// background, records "this record changed" in the `outbox` table inside the
// same IndexedDB transaction (a DBCore middleware, so no write path can forget
// it, and a rolled-back write leaves no entry). The sync engine (lib/sync/engine.ts)
// sends what the outbox names and deletes the entries it sent, unless the record
// changed again meanwhile (`seq` is new then). With sync off the outbox holds at
// most one small row (an id) per changed record: kept, so that what changed while
// disconnected is sent on the next connect.

export interface OutboxEntry {
  /** the record's document id (lib/sync/docs.ts: `<table>:<key>`) */
  id: string;
  /** changes on every write, so a send only retires the entry it read */
  seq: string;
}

const SHARED = new Set<string>(SHARED_TABLES);

/** Transactions whose writes are the team's own (copied in from the server): no outbox entry. */
const quiet = new WeakSet<object>();

/** Marks the current Dexie transaction as the sync engine's: its writes are not sent back. */
export function quietTransaction(): void {
  const tx = Dexie.currentTransaction as unknown as { idbtrans?: object } | null;
  if (!tx?.idbtrans) throw new Error('quietTransaction() outside a transaction');
  quiet.add(tx.idbtrans);
}

let counter = 0;
const nextSeq = () => `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 8)}`;

/** The keys a write names, known before it runs (a range delete: asked first). */
function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): unknown[] | null {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.keys ?? req.values.map((v) => table.schema.primaryKey.extractKey!(v));
    case 'delete':
      return req.keys;
    case 'deleteRange':
      return null;
  }
}

export const outboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tiewise-outbox',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const more = mode === 'readwrite' && stores.some((s) => SHARED.has(s)) && !stores.includes('outbox');
        return down.transaction(more ? [...stores, 'outbox'] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!SHARED.has(name)) return table;
        return {
          ...table,
          // promise chains, not await: Dexie keeps its transaction zone through
          // its own promises, and the hooks middleware below reads it
          mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
            // the sync engine's own writes, and schema upgrades (the outbox may not exist yet)
            if (quiet.has(req.trans) || (req.trans as unknown as IDBTransaction).mode === 'versionchange') return table.mutate(req);
            const write = (keys: unknown[]) => table.mutate(req).then((res) => {
              const failed = new Set(Object.keys(res.failures ?? {}).map(Number));
              const values = keys.filter((_, i) => !failed.has(i)).map((k) => ({ id: docId(name as SharedTable, k), seq: nextSeq() }));
              if (!values.length) return res;
              return down.table('outbox').mutate({ trans: req.trans, type: 'put', values }).then(() => res);
            });
            const keys = keysOf(table, req);
            if (keys) return write(keys);
            // a clear() or a range delete: name every record it removes
            const range = (req as { range: DBCoreKeyRange }).range;
            return table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range } }).then((r) => write(r.result));
          },
        };
      },
    };
  },
};
