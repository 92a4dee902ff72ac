import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { CURRENT_VERSION, openDatabase, TABLES, TiewiseDB } from '@/lib/db/database';
import { GENERATORS, TABLE_SINCE } from './versions';

// A database written by every schema version this project has had opens in the
// current code with every row of every table intact. The only changes allowed are
// the fields an upgrade step is documented to add (database.ts).

/** Fields an upgrade from version `from` may add to a row that lacked them. */
const ADDED_BY_UPGRADE: Record<number, Partial<Record<(typeof TABLES)[number], string[]>>> = {
  1: { contacts: ['lastContactAt', 'companyKey'] }, // v2 derives it from interactions
  // v7 gives each contact that names a company its organisation key
  ...Object.fromEntries([2, 3, 4, 5, 6].map((v) => [v, { contacts: ['companyKey'] }])),
};

function keyOf(row: Record<string, unknown>, keyPath: string | string[] | null): string {
  if (keyPath === null) throw new Error('outbound keys are not used by Tiewise');
  return JSON.stringify(Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : row[keyPath]);
}

describe('upgrade from every earlier schema version', () => {
  it('has a generator for every version up to the current one', () => {
    const versions = Object.keys(GENERATORS).map(Number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1));
  });

  let kept = 0;
  let versionsChecked = 0;
  afterAll(() => {
    console.log(`upgrade: ${versionsChecked} schema versions opened in v${CURRENT_VERSION}, ${kept} rows kept intact`);
  });

  for (const [v, write] of Object.entries(GENERATORS)) {
    const from = Number(v);
    it(`opens a version-${from} database with every row of every table intact`, async () => {
      const name = `upgrade-all-v${from}`;
      const before = await write(name);
      // the generator wrote every table that version had
      const had = TABLES.filter((t) => (TABLE_SINCE[t] ?? 1) <= from);
      for (const table of had) expect(before[table]?.length ?? 0, `v${from} generator writes ${table}`).toBeGreaterThan(0);

      const probe = new Dexie(name);
      await probe.open();
      expect(probe.verno).toBe(from);
      probe.close();

      const db = await openDatabase(new TiewiseDB(name));
      expect(db.verno).toBe(CURRENT_VERSION);
      for (const table of TABLES) {
        const t = db.table(table);
        const keyPath = t.schema.primKey.keyPath as string | string[] | null;
        const now = new Map((await t.toArray()).map((r: Record<string, unknown>) => [keyOf(r, keyPath), r]));
        expect(now.size, `${table} row count`).toBe(before[table]?.length ?? 0);
        const may = new Set(ADDED_BY_UPGRADE[from]?.[table] ?? []);
        for (const old of (before[table] ?? []) as Record<string, unknown>[]) {
          const cur = now.get(keyOf(old, keyPath));
          expect(cur, `${table} ${keyOf(old, keyPath)} survives`).toBeDefined();
          const added = Object.keys(cur!).filter((k) => !(k in old));
          expect(added.filter((k) => !may.has(k)), `${table}: fields the upgrade added`).toEqual([]);
          expect(cur).toEqual({ ...old, ...Object.fromEntries(added.map((k) => [k, cur![k]])) });
          kept++;
        }
        // every index of the current schema answers over the upgraded rows
        for (const idx of t.schema.indexes) await t.orderBy(idx.name).count();
      }
      db.close();
      await Dexie.delete(name);
      versionsChecked++;
    });
  }

  it('the version-1 upgrade derives a missing last-contact time from interactions, and only then', async () => {
    const before = await GENERATORS[1]('upgrade-all-v1-derived');
    const db = await openDatabase(new TiewiseDB('upgrade-all-v1-derived'));
    for (const c of before.contacts as { id: string; lastContactAt?: number }[]) {
      const last = (before.interactions as { contactId: string; at: number }[]).filter((i) => i.contactId === c.id).map((i) => i.at);
      expect((await db.contacts.get(c.id))?.lastContactAt, c.id).toBe(c.lastContactAt ?? (last.length ? Math.max(...last) : undefined));
    }
    db.close();
  });
});
