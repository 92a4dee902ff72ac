import 'fake-indexeddb/auto';
import type { DBCore, DBCoreTable } from 'dexie';
import { openDatabase, TABLES, TiewiseDB } from '@/lib/db/database';
import { ERASED, erasePerson, findMentions, needlesFor, redact } from '@/lib/db/erase';
import { StorageFullError } from '@/lib/db/errors';
import { writeLog } from '@/lib/db/log';
import { loadDemoBook } from '@/lib/demo/load';

const T0 = Date.UTC(2025, 5, 15, 12);
let n = 0;

/** The demo book, plus Anna in every table that can name her. */
async function book(d: TiewiseDB) {
  await openDatabase(d);
  await loadDemoBook(T0, d);
  const anna = (await d.contacts.get('demo-anna'))!;
  await d.overrides.put({ contactId: anna.id, networkType: 'referral-advocate', at: T0 });
  await d.workflowRules.put({ id: 'r1', name: 'Tag Anna Kowalski', when: { field: 'name', op: 'is', value: 'Anna Kowalski' }, then: { kind: 'add-tag', tag: 'vip' }, enabled: true, createdAt: T0 });
  await d.ruleRuns.put({ id: 'run1', ruleId: 'r1', contactId: anna.id, at: T0, effect: { kind: 'add-tag', tag: 'vip' }, undone: false });
  await d.reminders.put({ id: 'rem1', contactId: anna.id, due: T0, text: 'Call back', done: false });
  // someone else's rows that mention her
  await d.interactions.put({ id: 'x-ref', contactId: 'demo-olga', kind: 'referral', direction: 'in', at: T0, summary: 'Referred by Anna Kowalski', subject: anna.id, source: { kind: 'user', at: T0 } });
  await d.notes.put({ id: 'x-note', contactId: 'demo-john', text: 'Ask anna.kowalski@northwind.example about it', createdAt: T0, updatedAt: T0, source: { kind: 'user', at: T0 } });
  await writeLog({ level: 'info', where: 'test', message: 'read profile', contactId: anna.id }, d);
  await writeLog({ level: 'warn', where: 'test', message: `merge failed for ${anna.id}` }, d);
  await writeLog({ level: 'info', where: 'test', message: 'unrelated line' }, d);
  return anna;
}

describe('erasing one person', () => {
  it('leaves nothing of them in any table: no id, name, e-mail or profile URL', async () => {
    const d = new TiewiseDB(`lead-erase-${++n}`);
    const anna = await book(d);
    const urls = (await d.profiles.where('contactId').equals(anna.id).toArray()).map((p) => p.url);
    const needles = needlesFor(anna, urls);
    expect((await findMentions(needles, d)).length).toBeGreaterThan(10);
    const others = await d.contacts.count();

    const dry = await erasePerson(anna.id, { dryRun: true }, d);
    expect(await d.contacts.get(anna.id)).toBeDefined(); // a dry run changes nothing
    const plan = await erasePerson(anna.id, {}, d);
    expect(plan).toEqual(dry);
    expect(plan?.deleted).toMatchObject({ contacts: 1, notes: 3, interactions: 6, purchases: 4, complaints: 1, memberships: 2, overrides: 1, ruleRuns: 1, reminders: 1, log: 2, profiles: 1 });

    // scan every table, whole rows, for any of her strings
    for (const t of TABLES) {
      const rows = await d.table(t).toArray();
      const text = JSON.stringify(rows).toLowerCase();
      for (const s of needles) expect(text, `${t} still holds ${s}`).not.toContain(s.toLowerCase());
    }
    expect(await findMentions(needles, d)).toEqual([]);
    // other people's rows stay, with the mention replaced
    expect(await d.contacts.count()).toBe(others - 1);
    expect((await d.interactions.get('x-ref'))?.summary).toBe(`Referred by ${ERASED}`);
    expect((await d.notes.get('x-note'))?.text).toBe(`Ask ${ERASED} about it`);
    expect(await d.log.count()).toBe(1);
    d.close();
  });

  it('a full disk mid-erase rolls the whole erasure back', async () => {
    const d = new TiewiseDB(`lead-erase-${++n}`);
    let writes = 0;
    let armed = false;
    d.use({
      stack: 'dbcore',
      name: 'quota-after-3-writes',
      create: (down: DBCore): DBCore => ({
        ...down,
        table: (name: string): DBCoreTable => {
          const t = down.table(name);
          return {
            ...t,
            mutate: (req) => {
              if (armed && ++writes === 4) {
                const e = new Error('The quota has been exceeded.');
                e.name = 'QuotaExceededError';
                return Promise.reject(e);
              }
              return t.mutate(req);
            },
          };
        },
      }),
    });
    const anna = await book(d);
    const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await d.table(t).toArray()] as const)));
    const before = await snapshot();
    armed = true;
    await expect(erasePerson(anna.id, {}, d)).rejects.toBeInstanceOf(StorageFullError);
    expect(writes).toBeGreaterThanOrEqual(4);
    armed = false;
    expect(await snapshot()).toEqual(before);
    d.close();
  });

  it('redacts inside nested values and leaves untouched rows as they are', () => {
    const row = { a: 'x Anna Kowalski y', b: [{ c: 'ANNA KOWALSKI' }], n: 3 };
    expect(redact(row, ['Anna Kowalski'])).toEqual({ value: { a: `x ${ERASED} y`, b: [{ c: ERASED }], n: 3 }, changed: true });
    const same = { a: 'nothing' };
    expect(redact(same, ['Anna Kowalski']).value).toBe(same);
  });
});
