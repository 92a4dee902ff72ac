import { openDatabase, TABLES, TiewiseDB, useDatabase } from '@/lib/db/database';
import { loadDemoBook } from '@/lib/demo/load';
import { addContact, addContacts } from '@/lib/db/contacts';
import { addNote } from '@/lib/db/notes';
import { setOverride } from '@/lib/db/overrides';
import { getContactRecord } from '@/lib/db/record';
import { mergeContacts, undoMerge } from '@/lib/db/merge';
import { duplicatesOf } from '@/lib/db/duplicates';

let d: TiewiseDB;
let n = 0;
beforeEach(async () => {
  d = new TiewiseDB(`merge-${++n}`);
  useDatabase(d);
  await openDatabase(d);
  await loadDemoBook(Date.UTC(2026, 10, 24), d);
});

async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) out[t] = (await d.table(t).toArray()).sort((a, b) => JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);
  return out;
}

describe('merging two contacts', () => {
  it('finds the CRM import of the same person as a duplicate, with reasons', async () => {
    const dup = await addContact({ name: 'Anna Kowalska', emails: ['ANNA.KOWALSKI@northwind.example'], company: 'Northwind Traders', source: { kind: 'import', ref: 'hubspot.csv', at: 1 } }, d);
    const found = await duplicatesOf('demo-anna', d);
    expect(found.map((c) => c.contact.id)).toContain(dup.id);
    expect(found[0].reasons.map((r) => r.code)).toContain('email');
  });

  it('among hundreds of namesakes, finds the five likeliest wherever they come in the pool', async () => {
    const src = { kind: 'import' as const, ref: 'big.csv', at: 1 };
    // 250 namesakes (scored ten at a time, in several slices); the ones sharing Anna's e-mail come last
    await addContacts(Array.from({ length: 250 }, (_, i) => ({ id: `ns-${String(i).padStart(3, '0')}`, name: 'Anna Kowalski', company: `Firm ${i}`, source: src })), d);
    const alike = await addContacts(['x', 'y'].map((k) => ({ id: `zz-${k}`, name: 'Anna Kowalski', emails: ['anna.kowalski@northwind.example'], company: 'Northwind Traders', source: src })), d);
    const found = await duplicatesOf('demo-anna', d);
    expect(found).toHaveLength(5);
    expect(found.slice(0, 2).map((c) => c.contact.id)).toEqual(alike.map((c) => c.id));
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('keeps every note, interaction, purchase, complaint, profile, membership and the override', async () => {
    const other = await addContact({ name: 'A. Kowalski', company: 'Northwind Traders', emails: ['anna@home.example'], crmId: 'HS-7', source: { kind: 'import', ref: 'hubspot.csv', at: 1 } }, d);
    await addNote(other.id, 'Imported note from the CRM', 5, d);
    await d.memberships.put({ groupId: 'demo-g-moscow', contactId: other.id, addedAt: 1 });
    await setOverride({ contactId: other.id, networkType: 'strong-tie-champion' }, d);
    const before = (await getContactRecord('demo-anna', d))!;
    const u = await mergeContacts('demo-anna', other.id, Date.now(), d);
    // the CRM import (it has a CRM id) survives
    expect(u.plan.survivorId).toBe(other.id);
    expect(await d.contacts.get('demo-anna')).toBeUndefined();
    const after = (await getContactRecord(other.id, d))!;
    expect(after.contact.name).toBe('Anna Kowalski'); // the fuller name wins over an initial
    expect(after.contact.emails.sort()).toEqual(['anna.kowalski@northwind.example', 'anna@home.example']);
    expect(after.notes.length).toBe(before.notes.length + 1);
    expect(after.interactions.length).toBe(before.interactions.length);
    expect(after.purchases.length).toBe(before.purchases.length);
    expect(after.complaints.length).toBe(before.complaints.length);
    expect(after.profiles.map((p) => p.url)).toEqual(before.profiles.map((p) => p.url));
    expect(after.groups.map((g) => g.id).sort()).toEqual([...before.groups.map((g) => g.id), 'demo-g-moscow'].sort());
    expect(after.override?.networkType).toBe('strong-tie-champion');
  });

  it('undo restores every table exactly', async () => {
    const other = await addContact({ name: 'Anna Kowalski', company: 'Northwind', source: { kind: 'user', at: 1 } }, d);
    await d.memberships.put({ groupId: 'demo-g-champions', contactId: other.id, addedAt: 1 }); // in a group both are in
    await setOverride({ contactId: 'demo-anna', networkType: 'team' }, d);
    const before = await snapshot();
    const u = await mergeContacts(other.id, 'demo-anna', Date.now(), d);
    expect(await snapshot()).not.toEqual(before);
    await undoMerge(u, d);
    const after = await snapshot();
    // derived tie fields may be recomputed; everything else is byte-for-byte back
    const strip = (s: Record<string, unknown[]>) => ({ ...s, contacts: s.contacts.map((c) => ({ ...(c as object), tieScore: undefined, networkType: undefined, stage: undefined })) });
    expect(strip(after)).toEqual(strip(before));
  });

  it('refuses to merge a contact with itself', async () => {
    await expect(mergeContacts('demo-anna', 'demo-anna', 1, d)).rejects.toThrow();
  });
});
