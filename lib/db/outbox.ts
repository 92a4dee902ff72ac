import Dexie, { type DBCore, type DBCoreKeyRange, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type Middleware } from 'dexie';
import { SHARED_TABLES, docId, type SharedTable } from '../domain/shared';

// The team book's outbox: every write to a shared table, from any page or the
// background, records "this record changed" in the `outbox` table inside the
// same IndexedDB transaction (a DBCore middleware, so no write path can forget
// it, and a rolled-back write leaves no entry). The sync engine (lib/sync/engine.ts)
// sends what the outbox names and deletes the entries it sent, unless the record
// changed again meanwhile (`seq` is new then).
//
// The outbox starts with the book's first connect: until then no write records
// anything (an entry per record was about a third of an import's writes), and the
// connect itself (lib/sync/service.ts, `adoptTarget`) offers every record of the book in
// the one transaction that stores `team.target`. Each write reads that setting in
// its own transaction, so no write can fall between the connect's offer and the
// outbox starting. Once started it stays on, also while disconnected, so that what
// changed meanwhile is sent on the next connect.

export interface OutboxEntry {
  /** the record's document id (lib/sync/docs.ts: `<table>:<key>`) */
  id: string;
  /** changes on every write, so a send only retires the entry it read */
  seq: string;
}

const SHARED = new Set<string>(SHARED_TABLES);

/** The setting whose presence starts the outbox: the server database this book last adopted. */
export const TEAM_TARGET = 'team.target';

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
    // once this database has a team target it keeps one (a new target replaces it)
    let started = false;
    // What a transaction read, until it writes a setting: no other transaction can store the
    // target while this one holds the settings table, so its later writes need not ask again
    // (and wait behind the rows it has asked to store meanwhile).
    const asked = new WeakMap<object, Promise<boolean>>();
    const readStarted = (trans: DBCoreMutateRequest['trans']): Promise<boolean> => {
      let p = asked.get(trans);
      if (!p) {
        p = down.table('settings').get({ trans, key: TEAM_TARGET }).then((row) => (started = row !== undefined));
        asked.set(trans, p);
      }
      return p;
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.some((s) => SHARED.has(s))) return down.transaction(stores, mode, options);
        const more = ['outbox', 'settings'].filter((s) => !stores.includes(s));
        return down.transaction(more.length ? [...stores, ...more] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name === 'settings') {
          return {
            ...table,
            mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              asked.delete(req.trans);
              return table.mutate(req);
            },
          };
        }
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
            const recorded = (): Promise<DBCoreMutateResponse> => {
              const keys = keysOf(table, req);
              if (keys) return write(keys);
              // a clear() or a range delete: name every record it removes
              const range = (req as { range: DBCoreKeyRange }).range;
              return table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range } }).then((r) => write(r.result));
            };
            if (started) return recorded();
            return readStarted(req.trans).then((on) => (on ? recorded() : table.mutate(req)));
          },
        };
      },
    };
  },
};
