import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { openDatabase, TiewiseDB, useDatabase } from '@/lib/db/database';
import { addContact } from '@/lib/db/contacts';
import { guarded, StorageFullError } from '@/lib/db/errors';
import { addInteraction } from '@/lib/db/interactions';
import { addNote, deleteNote, restoreNote } from '@/lib/db/notes';
import { addContactFromProfile, linkProfile, recordProfileRead } from '@/lib/db/profiles';
import { getContactRecord } from '@/lib/db/record';
import { searchContacts } from '@/lib/db/search';
import { emptyFields, type Extraction } from '@/lib/extract/types';

let db: TiewiseDB;
let n = 0;
beforeEach(async () => {
  db = new TiewiseDB(`repo-${++n}`);
  useDatabase(db);
  await openDatabase(db);
});

function read(url: string, name: string, extra: Partial<Extraction['fields']> = {}): Extraction {
  return {
    site: 'linkedin', kind: 'profile', profileUrl: url, lang: 'en',
    fields: { ...emptyFields(), name: { status: 'ok', value: name, via: 'test' }, ...extra },
  };
}

const src = { kind: 'user' as const, at: 1 };

describe('data-access module', () => {
  it('adds a contact from a profile, linked, and finds it again by the canonical URL', async () => {
    const x = read('https://www.linkedin.com/in/maria-garcia-dev/', 'Maria Garcia', {
      company: { status: 'ok', value: 'Initech', via: 't' },
      location: { status: 'ok', value: 'Madrid', via: 't' },
    });
    const c = await addContactFromProfile(x, 1000);
    const rec = await getContactRecord(c.id);
    expect(rec?.contact).toMatchObject({ name: 'Maria Garcia', company: 'Initech', city: 'Madrid', relation: 'prospect' });
    expect(rec?.profiles).toEqual([expect.objectContaining({ network: 'linkedin', url: x.profileUrl, readAt: 1000 })]);
  });

  it('records a fresh read only for a linked profile', async () => {
    const c = await addContact({ name: 'Anna Kowalski', source: src });
    expect(await recordProfileRead(read('https://www.linkedin.com/in/nobody/', 'Nobody'), 5)).toBeNull();
    await linkProfile(c.id, read('https://www.linkedin.com/in/anna-kowalski-42/', 'Anna Kowalski'), 10);
    const p = await recordProfileRead(read('https://www.linkedin.com/in/anna-kowalski-42/', 'Anna K.'), 20);
    expect(p?.readAt).toBe(20);
    expect(await db.profiles.count()).toBe(1);
  });

  it('linking a second network keeps the first', async () => {
    const c = await addContact({ name: 'Dmitry Volkov', source: src });
    await linkProfile(c.id, { ...read('https://www.linkedin.com/in/dvolkov/', 'Dmitry Volkov') });
    await linkProfile(c.id, { ...read('https://vk.com/dvolkov', 'Дмитрий Волков'), site: 'vk' });
    const rec = await getContactRecord(c.id);
    expect(rec?.profiles.map((p) => p.network).sort()).toEqual(['linkedin', 'vk']);
  });

  it('lists notes newest first; a deleted note can be restored', async () => {
    const c = await addContact({ name: 'Olga', source: src });
    await addNote(c.id, 'first', 1);
    const second = await addNote(c.id, 'second', 2);
    expect((await getContactRecord(c.id))?.notes.map((x) => x.text)).toEqual(['second', 'first']);
    const gone = await deleteNote(second.id);
    expect((await getContactRecord(c.id))?.notes.map((x) => x.text)).toEqual(['first']);
    await restoreNote(gone!);
    expect((await getContactRecord(c.id))?.notes.map((x) => x.text)).toEqual(['second', 'first']);
  });

  it('an interaction moves the last-contact time forward, never back', async () => {
    const c = await addContact({ name: 'John Miller', source: src });
    await addInteraction({ contactId: c.id, kind: 'call', direction: 'out', at: 500, summary: '' });
    await addInteraction({ contactId: c.id, kind: 'email', direction: 'in', at: 100, summary: '' });
    expect((await db.contacts.get(c.id))?.lastContactAt).toBe(500);
  });

  it('searches by name in either script, e-mail and company', async () => {
    await addContact({ name: 'Иван Петров', emails: ['I.Petrov@Globex.example'], company: 'Globex', source: src });
    await addContact({ name: 'Anna Kowalski', company: 'Northwind Traders', source: src });
    expect((await searchContacts('петр')).map((c) => c.name)).toEqual(['Иван Петров']);
    expect((await searchContacts('i.petrov@')).map((c) => c.name)).toEqual(['Иван Петров']);
    expect((await searchContacts('north')).map((c) => c.name)).toEqual(['Anna Kowalski']);
    expect(await searchContacts('zzz')).toEqual([]);
  });

  it('a full disk rolls the whole write back and says so', async () => {
    const c = await addContact({ name: 'Anna', source: src });
    const before = await db.notes.count();
    const failing = db.transaction('rw', db.notes, db.contacts, async () => {
      await db.notes.add({ id: 'half', contactId: c.id, text: 'half-written', createdAt: 1, updatedAt: 1, source: src });
      const err = new Error('quota');
      err.name = 'QuotaExceededError';
      throw err;
    });
    await expect(guarded(() => failing)).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.notes.count()).toBe(before);
    expect(Dexie.currentTransaction).toBeFalsy();
  });
});
