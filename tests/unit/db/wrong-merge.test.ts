// A book that already holds a wrong merge: the version-4 upgrade finds contacts
// whose linked profiles now key apart and offers to split them; nothing is deleted.
// And every merge from now on is in the merge log, so it can be split again later.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { openDatabase, SCHEMA_V3, TABLES, TiewiseDB, useDatabase } from '@/lib/db/database';
import { keepWrongMergeTogether, splitWrongMerge, wrongMergeOf, wrongMergeReview } from '@/lib/db/split';
import { mergeContacts, mergesInto, splitMerge, undoMerge } from '@/lib/db/merge';
import { addContact, updateContact } from '@/lib/db/contacts';
import { addNote } from '@/lib/db/notes';
import { setOverride } from '@/lib/db/overrides';
import { linkProfile } from '@/lib/db/profiles';
import { getContactRecord } from '@/lib/db/record';
import { erasePerson } from '@/lib/db/erase';
import { findWrongMerges } from '@/lib/model/wrong-merge';
import { emptyFields, type Extraction } from '@/lib/extract/types';
import { planImport, type BookSnapshot } from '@/lib/import/apply';
import { readChunks } from '@/lib/import/read';

const T0 = Date.UTC(2026, 5, 1);
const A = 'https://www.facebook.com/profile.php?id=100001234567';
const B = 'https://www.facebook.com/profile.php?id=100009999999';
const snap = (url: string, name: string, company?: string) => ({
  site: 'facebook', kind: 'profile', profileUrl: url, lang: 'en',
  fields: { ...emptyFields(), name: { status: 'ok', value: name, via: 't' }, ...(company ? { company: { status: 'ok', value: company, via: 't' } } : {}) },
});

/** A version-3 book as the old code left it: Boris's profile linked into Anna's contact. */
async function writeWrongMergeV3(name: string) {
  const old = new Dexie(name);
  old.version(3).stores(SCHEMA_V3);
  await old.open();
  const src = { kind: 'user', at: T0 };
  await old.table('contacts').bulkAdd([
    { id: 'anna', name: 'Anna One', nameKeys: ['t:anna', 't:one'], emails: [], phones: [], tags: [], source: src, createdAt: T0, updatedAt: T0 },
    { id: 'ivan', name: 'Ivan Petrov', nameKeys: ['t:ivan'], emails: [], phones: [], tags: [], source: src, createdAt: T0, updatedAt: T0 },
  ]);
  await old.table('profiles').bulkAdd([
    { id: 'pA', contactId: 'anna', network: 'facebook', url: A, linkedAt: T0, readAt: T0, snapshot: snap(A, 'Anna One') },
    { id: 'pB', contactId: 'anna', network: 'facebook', url: B, linkedAt: T0 + 1000, readAt: T0 + 1000, snapshot: snap(B, 'Boris Two', 'Globex') },
    // two LinkedIn profiles of one contact the old rule told apart too: a user's own choice, not the bug
    { id: 'pI1', contactId: 'ivan', network: 'linkedin', url: 'https://www.linkedin.com/in/ivan-petrov/', linkedAt: T0 },
    { id: 'pI2', contactId: 'ivan', network: 'linkedin', url: 'https://www.linkedin.com/in/ivan-petrov-old/', linkedAt: T0 },
  ]);
  await old.table('notes').add({ id: 'n1', contactId: 'anna', text: 'Met at the fair', createdAt: T0, updatedAt: T0, source: src });
  old.close();
}

async function countAll(d: TiewiseDB) {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await d.table(t).count();
  return out;
}

let n = 0;
describe('the version-4 upgrade and a book holding a wrong merge', () => {
  let d: TiewiseDB;
  beforeEach(async () => {
    const name = `wrong-merge-${++n}`;
    await writeWrongMergeV3(name);
    d = await openDatabase(new TiewiseDB(name));
    useDatabase(d);
  });
  afterEach(() => d.close());

  it('finds the contact made of two Facebook people, and changes nothing else', async () => {
    const review = await wrongMergeReview(d);
    expect(review).toEqual([{ contactId: 'anna', network: 'facebook', profileIds: ['pA', 'pB'] }]);
    const c = await countAll(d);
    expect(c).toMatchObject({ contacts: 2, profiles: 4, notes: 1, merges: 0 });
    expect((await d.profiles.get('pB'))?.contactId).toBe('anna');
    const found = await wrongMergeOf('anna', d);
    expect(found?.profiles.map((p) => p.url)).toEqual([A, B]);
  });

  it('split: Boris becomes a contact of his own with his profile; Anna keeps hers and the note', async () => {
    const before = await countAll(d);
    const [boris] = await splitWrongMerge('anna', T0 + 5000, d);
    const rec = (await getContactRecord(boris, d))!;
    expect(rec.contact).toMatchObject({ name: 'Boris Two', company: 'Globex' });
    expect(rec.profiles.map((p) => p.url)).toEqual([B]);
    const anna = (await getContactRecord('anna', d))!;
    expect(anna.profiles.map((p) => p.url)).toEqual([A]);
    expect(anna.notes.map((x) => x.text)).toEqual(['Met at the fair']);
    expect(await wrongMergeReview(d)).toEqual([]);
    // nothing deleted: one contact more, every other table as it was
    const after = await countAll(d);
    expect(after).toEqual({ ...before, contacts: before.contacts + 1, settings: before.settings - 1 });
  });

  it('they are one person: the contact stays as it is and is not asked about again', async () => {
    await keepWrongMergeTogether('anna', d);
    expect(await wrongMergeReview(d)).toEqual([]);
    expect((await d.profiles.get('pB'))?.contactId).toBe('anna');
  });

  it('after the split, importing the file again finds each person by their own URL', async () => {
    await splitWrongMerge('anna', T0 + 5000, d);
    const bytes = new TextEncoder().encode(`Name,Facebook\nAnna One,${A}\nBoris Two,${B}\n`);
    async function* chunks() { yield bytes; }
    const read = await readChunks(chunks(), { format: 'csv' });
    const book: BookSnapshot = { contacts: await d.contacts.toArray(), profiles: await d.profiles.toArray() };
    const plan = planImport(read, book, { fileName: 'x.csv', now: T0 + 9000 });
    expect(plan.summary.added).toBe(0);
    expect(plan.matchedBy).toEqual(['profileUrl', 'profileUrl']);
  });
});

describe('findWrongMerges', () => {
  it('flags only profiles the old rule took for one that are now two', () => {
    const p = (id: string, contactId: string, url: string, network = 'facebook') => ({ id, contactId, network, url });
    expect(findWrongMerges([p('1', 'c', A), p('2', 'c', B)])).toHaveLength(1);
    expect(findWrongMerges([p('1', 'c', A), p('2', 'd', B)])).toEqual([]); // two contacts: nothing wrong
    expect(findWrongMerges([p('1', 'c', 'https://vk.com/id1'), p('2', 'c', 'https://vk.com/dvolkov', 'vk')])).toEqual([]);
    expect(findWrongMerges([p('1', 'c', 'https://www.facebook.com/anna.one'), p('2', 'c', 'https://www.facebook.com/boris.two')])).toEqual([]);
  });
});

describe('the merge log', () => {
  let d: TiewiseDB;
  beforeEach(async () => {
    d = await openDatabase(new TiewiseDB(`merge-log-${++n}`));
    useDatabase(d);
  });
  afterEach(() => d.close());

  const read = (url: string, name: string): Extraction => ({ site: 'facebook', kind: 'profile', profileUrl: url, lang: 'en', fields: { ...emptyFields(), name: { status: 'ok', value: name, via: 't' } } });

  it('keeps every merge; undo removes it; a later split restores the other person and keeps what came since', async () => {
    const a = await addContact({ name: 'Anna One', emails: ['anna@one.example'], source: { kind: 'import', ref: 'crm.csv', at: T0 }, crmId: 'X1' }, d);
    const b = await addContact({ name: 'Anna One', emails: ['boris@two.example'], company: 'Globex', source: { kind: 'user', at: T0 } }, d);
    await linkProfile(b.id, read(B, 'Boris Two'), T0, d);
    await addNote(b.id, 'Boris likes chess', T0, d);
    await setOverride({ contactId: b.id, networkType: 'strong-tie-champion' }, d);

    const u = await mergeContacts(a.id, b.id, T0 + 1, d);
    expect(await mergesInto(a.id, d)).toHaveLength(1);
    await undoMerge(u, d);
    expect(await d.merges.count()).toBe(0);

    const u2 = await mergeContacts(a.id, b.id, T0 + 2, d);
    expect(u2.plan.survivorId).toBe(a.id);
    // the book lives on: a note on the survivor, a changed position
    await addNote(a.id, 'Anna renewed', T0 + 3, d);
    await updateContact(a.id, { position: 'CFO' }, d);

    const [m] = await mergesInto(a.id, d);
    const out = await splitMerge(m.id, T0 + 4, d);
    expect(out).toEqual({ survivorId: a.id, restoredId: b.id });
    const ra = (await getContactRecord(a.id, d))!;
    const rb = (await getContactRecord(b.id, d))!;
    expect(ra.contact.emails).toEqual(['anna@one.example']);
    expect(ra.contact.company).toBeUndefined();
    expect(ra.contact.position).toBe('CFO');
    expect(ra.notes.map((x) => x.text)).toEqual(['Anna renewed']);
    expect(ra.profiles).toEqual([]);
    expect(ra.override).toBeUndefined();
    expect(rb.contact).toMatchObject({ name: 'Anna One', company: 'Globex', emails: ['boris@two.example'] });
    expect(rb.notes.map((x) => x.text)).toEqual(['Boris likes chess']);
    expect(rb.profiles.map((p) => p.url)).toEqual([B]);
    expect(rb.override?.networkType).toBe('strong-tie-champion');
    expect(await d.merges.count()).toBe(0);
  });

  it('erasing a person takes the merges they were part of with them', async () => {
    const a = await addContact({ name: 'Anna One', source: { kind: 'user', at: T0 } }, d);
    const b = await addContact({ name: 'Anna One', emails: ['secret@x.example'], source: { kind: 'user', at: T0 + 1 } }, d);
    await mergeContacts(a.id, b.id, T0 + 2, d);
    await erasePerson(a.id, {}, d);
    expect(await d.merges.count()).toBe(0);
  });
});

describe('restoring a backup written before version 4', () => {
  it('gets what the upgrade gives: the contact made of two people is listed', async () => {
    const { createBackup, parseBackup, restoreBackup, backupJson } = await import('@/lib/db/backup');
    const name = `wrong-merge-backup-${++n}`;
    await writeWrongMergeV3(name);
    const src = await openDatabase(new TiewiseDB(name));
    await keepWrongMergeTogether('anna', src); // forget the upgrade's answer: the backup is what counts
    const doc = JSON.parse(backupJson(await createBackup(src)));
    src.close();
    doc.schemaVersion = 3;
    delete doc.tables.merges;
    const target = await openDatabase(new TiewiseDB(`${name}-target`));
    await restoreBackup(parseBackup(JSON.stringify(doc)), target);
    expect(await wrongMergeReview(target)).toEqual([{ contactId: 'anna', network: 'facebook', profileIds: ['pA', 'pB'] }]);
    expect(await target.profiles.count()).toBe(4);
    target.close();
  });
});
