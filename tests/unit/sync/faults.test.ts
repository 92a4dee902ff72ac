import Dexie, { type DBCore, type Middleware } from 'dexie';
import { teamServerPerFile } from '../../sync/couch';
import { teammate, type Teammate } from '../../sync/client';
import { addContact, updateContact } from '@/lib/db/contacts';
import { reasonOf } from '@/lib/sync/service';
import type { TiewiseDB } from '@/lib/db/database';

// The team book when things go wrong: the server goes away mid-sync, the password
// stops working, everyone writes the same records at once, the disk fills, the
// worker is stopped mid-batch. Each time: it resumes, nothing is lost, nothing doubles.

const server = teamServerPerFile('faults');
const teamDb = () => server.teamDb();
const src = { kind: 'user' as const, at: 1 };

async function book(t: Teammate, n: number, prefix: string) {
  for (let i = 0; i < n; i++) await addContact({ name: `${prefix} ${String(i).padStart(3, '0')}`, source: src }, t.db);
}
async function names(d: TiewiseDB): Promise<string[]> {
  return (await d.contacts.toArray()).map((c) => c.name).sort();
}
async function serverCount(name: string): Promise<number> {
  const r = await server.couch.admin$('GET', `/${name}/_all_docs`);
  return (r.json as { rows: unknown[] }).rows.length;
}

function expectFailure(e: unknown, reason: string) {
  expect(reasonOf(e)).toBe(reason);
}

describe('team sync faults', () => {
  it('the server stops answering mid-sync: the run fails as "offline", the next one finishes, nothing doubles', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga', { failAfter: 12 });
    await book(olga, 240, 'Olga contact');
    const err = await olga.sync().then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expectFailure(err, 'unreachable');
    // some of it may be on the server: the rest follows from the checkpoint
    const again = await teammate(server.couch, name, 'olga', 'pw-olga', { id: olga.id });
    await again.sync();
    expect(await serverCount(name)).toBe(240);
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan', { failAfter: 6 });
    await expect(ivan.sync()).rejects.toBeDefined();
    const ivan2 = await teammate(server.couch, name, 'ivan', 'pw-ivan', { id: ivan.id });
    await ivan2.sync();
    expect(await names(ivan2.db)).toEqual(await names(olga.db));
    expect(await ivan2.db.contacts.count()).toBe(240);
    expect(await ivan2.db.outbox.count()).toBe(0);
  });

  it('the password stops working (401): refused, local changes kept; with the new password they arrive', async () => {
    const name = await teamDb();
    await server.couch.addUser('temp', 'pw-1');
    const t = await teammate(server.couch, name, 'temp', 'pw-1');
    await book(t, 3, 'Before');
    await t.sync();
    const u = await server.couch.admin$('GET', '/_users/org.couchdb.user:temp');
    await server.couch.admin$('PUT', '/_users/org.couchdb.user:temp', { ...(u.json as object), password: 'pw-2' });
    await book(t, 2, 'Meanwhile');
    const err = await t.sync().then(() => null, (e: unknown) => e);
    expectFailure(err, 'unauthorized');
    expect(await t.db.outbox.count()).toBe(2);
    t.reconnect('pw-2');
    await t.sync();
    expect(await t.db.outbox.count()).toBe(0);
    expect(await serverCount(name)).toBe(5);
  });

  it('a conflict storm: two teammates and a third writer change the same 60 records at once; every change stands', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan');
    await book(olga, 60, 'Shared');
    await olga.sync();
    await ivan.sync();
    const ids = (await olga.db.contacts.toCollection().primaryKeys()) as string[];
    for (const id of ids) await updateContact(id, { position: 'Buyer' }, olga.db);
    for (const id of ids) await updateContact(id, { city: 'Riga' }, ivan.db);
    // a third writer straight to the server (another tool, or a teammate's old version)
    for (const id of ids) {
      const doc = (await server.couch.admin$('GET', `/${name}/contacts:${id}`)).json as { d: Record<string, unknown> };
      const r = await server.couch.admin$('PUT', `/${name}/contacts:${id}`, { ...doc, d: { ...doc.d, company: 'Acme' } });
      expect(r.status).toBe(201);
    }
    await Promise.all([olga.sync(), ivan.sync()]);
    await olga.sync();
    await ivan.sync();
    await olga.sync();
    for (const t of [olga, ivan]) {
      const rows = await t.db.contacts.toArray();
      expect(rows).toHaveLength(60);
      for (const c of rows) expect([c.position, c.city, c.company]).toEqual(['Buyer', 'Riga', 'Acme']);
      expect(await t.db.questions.count()).toBe(0);
    }
    // and the server holds one version of each, without open conflicts
    const all = await server.couch.admin$('GET', `/${name}/_all_docs?include_docs=true&conflicts=true`);
    const docs = (all.json as { rows: { doc: { _conflicts?: string[] } }[] }).rows.map((r) => r.doc);
    expect(docs.filter((d) => d._conflicts?.length)).toEqual([]);
  });

  it('the disk fills while copying the team\'s changes in: nothing half-written, all of it on the next run', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    await book(olga, 120, 'Quota');
    await olga.sync();
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan');
    const q = { armed: true, calls: 0 };
    const full: Middleware<DBCore> = {
      stack: 'dbcore', name: 'full-disk',
      create: (down) => ({ ...down, table: (n) => {
        const t = down.table(n);
        return { ...t, mutate: (req) => (q.armed && n === 'contacts' && ++q.calls > 1
          ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
          : t.mutate(req)) };
      } }),
    };
    ivan.db.close();
    ivan.db.use(full);
    await ivan.db.open();
    const err = await ivan.sync().then(() => null, (e: unknown) => e);
    expectFailure(err, 'storage-full');
    const partial = await ivan.db.contacts.count();
    expect(partial % 50).toBe(0); // whole batches only (the test client's batch is 50)
    q.armed = false;
    await ivan.sync();
    expect(await ivan.db.contacts.count()).toBe(120);
    expect(await names(ivan.db)).toEqual(await names(olga.db));
  });

  it('the worker is stopped mid-run: a new one resumes from the stored positions, nothing lost or doubled', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    await book(olga, 150, 'Resume');
    await olga.sync();
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan');
    // stopped during the mirror: after its second batch commits, the run dies
    let batches = 0;
    const stop = ivan.db.settings.hook('updating', () => {
      if (++batches === 2) throw new Error('worker stopped');
    });
    await expect(ivan.sync()).rejects.toThrow();
    ivan.db.settings.hook('updating').unsubscribe(stop as never);
    const mid = await ivan.db.contacts.count();
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(150);
    ivan.db.close();
    const again = await teammate(server.couch, name, 'ivan', 'pw-ivan', { id: ivan.id });
    await again.sync();
    expect(await again.db.contacts.count()).toBe(150);
    expect(new Set(await names(again.db)).size).toBe(150);
    expect(await again.db.outbox.count()).toBe(0);
    void Dexie;
  });
});
