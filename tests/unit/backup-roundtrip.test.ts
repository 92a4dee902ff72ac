import { TABLES, TiewiseDB } from '@/lib/db/database';
import { BackupError, backupJson, backupOverdue, createBackup, parseBackup, restoreBackup } from '@/lib/db/backup';
import { addContact } from '@/lib/db/contacts';
import { addInteraction } from '@/lib/db/interactions';
import { writeLog } from '@/lib/db/log';
import { addNote } from '@/lib/db/notes';
import { setOverride } from '@/lib/db/overrides';
import { setSetting } from '@/lib/db/settings';
import { mergeContacts } from '@/lib/db/merge';
import { loadDemoBook } from '@/lib/demo/load';
import { useDatabase } from '@/lib/db/database';

let n = 0;
const fresh = () => new TiewiseDB(`backup-${Date.now()}-${++n}`);

async function everything(d: TiewiseDB) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = await d.table(t).toArray();
  return out;
}

/** A book with a row in every table, odd values included. */
async function fullBook(d: TiewiseDB) {
  useDatabase(d);
  await loadDemoBook();
  const c = (await d.contacts.toArray())[0];
  await addNote(c.id, 'Line one\nline two — “quotes”, <b>markup</b>, =1+1', 5, d);
  await addInteraction({ contactId: c.id, kind: 'call', direction: 'in', at: 6, summary: '' }, d);
  await setOverride({ contactId: c.id, networkType: 'team' }, d);
  await setSetting('rep', { name: 'Kate', company: 'Tiewise', partners: ['Globex'] }, d);
  await writeLog({ level: 'warn', where: 'test', message: 'x', contactId: c.id }, d);
  await d.groups.put({ id: 'g1', name: 'VIP', color: '#123456', createdAt: 7, rule: { all: [{ field: 'city', op: 'is', value: 'Berlin' }] } });
  await d.memberships.put({ groupId: 'g1', contactId: c.id, addedAt: 8 });
  await d.workflowRules.put({ id: 'r1', name: 'tag', when: { field: 'relation', op: 'is', value: 'customer' }, then: { kind: 'add-tag', tag: 'c' }, enabled: true, createdAt: 9 });
  await d.ruleRuns.put({ id: 'rr1', ruleId: 'r1', contactId: c.id, at: 10, effect: { kind: 'add-tag', tag: 'c' }, undone: false });
  await d.reminders.put({ id: 'm1', contactId: c.id, due: 11, text: 'call', done: false });
  await d.complaints.put({ id: 'cp1', contactId: c.id, subject: 'Slow', state: 'open', openedAt: 12, source: { kind: 'user', at: 12 } });
  // the team book's: a merge's mark (erasures' marks come from erasePerson) and a question
  await d.marks.put({ id: 'gone-1', kind: 'merged', into: c.id, at: 13 });
  await d.questions.put({ id: `contacts:${c.id}`, contactId: c.id, at: 14, fields: [{ field: 'position', versions: [{ value: 'CTO', by: 'olga', at: 14 }, { value: 'CEO' }] }] });
  await d.deals.put({ id: 'dl1', contactId: c.id, key: 'id:bitrix24:deal:7', kind: 'deal', crmId: '7', title: 'Станки, «2 шт.»', stage: 'Сделка успешна', status: 'won', amount: 370000.5, currency: 'RUB', closedAt: 12, source: { kind: 'import', ref: 'DEAL.csv:2', at: 12 }, updatedAt: 12, custom: [{ name: '__proto__', value: '=1+1' }] });
  const dup = await addContact({ name: c.name, emails: ['dup@example.org'], source: { kind: 'user', at: 13 } }, d);
  await mergeContacts(c.id, dup.id, 14, d);
}

describe('backup and restore', () => {
  it('round-trips every table exactly', async () => {
    const a = fresh();
    await fullBook(a);
    const before = await everything(a);
    for (const t of TABLES) expect(before[t].length, t).toBeGreaterThan(0);
    const text = backupJson(await createBackup(a));
    const b = fresh();
    await b.contacts.put({ id: 'stale', name: 'Stale', emails: [], phones: [], tags: [], nameKeys: [], source: { kind: 'user', at: 1 }, createdAt: 1, updatedAt: 1 });
    await restoreBackup(parseBackup(text), b);
    expect(await everything(b)).toEqual(before);
    // and the restored book backs up to the same document
    const again = await createBackup(b, JSON.parse(text).exportedAt);
    expect(backupJson(again)).toBe(text);
  });

  it('refuses a damaged backup and changes nothing', async () => {
    const a = fresh();
    await fullBook(a);
    const doc = JSON.parse(backupJson(await createBackup(a)));
    const target = fresh();
    await fullBook(target);
    const before = await everything(target);
    doc.tables.contacts[3].emails = 'not-a-list';
    expect(() => parseBackup(JSON.stringify(doc))).toThrow(BackupError);
    expect(() => parseBackup('{"contacts": []}')).toThrow(/format/);
    expect(() => parseBackup('nonsense')).toThrow(BackupError);
    expect(() => parseBackup(JSON.stringify({ ...doc, schemaVersion: 99 }))).toThrow(/reads up to/);
    expect(await everything(target)).toEqual(before);
  });

  it('a restore that fails half-way (a duplicate key) rolls back', async () => {
    const a = fresh();
    await fullBook(a);
    const doc = JSON.parse(backupJson(await createBackup(a)));
    doc.tables.notes.push(doc.tables.notes[0]); // same id twice: bulkAdd fails inside the transaction
    const target = fresh();
    await fullBook(target);
    const before = await everything(target);
    await expect(restoreBackup(parseBackup(JSON.stringify(doc)), target)).rejects.toBeTruthy();
    expect(await everything(target)).toEqual(before);
  });

  it('reminds when a book with contacts has no recent backup', () => {
    const day = 86_400_000;
    expect(backupOverdue({ remindDays: 7 }, 10, 100 * day)).toBe(true);
    expect(backupOverdue({ remindDays: 7, lastAt: 95 * day }, 10, 100 * day)).toBe(false);
    expect(backupOverdue({ remindDays: 7, lastAt: 90 * day }, 10, 100 * day)).toBe(true);
    expect(backupOverdue({ remindDays: 0 }, 10, 100 * day)).toBe(false);
    expect(backupOverdue({ remindDays: 7 }, 0, 100 * day)).toBe(false);
  });
});
