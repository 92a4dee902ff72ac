import { teamServerPerFile } from '../../sync/couch';
import { teammate, type Teammate } from '../../sync/client';
import { addContact, updateContact } from '@/lib/db/contacts';
import { addNote, deleteNote, updateNote } from '@/lib/db/notes';
import type { Replica } from '@/lib/sync/engine';

// A book's first push (new records: their first revision made here, sent straight to the
// server beside the replica) and what must still hold after it: one copy of each record
// on the server, no conflict with itself, later edits and deletions that know what they
// change, and a push interrupted anywhere that finishes without duplicates.

const server = teamServerPerFile('push');
const teamDb = () => server.teamDb();
const src = { kind: 'user' as const, at: 1 };

/** n contacts with a note each; their ids and their notes' ids */
async function book(t: Teammate, n: number, prefix: string): Promise<{ ids: string[]; notes: string[] }> {
  const out = { ids: [] as string[], notes: [] as string[] };
  for (let i = 0; i < n; i++) {
    const c = await addContact({ name: `${prefix} ${String(i).padStart(3, '0')}`, source: src }, t.db);
    out.ids.push(c.id);
    out.notes.push((await addNote(c.id, `About ${prefix} ${i}`, 1000 + i, t.db)).id);
  }
  return out;
}

interface ServerDoc { _id: string; _rev: string; _conflicts?: string[]; _deleted?: boolean; d?: Record<string, unknown> }
async function serverDocs(name: string): Promise<ServerDoc[]> {
  const r = await server.couch.admin$('GET', `/${name}/_all_docs?include_docs=true&conflicts=true`);
  return (r.json as { rows: { doc: ServerDoc }[] }).rows.map((x) => x.doc);
}

describe('a first push', () => {
  it('sends each record once, in the revision the replica holds; a later edit is an update that reaches the teammate, not a conflict', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    const { ids } = await book(olga, 120, 'First');
    const r = await olga.sync();
    expect(r.pushed).toBe(240);
    const docs = await serverDocs(name);
    expect(docs).toHaveLength(240);
    expect(docs.filter((d) => d._conflicts?.length)).toEqual([]);
    // the replica holds exactly the server's revisions
    const mine = await olga.local.allDocs({ keys: docs.map((d) => d._id) });
    expect(mine.rows.map((x) => x.value?.rev)).toEqual(docs.map((d) => d._rev));
    expect(await olga.db.outbox.count()).toBe(0);
    expect((await olga.sync()).pushed).toBe(0);

    await updateContact(ids[7], { position: 'Head of Sales' }, olga.db);
    await olga.sync();
    const doc = (await server.couch.admin$('GET', `/${name}/contacts:${ids[7]}?conflicts=true`)).json as ServerDoc;
    expect(doc._rev.startsWith('2-')).toBe(true);
    expect(doc._conflicts).toBeUndefined();
    expect(doc.d?.position).toBe('Head of Sales');
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan');
    await ivan.sync();
    expect(await ivan.db.contacts.count()).toBe(120);
    expect((await ivan.db.contacts.get(ids[7]))?.position).toBe('Head of Sales');
    expect(await olga.db.questions.count()).toBe(0);
  });

  it('a record from the first push, deleted here while a teammate changed it: the teammate\'s change stands in both books', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    const { notes: [noteId] } = await book(olga, 1, 'Disputed');
    await olga.sync();
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan');
    await ivan.sync();
    await updateNote(noteId, 'Prefers calls after 4 pm', 2000, ivan.db);
    await ivan.sync();
    await deleteNote(noteId, olga.db);
    await olga.sync();
    await ivan.sync();
    await olga.sync();
    for (const t of [olga, ivan]) expect((await t.db.notes.get(noteId))?.text, t.user).toBe('Prefers calls after 4 pm');
  });

  it('stopped after the server took a batch but before the replica did: the next run finishes, nothing doubles, no conflict', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    await book(olga, 80, 'Crash');
    const local = olga.local as Replica;
    const bulkDocs = local.bulkDocs.bind(local);
    let armed = true;
    local.bulkDocs = async (docs, opts) => {
      if (armed && opts?.new_edits === false) {
        armed = false;
        // the server's copy is on its way (the upload goes first); the replica's write fails
        await new Promise((r) => setTimeout(r, 200));
        throw new Error('worker stopped');
      }
      return bulkDocs(docs, opts);
    };
    await expect(olga.sync()).rejects.toThrow('worker stopped');
    expect((await serverDocs(name)).length).toBeGreaterThan(0);
    await olga.sync();
    const docs = await serverDocs(name);
    expect(docs).toHaveLength(160);
    expect(docs.filter((d) => d._conflicts?.length)).toEqual([]);
    expect(await olga.db.outbox.count()).toBe(0);
    const ivan = await teammate(server.couch, name, 'ivan', 'pw-ivan');
    await ivan.sync();
    expect(await ivan.db.contacts.count()).toBe(80);
    expect(await ivan.db.notes.count()).toBe(80);
  });

  it('the server refuses the direct upload: the replication sends the records all the same', async () => {
    const name = await teamDb();
    const olga = await teammate(server.couch, name, 'olga', 'pw-olga');
    await book(olga, 30, 'Refused');
    const remote = olga.remote as Replica;
    const bulkDocs = remote.bulkDocs.bind(remote);
    let refused = 0;
    remote.bulkDocs = async (docs, opts) => {
      // the uploader passes an array; the replicator one request object
      if (Array.isArray(docs)) {
        refused++;
        throw Object.assign(new Error('Service Unavailable'), { status: 503 });
      }
      return bulkDocs(docs, opts);
    };
    await olga.sync();
    expect(refused).toBeGreaterThan(0);
    const docs = await serverDocs(name);
    expect(docs).toHaveLength(60);
    expect(docs.filter((d) => d._conflicts?.length)).toEqual([]);
  });
});
