import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { TEAM_TARGET, quietTransaction } from '@/lib/db/outbox';
import { addContact } from '@/lib/db/contacts';
import { addNote } from '@/lib/db/notes';

// The outbox: every change to a shared table, from any write path, leaves "this
// record changed" in the same transaction; nothing else does. It starts with the
// book's first connect (the connect offers every record then: service.test.ts).

let n = 0;
const unconnected = () => openDatabase(new TiewiseDB(`outbox-${++n}`));
const fresh = async () => {
  const d = await unconnected();
  await d.settings.put({ key: TEAM_TARGET, value: 'http://team.example/book|ada' });
  return d;
};
const src = { kind: 'user' as const, at: 1 };
const ids = async (d: TiewiseDB) => (await d.outbox.toArray()).map((e) => e.id).sort();

describe('the outbox', () => {
  it('records adds, updates and deletes of shared tables by document id, once per record', async () => {
    const d = await fresh();
    const c = await addContact({ name: 'Ada Row', source: src }, d);
    const note = await addNote(c.id, 'first', 1, d);
    await d.notes.update(note.id, { text: 'second' });
    await d.memberships.put({ groupId: 'g1', contactId: c.id, addedAt: 1 });
    expect(await ids(d)).toEqual([`contacts:${c.id}`, `memberships:["g1","${c.id}"]`, `notes:${note.id}`].sort());
    const seq = (await d.outbox.get(`notes:${note.id}`))?.seq;
    await d.notes.delete(note.id);
    // the entry is renewed, so a send that read the old one does not retire it
    expect((await d.outbox.get(`notes:${note.id}`))?.seq).not.toBe(seq);
  });

  it('records nothing before the book is first connected, and every write once a team target is stored', async () => {
    const d = await unconnected();
    const c = await addContact({ name: 'Ada Row', source: src }, d);
    await addNote(c.id, 'before', 1, d);
    await d.products.put({ id: 'p1', name: 'Product', relations: [] });
    expect(await ids(d)).toEqual([]);
    // another page of the extension stores the target (its own database instance)
    const other = await openDatabase(new TiewiseDB(d.name));
    await other.settings.put({ key: TEAM_TARGET, value: 'http://team.example/book|ada' });
    await d.contacts.update(c.id, { name: 'Ada Rowe' });
    expect(await ids(d)).toEqual([`contacts:${c.id}`]);
    other.close();
  });

  it('in one transaction: writes before the target is stored record nothing, writes after it are recorded', async () => {
    // the outbox asks a transaction once whether the book is shared, until that transaction writes a setting
    const d = await unconnected();
    const note = (id: string, text: string) => ({ id, contactId: 'c1', text, createdAt: 1, updatedAt: 1, source: src });
    await d.transaction('rw', [d.contacts, d.notes, d.settings, d.outbox], async () => {
      await d.notes.bulkAdd([note('n1', 'before'), note('n2', 'before too')]);
      await d.settings.put({ key: TEAM_TARGET, value: 'http://team.example/book|ada' });
      await d.notes.put(note('n3', 'after'));
    });
    expect(await ids(d)).toEqual(['notes:n3']);
  });

  it('a clear() or a range delete names every record it removed', async () => {
    const d = await fresh();
    for (let i = 0; i < 5; i++) await d.products.put({ id: `p${i}`, name: `Product ${i}`, relations: [] });
    await d.outbox.clear();
    await d.products.where('id').between('p1', 'p3', true, true).delete();
    expect(await ids(d)).toEqual(['products:p1', 'products:p2', 'products:p3']);
    await d.products.clear();
    expect(await ids(d)).toEqual(['products:p0', 'products:p1', 'products:p2', 'products:p3', 'products:p4']);
  });

  it('a write that rolls back leaves no entry; local-only tables and the sync engine\'s own writes leave none', async () => {
    const d = await fresh();
    await expect(d.transaction('rw', d.contacts, async () => {
      await d.contacts.put({ id: 'x', name: 'Gone', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 1, updatedAt: 1 });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    await d.settings.put({ key: 'rep', value: {} });
    await d.reminders.put({ id: 'r1', contactId: 'x', due: 1, text: 'call', done: false });
    await d.log.add({ at: 1, level: 'info', where: 't', message: 'm' });
    await d.transaction('rw', d.contacts, async () => {
      quietTransaction();
      await d.contacts.put({ id: 'y', name: 'From the team', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 1, updatedAt: 1 });
    });
    expect(await d.contacts.get('y')).toBeDefined();
    expect(await ids(d)).toEqual([]);
  });
});
