import PouchDB from 'pouchdb-core';
import { startCouch, type Couch } from '../../sync/couch';
import '../../sync/client';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { addContact } from '@/lib/db/contacts';
import { createTeamService, type StoredTeam } from '@/lib/sync/service';
import type { TeamStatus } from '@/lib/sync/status';

// Settings → Team's "Connect" as the background runs it: the checks before
// anything is sent, the server's answers, the status every page is told.

let couch: Couch;
beforeAll(async () => {
  couch = await startCouch();
  await couch.addUser('olga', 'pw-olga');
  await couch.addUser('bob', 'pw-bob', ['other-team']);
  await couch.createTeamDb('sales');
}, 30_000);
afterAll(async () => {
  await couch?.dispose();
});

let n = 0;
async function service(opts: { allowed?: boolean } = {}) {
  const db = await openDatabase(new TiewiseDB(`svc-${++n}`));
  let stored: StoredTeam | null = null;
  const seen: TeamStatus[] = [];
  const svc = createTeamService({
    db,
    load: async () => stored,
    save: async (t) => {
      stored = t;
    },
    replica: (name) => new PouchDB(`${name}-${n}`, { adapter: 'memory' }),
    remote: (url, username, password) => new PouchDB(url, { skip_setup: true, auth: { username, password } }),
    probe: async (url, u, p) => fetch(url, { headers: { authorization: `Basic ${btoa(`${u}:${p}`)}` } }),
    allowed: async () => opts.allowed ?? true,
    broadcast: (s) => seen.push(s),
    log: () => undefined,
  });
  return { db, svc, seen, stored: () => stored };
}

describe('team service', () => {
  it('connects, offers the whole existing book, and reports syncing then connected', async () => {
    const { db, svc, seen, stored } = await service();
    await addContact({ name: 'Already Here', source: { kind: 'user', at: 1 } }, db);
    const s = await svc.connect({ url: couch.url, database: 'sales', user: 'olga', password: 'pw-olga' });
    expect(s.state).toBe('connected');
    expect(s.origin).toBe(couch.url);
    expect(s.lastSyncAt).toBeGreaterThan(0);
    expect(s.pending).toBe(0);
    expect(seen.map((x) => x.state)).toEqual(expect.arrayContaining(['connecting', 'syncing', 'connected']));
    expect(stored()?.user).toBe('olga');
    const docs = await couch.admin$('GET', '/sales/_all_docs');
    expect((docs.json as { rows: { id: string }[] }).rows.some((r) => r.id.startsWith('contacts:'))).toBe(true);
    expect((await svc.disconnect()).state).toBe('off');
    expect(stored()).toBeNull();
    expect(await db.contacts.count()).toBe(1); // the book stays
  });

  it('refuses before sending anything: http to another host, a bad database name, no permission', async () => {
    const a = await service();
    expect(await a.svc.connect({ url: 'http://couch.example.com', database: 'sales', user: 'olga', password: 'x' })).toMatchObject({ state: 'refused', reason: 'not-https' });
    expect(await a.svc.connect({ url: couch.url, database: 'Sales!', user: 'olga', password: 'x' })).toMatchObject({ state: 'refused', reason: 'bad-database' });
    const b = await service({ allowed: false });
    expect(await b.svc.connect({ url: couch.url, database: 'sales', user: 'olga', password: 'pw-olga' })).toMatchObject({ state: 'refused', reason: 'permission' });
    expect(a.stored()).toBeNull();
    expect(b.stored()).toBeNull();
  });

  it('tells a wrong password, a non-member, a missing database and a server that is down apart', async () => {
    const { svc, stored } = await service();
    expect(await svc.connect({ url: couch.url, database: 'sales', user: 'olga', password: 'wrong' })).toMatchObject({ state: 'refused', reason: 'unauthorized' });
    expect(await svc.connect({ url: couch.url, database: 'sales', user: 'bob', password: 'pw-bob' })).toMatchObject({ state: 'refused', reason: expect.stringMatching(/forbidden|unauthorized/) });
    expect(await svc.connect({ url: couch.url, database: 'nosuch', user: 'olga', password: 'pw-olga' })).toMatchObject({ state: 'refused', reason: 'not-found' });
    expect(await svc.connect({ url: 'http://127.0.0.1:9', database: 'sales', user: 'olga', password: 'pw-olga' })).toMatchObject({ state: 'offline', reason: 'unreachable' });
    expect(stored()).toBeNull();
  });
});
