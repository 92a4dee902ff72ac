import { teamServerPerFile } from '../../sync/couch';
import { teammate, type Teammate } from '../../sync/client';
import { addContact, updateContact } from '@/lib/db/contacts';
import { addNote } from '@/lib/db/notes';
import { mergeContacts } from '@/lib/db/merge';
import { erasePerson } from '@/lib/db/erase';
import { answerQuestion, questionsFor } from '@/lib/db/questions';

// The team book end to end below the UI: two teammates' books, their replicas and
// one CouchDB-protocol server (pouchdb-server on 127.0.0.1), through the engine
// the extension runs (lib/sync/engine.ts).

const server = teamServerPerFile('team');

async function team(): Promise<[Teammate, Teammate, string]> {
  const name = await server.teamDb();
  return [await teammate(server.couch, name, 'olga', 'pw-olga'), await teammate(server.couch, name, 'ivan', 'pw-ivan'), name];
}

const src = { kind: 'user' as const, at: 1 };

describe('team book sync', () => {
  it('a note written by one teammate reaches the other, with who wrote it; nothing is sent twice', async () => {
    const [olga, ivan] = await team();
    const c = await addContact({ name: 'Marta Quinn', company: 'Globex', source: src }, olga.db);
    await addNote(c.id, 'Her daughter starts university in Lyon', 1000, olga.db);
    const first = await olga.sync();
    expect(first.pushed).toBe(2);
    await ivan.sync();
    const there = await ivan.db.contacts.get(c.id);
    expect(there?.name).toBe('Marta Quinn');
    expect(there?.company).toBe('Globex');
    const notes = await ivan.db.notes.where('contactId').equals(c.id).toArray();
    expect(notes.map((n) => [n.text, n.source.by])).toEqual([['Her daughter starts university in Lyon', 'olga']]);
    // the derived tie is Ivan's own, computed here
    expect(there?.networkType).toBeDefined();
    // the author was stamped on Olga's own copy too, and nothing is left to send
    expect((await olga.db.notes.get(notes[0].id))?.source.by).toBe('olga');
    expect(await olga.db.outbox.count()).toBe(0);
    expect(await ivan.db.outbox.count()).toBe(0);
    expect((await olga.sync()).pushed).toBe(0);
    expect((await ivan.sync()).pushed).toBe(0);
  });

  it('two teammates edit different fields of one contact offline: both changes stand, no question', async () => {
    const [olga, ivan] = await team();
    const c = await addContact({ name: 'Pavel Orlov', company: 'Initech', source: src }, olga.db);
    await olga.sync();
    await ivan.sync();
    await updateContact(c.id, { position: 'Head of IT', emails: ['p.orlov@initech.example'] }, olga.db);
    await updateContact(c.id, { city: 'Kazan', emails: ['pavel@orlov.example'] }, ivan.db);
    await olga.sync();
    await ivan.sync();
    await olga.sync();
    for (const t of [olga, ivan]) {
      const x = await t.db.contacts.get(c.id);
      expect(x?.position).toBe('Head of IT');
      expect(x?.city).toBe('Kazan');
      expect([...(x?.emails ?? [])].sort()).toEqual(['p.orlov@initech.example', 'pavel@orlov.example']);
      expect(await t.db.questions.count()).toBe(0);
    }
  });

  it('both change the same field: both versions are kept and asked; the answer reaches both', async () => {
    const [olga, ivan] = await team();
    const c = await addContact({ name: 'Lena Park', position: 'VP Sales', source: src }, olga.db);
    await olga.sync();
    await ivan.sync();
    await updateContact(c.id, { position: 'CTO' }, olga.db);
    await updateContact(c.id, { position: 'CEO' }, ivan.db);
    await olga.sync();
    await ivan.sync();
    await olga.sync();
    const qs = await questionsFor(c.id, olga.db);
    expect(qs).toHaveLength(1);
    const f = qs[0].fields.find((x) => x.field === 'position');
    expect(f?.versions.map((v) => [v.value, v.by]).sort()).toEqual([['CEO', 'ivan'], ['CTO', 'olga']]);
    expect(await questionsFor(c.id, ivan.db)).toEqual(qs);
    // both books show the same version meanwhile
    const shown = (await olga.db.contacts.get(c.id))?.position;
    expect((await ivan.db.contacts.get(c.id))?.position).toBe(shown);
    await answerQuestion(qs[0].id, 'position', 'CTO', Date.now(), ivan.db);
    await ivan.sync();
    await olga.sync();
    for (const t of [olga, ivan]) {
      expect((await t.db.contacts.get(c.id))?.position).toBe('CTO');
      expect(await questionsFor(c.id, t.db)).toEqual([]);
    }
  });

  it('a merge in one book while the other adds a note to the merged-away contact: the note ends on the survivor', async () => {
    const [olga, ivan] = await team();
    const a = await addContact({ name: 'Nina Berg', emails: ['nina@berg.example'], source: src }, olga.db);
    const b = await addContact({ name: 'Nina Berg', company: 'Umbrella', source: src }, olga.db);
    await olga.sync();
    await ivan.sync();
    const undo = await mergeContacts(a.id, b.id, Date.now(), olga.db);
    const gone = undo.plan.removedId;
    const kept = undo.plan.survivorId;
    const note = await addNote(gone, 'Asked about the 2027 pricing', Date.now(), ivan.db);
    await olga.sync();
    await ivan.sync();
    await olga.sync();
    for (const t of [olga, ivan]) {
      expect(await t.db.contacts.get(gone)).toBeUndefined();
      expect((await t.db.notes.get(note.id))?.contactId).toBe(kept);
      expect((await t.db.contacts.get(kept))?.company).toBe('Umbrella');
    }
  });

  it('erasing a person in one book erases every copy: the other book and the server keep nothing readable', async () => {
    const [olga, ivan, name] = await team();
    const x = await addContact({ name: 'Otto Erased', emails: ['otto@erased.example'], source: src }, olga.db);
    const other = await addContact({ name: 'Rita Stays', source: src }, olga.db);
    const n1 = await addNote(x.id, 'Otto likes sailing', 1, olga.db);
    await addNote(other.id, 'Rita was introduced by Otto Erased', 2, olga.db);
    await olga.sync();
    await ivan.sync();
    // Ivan, not yet knowing, writes about Otto
    const late = await addNote(x.id, 'Otto called back', 3, ivan.db);
    await erasePerson(x.id, {}, olga.db);
    await olga.sync();
    await ivan.sync();
    await olga.sync();
    for (const t of [olga, ivan]) {
      expect(await t.db.contacts.get(x.id)).toBeUndefined();
      expect(await t.db.notes.where('contactId').equals(x.id).count()).toBe(0);
      const rita = await t.db.notes.where('contactId').equals(other.id).toArray();
      expect(rita[0].text).not.toContain('Otto');
    }
    // the server: every document about them is a tombstone, and Ivan's late note never arrived
    const all = await server.couch.admin$('GET', `/${name}/_all_docs?include_docs=true`);
    const text = JSON.stringify(all.json);
    expect(text).not.toContain('Otto');
    expect(text).not.toContain('otto@erased.example');
    const ids = [`contacts:${x.id}`, `notes:${n1.id}`];
    for (const id of ids) expect((await server.couch.admin$('GET', `/${name}/${encodeURIComponent(id)}`)).status, id).toBe(404);
    // …because they are deleted (tombstones the teammates' books replicate), not merely absent
    const keys = await server.couch.admin$('POST', `/${name}/_all_docs`, { keys: ids });
    expect((keys.json as { rows: { value?: { deleted?: boolean } }[] }).rows.map((r) => r.value?.deleted)).toEqual([true, true]);
    expect((await server.couch.admin$('GET', `/${name}/${encodeURIComponent(`notes:${late.id}`)}`)).status).toBe(404);
    // the bodies of earlier revisions go when the server compacts (CouchDB does it by itself: README "Team book")
    const tomb = await server.couch.admin$('GET', `/${name}/${encodeURIComponent(`notes:${n1.id}`)}?rev=${(keys.json as { rows: { value: { rev: string } }[] }).rows[1].value.rev}&revs=true`);
    const revs = (tomb.json as { _revisions: { start: number; ids: string[] } })._revisions;
    const first = `${revs.start - 1}-${revs.ids[1]}`;
    expect(JSON.stringify((await server.couch.admin$('GET', `/${name}/${encodeURIComponent(`notes:${n1.id}`)}?rev=${first}`)).json)).toContain('sailing');
    expect((await server.couch.admin$('POST', `/${name}/_compact`, {})).status).toBeLessThan(300);
    await new Promise((r) => setTimeout(r, 500));
    expect(JSON.stringify((await server.couch.admin$('GET', `/${name}/${encodeURIComponent(`notes:${n1.id}`)}?rev=${first}`)).json)).not.toContain('sailing');
  });

  it('refuses malformed and hostile documents from the server, logs them, and keeps the book whole', async () => {
    const [olga, ivan, name] = await team();
    const c = await addContact({ name: 'Good Record', source: src }, olga.db);
    await olga.sync();
    const put = (id: string, body: unknown) => server.couch.as({ username: 'olga', password: 'pw-olga' }, 'PUT', `/${name}/${encodeURIComponent(id)}`, body);
    await put('contacts:bad1', { t: 'contacts', d: { id: 'bad1', name: 42 } });
    await put('contacts:bad2', { t: 'contacts', d: { id: 'someone-else', name: 'Spoof', source: src, createdAt: 1, updatedAt: 1 } });
    await put('notes:bad3', { t: 'contacts', d: { id: 'bad3' } });
    await put('random-doc', { hello: 'world' });
    await put('notes:xss', { t: 'notes', d: { id: 'xss', contactId: c.id, text: '<img src=x onerror=alert(1)>', createdAt: 1, updatedAt: 1, source: src } });
    const r = await ivan.sync();
    expect(r.rejected).toBe(4);
    expect(ivan.logs.filter((l) => l.startsWith('team: refused'))).toHaveLength(4);
    expect(await ivan.db.contacts.count()).toBe(1);
    expect((await ivan.db.contacts.get(c.id))?.name).toBe('Good Record');
    // text stays text: stored as written, never interpreted
    expect((await ivan.db.notes.get('xss'))?.text).toBe('<img src=x onerror=alert(1)>');
  });
});
