import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { syncOnce, type Replica, type SyncReport } from '@/lib/sync/engine';
import { adoptTarget } from '@/lib/sync/service';
import type { Couch } from './couch';
import { SERVER_STOPPED } from './outage';

// A teammate's browser in Node: their book (Dexie on fake-indexeddb), their
// replica (PouchDB 9's core, the one pouchdb-browser bundles, in memory) and the
// team's server. The extension runs the same engine with pouchdb-browser.
PouchDB.plugin(memory).plugin(http).plugin(replication);

let n = 0;

export interface Teammate {
  id: string;
  user: string;
  db: TiewiseDB;
  local: Replica;
  remote: unknown;
  logs: string[];
  sync(): Promise<SyncReport>;
  /** the same browser with a new password (or a new server) */
  reconnect(password: string): void;
}

/** `failAfter`: the server stops answering after that many requests (a server stopped mid-sync). */
export async function teammate(couch: Couch, database: string, user: string, password: string, opts: { id?: string; failAfter?: number } = {}): Promise<Teammate> {
  const id = opts.id ?? `${user}-${++n}-${Date.now()}`;
  const db = await openDatabase(new TiewiseDB(`book-${id}`));
  const local: Replica = new PouchDB(`replica-${id}`, { adapter: 'memory' });
  const logs: string[] = [];
  let calls = 0;
  const fetch = (url: string, o?: RequestInit) => {
    if (opts.failAfter !== undefined && ++calls > opts.failAfter) return Promise.reject(new TypeError(SERVER_STOPPED));
    return PouchDB.fetch(url, o);
  };
  const remoteFor = (pw: string) => new PouchDB(`${couch.url}/${database}`, { skip_setup: true, auth: { username: user, password: pw }, fetch });
  const t: Teammate = {
    id, user, db, local, remote: remoteFor(password), logs,
    // as the background runs it: the connect adopts the server database, then the run
    sync: async () => {
      await adoptTarget(db, `${couch.url}/${database}|${user}`, Date.now());
      return syncOnce({ db, local, remote: t.remote, user, log: (_l, m) => logs.push(m), batch: 50 });
    },
    reconnect(pw) {
      t.remote = remoteFor(pw);
    },
  };
  return t;
}
