import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { openDatabase, TiewiseDB, useDatabase } from '@/lib/db/database';
import { addContact, updateContact } from '@/lib/db/contacts';
import { accountPeers } from '@/lib/db/derive';
import { mergeContacts, undoMerge } from '@/lib/db/merge';
import { GENERATORS } from './versions';

// The organisation key on contacts (schema v7): the account's peers are read from its
// index, so every write path has to leave it right, and an upgraded book has to have it.

let db: TiewiseDB;
let n = 0;
beforeEach(async () => {
  db = new TiewiseDB(`company-key-${++n}`);
  useDatabase(db);
  await openDatabase(db);
});
afterEach(() => db.close());

const src = { kind: 'user' as const, at: 1 };
const key = async (id: string) => (await db.contacts.get(id))?.companyKey;

describe('the organisation key on contacts', () => {
  it('finds the account\'s peers under every spelling of the organisation, and not the contact itself', async () => {
    const a = await addContact({ name: 'Anna Kowalski', company: 'ACME Inc.', source: src });
    await addContact({ name: 'John Miller', company: 'Acme', position: 'CTO', source: src });
    await addContact({ name: 'Maria Garcia', company: 'acme GmbH', source: src });
    await addContact({ name: 'Lee Chen', company: 'Globex', source: src });
    await addContact({ name: 'No Company', source: src });
    const peers = await accountPeers(a);
    expect(peers.map((p) => p.name).sort()).toEqual(['John Miller', 'Maria Garcia']);
    expect(peers.find((p) => p.name === 'John Miller')?.role).toBe('CTO');
    expect(await accountPeers({ ...a, company: undefined })).toEqual([]);
  });

  it('follows the company through an edit, a removal and a bulk update', async () => {
    const c = await addContact({ name: 'Ольга Смирнова', company: 'ООО «Вектор»', source: src });
    expect(await key(c.id)).toBe('vektor');
    await updateContact(c.id, { company: 'Initech Ltd' });
    expect(await key(c.id)).toBe('initech');
    await db.contacts.update(c.id, { company: undefined });
    expect(await db.contacts.get(c.id)).not.toHaveProperty('companyKey');
    await db.contacts.bulkUpdate([{ key: c.id, changes: { company: 'ACME Inc.' } }]);
    expect(await key(c.id)).toBe('akme');
    // a stale key put by hand is corrected on the way in
    await db.contacts.put({ ...(await db.contacts.get(c.id))!, company: 'Initech', companyKey: 'akme' });
    expect(await db.contacts.where('companyKey').equals('akme').count()).toBe(0);
    expect(await key(c.id)).toBe('initech');
  });

  it('keeps the survivor\'s key through a merge and its undo', async () => {
    const a = await addContact({ name: 'Ivan Petrov', emails: ['ivan@initech.example'], source: src });
    const b = await addContact({ name: 'Ivan Petrov', company: 'Initech', emails: ['ivan@initech.example'], source: src });
    const undo = await mergeContacts(a.id, b.id);
    const survivor = (await db.contacts.toArray())[0];
    expect(survivor.company).toBe('Initech');
    expect(survivor.companyKey).toBe('initech');
    await undoMerge(undo);
    expect(await key(a.id)).toBeUndefined();
    expect(await key(b.id)).toBe('initech');
  });

  it('is given by the version-7 upgrade to every contact of an older book that names a company', async () => {
    const name = `company-key-upgrade-${n}`;
    const before = await GENERATORS[6](name);
    const old = await openDatabase(new TiewiseDB(name));
    for (const c of before.contacts as { id: string; company?: string }[]) {
      expect((await old.contacts.get(c.id))?.companyKey, c.id).toBe(c.company === 'Вектор' ? 'vektor' : undefined);
    }
    expect((await old.contacts.where('companyKey').equals('vektor').primaryKeys())).toEqual(['c1']);
    old.close();
    await Dexie.delete(name);
  });
});
