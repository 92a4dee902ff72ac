import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { CURRENT_VERSION, NewerDatabaseError, openDatabase, TABLES, TiewiseDB } from '@/lib/db/database';
import { writeV1 } from './versions';

describe('database upgrade', () => {
  it('opens a version-1 database and keeps every row of every table', async () => {
    const rows = await writeV1('upgrade-v1');
    const db = new TiewiseDB('upgrade-v1');
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const table of TABLES) {
      const now = await db.table(table).toArray();
      expect(now.length, table).toBe(rows[table]?.length ?? 0);
      for (const before of rows[table] ?? []) {
        expect(now, table).toContainEqual(expect.objectContaining(before as object));
      }
    }
    // v2's upgrade derived the missing last-contact time from interactions
    expect((await db.contacts.get('c1'))?.lastContactAt).toBe((rows.interactions[0] as { at: number }).at);
    // and the last-contact index answers (retention's "not contacted since")
    const stale = await db.contacts.where('lastContactAt').below(Infinity).filter((c) => c.relation === 'customer').toArray();
    expect(stale.map((c) => c.id)).toEqual(['c2']);
    db.close();
  });

  it('opens once for a page that starts the open early and its database gate; a closed database opens again', async () => {
    const d = new TiewiseDB('open-shared');
    const open = vi.spyOn(d, 'open');
    const [a, b] = await Promise.all([openDatabase(d), openDatabase(d)]);
    expect([a, b]).toEqual([d, d]);
    await openDatabase(d);
    expect(open).toHaveBeenCalledTimes(1);
    expect(d.isOpen()).toBe(true);
    d.close();
    await openDatabase(d);
    expect(d.isOpen()).toBe(true);
    expect(open).toHaveBeenCalledTimes(2);
    d.close();
  });

  it('refuses a database written by a newer version, changing nothing', async () => {
    const future = new Dexie('from-the-future');
    future.version(9).stores({ contacts: 'id' });
    await future.open();
    await future.table('contacts').add({ id: 'x', name: 'Keep me' });
    future.close();
    const db = new TiewiseDB('from-the-future');
    await expect(openDatabase(db)).rejects.toBeInstanceOf(NewerDatabaseError);
    const again = new Dexie('from-the-future');
    again.version(9).stores({ contacts: 'id' });
    await again.open();
    expect(again.tables.map((t) => t.name)).toEqual(['contacts']);
    expect(await again.table('contacts').get('x')).toEqual({ id: 'x', name: 'Keep me' });
    again.close();
  });

  it('refuses a newer database, and opens a current one, where the browser cannot list its databases', async () => {
    const future = new Dexie('from-the-future-unlisted');
    future.version(9).stores({ contacts: 'id' });
    await future.open();
    future.close();
    const factory = Dexie.dependencies.indexedDB as IDBFactory;
    const list = vi.spyOn(factory, 'databases').mockRejectedValue(new Error('not here'));
    try {
      await expect(openDatabase(new TiewiseDB('from-the-future-unlisted'))).rejects.toBeInstanceOf(NewerDatabaseError);
      const fresh = new TiewiseDB('never-opened-unlisted');
      await openDatabase(fresh);
      expect(fresh.verno).toBe(CURRENT_VERSION);
      fresh.close();
      expect(list).toHaveBeenCalled();
    } finally {
      list.mockRestore();
    }
  });
});

describe('database upgrade to version 5 (deals)', () => {
  it('opens a version-4 database: every row kept, an empty deals table that answers by contact, key, account and status', async () => {
    const { writeV4 } = await import('./versions');
    const rows = await writeV4('upgrade-v4-to-v5');
    const db = new TiewiseDB('upgrade-v4-to-v5');
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.contacts.count()).toBe(rows.contacts.length);
    expect(await db.deals.count()).toBe(0);
    await db.deals.add({ id: 'd1', contactId: 'c1', key: 'id:bitrix24:deal:1', kind: 'deal', status: 'won', companyKey: 'вектор', source: { kind: 'import', ref: 'DEAL.csv:2', at: 1 }, updatedAt: 1 });
    expect((await db.deals.where('contactId').equals('c1').toArray()).map((d) => d.id)).toEqual(['d1']);
    expect(await db.deals.where('key').equals('id:bitrix24:deal:1').count()).toBe(1);
    expect(await db.deals.where('companyKey').equals('вектор').count()).toBe(1);
    expect(await db.deals.where('status').equals('won').count()).toBe(1);
    // the derived state is stored on each contact on its next refresh (the book filters it in memory)
    expect((await db.contacts.toArray()).filter((c) => c.state === 'dormant-customer')).toHaveLength(0);
    db.close();
  });
});

describe('database upgrade to version 8 (unqueried contact indexes dropped)', () => {
  it('opens a version-7 database without the indexes nothing queries; the ones the book, search, ties and retention use answer', async () => {
    const { writeV7 } = await import('./versions');
    const rows = await writeV7('upgrade-v7-to-v8');
    const db = new TiewiseDB('upgrade-v7-to-v8');
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.contacts.count()).toBe(rows.contacts.length);
    const indexes = db.contacts.schema.indexes.map((i) => i.name).sort();
    expect(indexes).toEqual(['companyKey', 'company', 'emails', 'lastContactAt', 'name', 'nameKeys', 'networkType', 'phones', 'stage', 'tieScore', 'updatedAt'].sort());
    // the browser's own store has dropped them too, not only Dexie's view of it
    const idb = db.backendDB();
    const store = idb.transaction('contacts', 'readonly').objectStore('contacts');
    expect([...store.indexNames].sort()).toEqual(indexes);
    expect(await db.contacts.where('companyKey').equals('vektor').count()).toBeGreaterThan(0);
    db.close();
  });
});
