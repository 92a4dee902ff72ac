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
    // and the new compound index answers
    const stale = await db.contacts.where('[relation+lastContactAt]').between(['customer', 0], ['customer', Infinity]).toArray();
    expect(stale.map((c) => c.id)).toEqual(['c2']);
    db.close();
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
});
