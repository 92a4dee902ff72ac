// The team book's browser side for `npm run bench -- sync`: a book in this page's
// IndexedDB (Dexie with the outbox, as the extension has it), the engine with
// pouchdb-browser's replica, and the raw floor: one POST _bulk_docs of the same
// documents. The page is served from the test server's own origin (no CORS, no
// mixed content), so both sides reach the server the same way.
import PouchDB from 'pouchdb-browser';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { syncOnce } from '@/lib/sync/engine';
import { adoptTarget } from '@/lib/sync/service';
import { SHARED_TABLES, docId, keyOf, shareable, sortKeys } from '@/lib/domain/shared';
import type { Contact, Note } from '@/lib/domain/entities';

const DB = 'bench-sync-book';
let book: TiewiseDB | null = null;

async function open(): Promise<TiewiseDB> {
  book ??= await openDatabase(new TiewiseDB(DB));
  return book;
}

/** n contacts with one note each, written the way an import writes them (before the first connect: no outbox yet); how many records. */
async function seed(n: number): Promise<number> {
  const d = await open();
  const t0 = Date.UTC(2026, 0, 1);
  const contacts: Contact[] = [];
  const notes: Note[] = [];
  for (let i = 0; i < n; i++) {
    const id = `c${String(i).padStart(7, '0')}`;
    const source = { kind: 'import' as const, ref: `crm.csv:${i + 2}`, at: t0 };
    contacts.push({ id, name: `Contact ${i}`, nameKeys: ['contact', String(i)], emails: [`c${i}@example.com`], phones: [`+49 30 ${100000 + i}`], tags: [], company: `Company ${i % 997}`, position: 'Buyer', city: 'Berlin', source, createdAt: t0, updatedAt: t0 });
    notes.push({ id: `n${String(i).padStart(7, '0')}`, contactId: id, text: `Met at the fair in March; interested in the ${i % 7} pack.`, createdAt: t0, updatedAt: t0, source });
  }
  for (let i = 0; i < n; i += 5000) {
    await d.transaction('rw', d.contacts, d.notes, async () => {
      await d.contacts.bulkPut(contacts.slice(i, i + 5000));
      await d.notes.bulkPut(notes.slice(i, i + 5000));
    });
  }
  return (await d.contacts.count()) + (await d.notes.count());
}

const remote = (dbUrl: string, user: string, password: string) => new PouchDB(dbUrl, { skip_setup: true, auth: { username: user, password } });

/** The first connect as the background runs it: the book adopts the server database (every record offered), then the engine's whole run (pull, mirror, send, push) into it: ms. */
async function push(dbUrl: string, user: string, password: string): Promise<{ ms: number; pushed: number; steps: Record<string, number> }> {
  const d = await open();
  const local = new PouchDB(`bench-replica-${dbUrl.split('/').pop()}`);
  const steps: Record<string, number> = {};
  const t0 = performance.now();
  await adoptTarget(d, `${dbUrl}|${user}`, Date.now());
  steps.adopt = performance.now() - t0;
  const r = await syncOnce({ db: d, local, remote: remote(dbUrl, user, password), user, trace: (s, ms) => (steps[s] = (steps[s] ?? 0) + ms) })
    .catch((e: Error) => Promise.reject(new Error(`${e.name}: ${e.message} after ${JSON.stringify(steps)}`)));
  return { ms: performance.now() - t0, pushed: r.pushed, steps };
}

/** The floor: the same documents (the engine's envelope) in one POST _bulk_docs. */
async function rawBulk(dbUrl: string, user: string, password: string): Promise<{ ms: number; docs: number }> {
  const d = await open();
  const docs: object[] = [];
  const at = Date.now();
  for (const t of SHARED_TABLES) {
    const rows = (await d.table(t).toArray()) as Record<string, unknown>[];
    for (const row of rows) {
      docs.push({ _id: docId(t, keyOf(t, row)), t, d: sortKeys(shareable(t, row)), by: user, at });
    }
  }
  const t0 = performance.now();
  const res = await fetch(`${dbUrl}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${btoa(`${user}:${password}`)}` },
    body: JSON.stringify({ docs }),
  });
  if (!res.ok) throw new Error(`_bulk_docs ${res.status}`);
  await res.json();
  return { ms: performance.now() - t0, docs: docs.length };
}

/** Changes `k` contacts (a different slice each call) and times the sync that sends them. */
let slice = 0;
async function incremental(dbUrl: string, user: string, password: string, k: number): Promise<{ ms: number; pushed: number }> {
  const d = await open();
  const n = await d.contacts.count();
  const ids: string[] = [];
  for (let i = 0; i < k; i++) ids.push(`c${String((slice * k + i * 97) % n).padStart(7, '0')}`);
  slice++;
  await d.transaction('rw', d.contacts, async () => {
    for (const id of ids) await d.contacts.update(id, { position: `Buyer ${slice}` });
  });
  const local = new PouchDB(`bench-replica-${dbUrl.split('/').pop()}`);
  const t0 = performance.now();
  const r = await syncOnce({ db: d, local, remote: remote(dbUrl, user, password), user });
  return { ms: performance.now() - t0, pushed: r.pushed };
}

/** Errors out of page.evaluate say only their class: carry the message. */
const said = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A): Promise<R> => {
  try {
    return await fn(...a);
  } catch (e) {
    throw new Error(`${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack ?? ''}`);
  }
};
Object.assign(window, { bench: { seed: said(seed), push: said(push), rawBulk: said(rawBulk), incremental: said(incremental) } });
