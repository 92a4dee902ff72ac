// Over 300 lines on purpose: one sync run; its five steps (below) share the dependencies,
// the book's salt and the report, and their order is the algorithm.
import type { z } from 'zod';
import type { IndexableType, Table } from 'dexie';
import type { TiewiseDB } from '../db/database';
import { quietTransaction, type OutboxEntry } from '../db/outbox';
import { guarded } from '../db/errors';
import { keysForName } from '../db/keys';
import { refreshAllTies } from '../db/derive';
import { applyMark, markOf, marksIndex } from '../db/marks';
import {
  Complaint, Contact, Deal, Group, Interaction, Mark, Membership, Note, Product, Profile, Purchase, Question, TagOverride, WorkflowRule,
} from '../domain/entities';
import { LOCAL_FIELDS, SHARED_TABLES, canonical, docId, hash128, keyOf, parseDocId, shareable, sortKeys, type SharedTable } from '../domain/shared';
import { mergeRecord, type Side } from './merge';

// One sync run between this browser's book (Dexie, what the UI reads) and the
// team's CouchDB, through PouchDB's replicator and a local PouchDB replica:
//
//   1. pull    the server's changes into the replica (PouchDB: checkpointed per batch)
//   2. mirror  the replica's changes into Dexie, resolving conflicts on the way
//   3. send    the outbox (records changed here) into the replica; documents new to
//              it get their first revision here and go to the server at once too
//              (`_bulk_docs` with `new_edits: false`, as the replicator writes them)
//   4. mirror  again (what step 3 branched is resolved before it leaves)
//   5. push    the replica's changes to the server, less what the server confirmed in step 3
//
// Every step resumes where it stopped: the replica's checkpoints, the mirror's
// sequence (stored with the rows it wrote, in one transaction), and the outbox
// (an entry leaves only once its record is in the replica). A run killed
// anywhere is repeated without loss or duplicates. The mirror's table holds the
// revision this book last had of each document, except this book's own first
// revisions, which are known by themselves (ownFirst): a first push of a big import
// writes no mirror row per record.
//
// Documents from the server are untrusted: each is checked against the entity's
// schema and the id it claims; what fails is logged and skipped, never written.

/** The part of a PouchDB database the engine uses (pouchdb-browser in the extension, pouchdb-core in tests). */
export interface Replica {
  get(id: string, opts?: Record<string, unknown>): Promise<Record<string, unknown>>;
  allDocs(opts: Record<string, unknown>): Promise<{ rows: { id: string; key: string; value?: { rev: string; deleted?: boolean }; doc?: Record<string, unknown> | null; error?: string }[] }>;
  bulkDocs(docs: Record<string, unknown>[], opts?: Record<string, unknown>): Promise<({ ok?: boolean; id?: string; rev?: string; error?: string | boolean; status?: number })[]>;
  info(): Promise<{ update_seq: number | string }>;
  changes(opts: Record<string, unknown>): Promise<{ results: { id: string; seq: number | string; deleted?: boolean; doc?: Record<string, unknown> }[]; last_seq: number | string }>;
  replicate: {
    from(remote: unknown, opts?: Record<string, unknown>): ReplicationRun;
    to(remote: unknown, opts?: Record<string, unknown>): ReplicationRun;
  };
}
export interface ReplicationRun extends PromiseLike<unknown> {
  on(event: 'change', cb: (info: { docs_read?: number; docs_written?: number; pending?: number }) => void): ReplicationRun;
}

export interface SyncDeps {
  db: TiewiseDB;
  local: Replica;
  remote: unknown;
  /** the team user's name: who this browser's changes are by */
  user: string;
  now?: () => number;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  onProgress?: (p: { done: number; total: number }) => void;
  /** records per batch (each batch is one replica write and one Dexie transaction) */
  batch?: number;
  /** how long each step took (the bench prints it) */
  trace?: (step: 'pull' | 'mirror' | 'send' | 'mirror-again' | 'push', ms: number) => void;
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  /** documents from the server refused (malformed, hostile, or naming another record) */
  rejected: number;
  /** conflicts merged by themselves */
  merged: number;
  /** fields two teammates changed differently, kept as questions */
  asked: number;
}

const SCHEMAS: Record<SharedTable, z.ZodType> = {
  contacts: Contact, profiles: Profile, notes: Note, interactions: Interaction, complaints: Complaint,
  purchases: Purchase, products: Product, groups: Group, memberships: Membership, overrides: TagOverride,
  workflowRules: WorkflowRule, deals: Deal, marks: Mark, questions: Question,
};

/** Tables whose rows belong to one contact (what a contact's tie is computed from, among others). */
const BY_CONTACT = new Set<SharedTable>(['profiles', 'notes', 'interactions', 'complaints', 'purchases', 'deals', 'memberships', 'overrides', 'questions']);

/** A document larger than this is refused (a contact with its custom fields is a few KB). */
const MAX_DOC = 1_000_000;

const SEQ_KEY = 'team.seq';

interface Envelope {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  /** the table, the record, who wrote this version and when */
  t: SharedTable;
  d: Record<string, unknown>;
  by?: string;
  at?: number;
}

export async function syncOnce(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { pulled: 0, pushed: 0, rejected: 0, merged: 0, asked: 0 };
  const pending = await deps.db.outbox.count();
  let total = pending;
  let done = 0;
  const progress = () => deps.onProgress?.({ done, total: Math.max(total, done) });
  progress();

  const step = async <T>(name: Parameters<NonNullable<SyncDeps['trace']>>[0], fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      deps.trace?.(name, performance.now() - t0);
    }
  };
  // 1. pull
  await step('pull', () => replicate(deps.local.replicate.from(deps.remote, { batch_size: deps.batch ?? 500, batches_limit: 2 }), (n, left) => {
    report.pulled = n;
    total = pending + n + left;
    done = n;
    progress();
  }));
  const salt = await bookSalt(deps.db);
  // 2. mirror
  await step('mirror', () => mirror(deps, report, salt));
  // 3. send
  const uploaded = new Map<string, string>();
  report.pushed = await step('send', () => send(deps, report, salt, uploaded, (n) => {
    done = report.pulled + n;
    progress();
  }));
  // 4. mirror again
  await step('mirror-again', () => mirror(deps, report, salt));
  // 5. push (what the server confirmed during the send is not offered again)
  const filter = Object.assign((doc: { _id?: string; _rev?: string }) => !doc._id || uploaded.get(doc._id) !== doc._rev, {
    // the replicator keys its checkpoints by the filter's source text: one name in every build
    toString: () => 'tiewise:not-uploaded-in-this-run',
  });
  await step('push', () => replicate(deps.local.replicate.to(deps.remote, { batch_size: deps.batch ?? 500, batches_limit: 2, filter }), () => progress()));
  return report;
}

async function replicate(run: ReplicationRun, onChange: (written: number, pending: number) => void): Promise<void> {
  let written = 0;
  run.on('change', (info) => {
    written = info.docs_written ?? written;
    onChange(written, info.pending ?? 0);
  });
  await run;
}

// ---------------------------------------------------------------- mirror

async function mirror(deps: SyncDeps, report: SyncReport, salt: string): Promise<void> {
  const { db, local } = deps;
  const batch = deps.batch ?? 500;
  for (let guard = 0; guard < 1_000_000; guard++) {
    const since = (await db.settings.get(SEQ_KEY))?.value ?? 0;
    const ch = await local.changes({ since, limit: batch, include_docs: true, conflicts: true });
    if (!ch.results.length) return;
    const plain: { id: string; doc: Envelope | null; deleted: boolean }[] = [];
    for (const r of ch.results) {
      const doc = (r.doc ?? null) as Envelope | null;
      if (doc && !r.deleted && doc._conflicts?.length) {
        // a resolution is a new revision: the feed brings it back, and it is mirrored then
        if (await resolve(deps, doc, report)) continue;
      }
      plain.push({ id: r.id, doc, deleted: !!r.deleted });
    }
    const touched = new Set<string>();
    const marks: Mark[] = [];
    await guarded(() => db.transaction('rw', [...SHARED_TABLES.map((t) => db.table(t)), db.mirror, db.outbox, db.settings], async () => {
      quietTransaction();
      let markOfHere = await marksIndex(db);
      const ids = plain.map((p) => p.id);
      const seenRevs = await db.mirror.where(':id').anyOf(ids).toArray();
      const waiting = await db.outbox.where(':id').anyOf(ids).primaryKeys();
      const ctx = { seen: new Map(seenRevs.map((m) => [m.id, m.rev])), waiting: new Set(waiting as string[]) };
      // a first revision this book made has no mirror row: it is this book's own
      for (const p of plain) if (!ctx.seen.has(p.id) && p.doc?._rev && p.doc._rev === ownFirst(salt, p.doc)) ctx.seen.set(p.id, p.doc._rev);
      for (const p of plain) {
        // what needs no write is decided here, without an await: a run of native awaits with no
        // IndexedDB request between them lets the transaction commit under Dexie's feet
        const rev = p.doc?._rev;
        if (!rev || ctx.seen.get(p.id) === rev || ctx.waiting.has(p.id)) continue;
        const before = marks.length;
        const r = await applyOne(deps, p, touched, marks, markOfHere, ctx);
        // a mark in this batch counts for the rows after it
        if (marks.length !== before) markOfHere = await marksIndex(db);
        if (r === 'rejected') report.rejected++;
      }
      await db.settings.put({ key: SEQ_KEY, value: ch.last_seq });
    }));
    // a merge made elsewhere: this browser's own rows about the merged-away contact follow
    // (sent on, as local changes); an erasure needs nothing more here: the erased rows
    // arrive deleted, and this browser's unsent ones are caught before they are sent
    for (const m of marks) {
      const f = m.kind === 'merged' ? await markOf(m.id, db) : undefined;
      if (f?.kind === 'merged') await applyMark(m.id, f, deps.now?.() ?? Date.now(), db);
    }
    if (touched.size) await refreshAllTies(deps.now?.() ?? Date.now(), db, [...touched]);
  }
}

type Applied = 'written' | 'skipped' | 'rejected';

async function applyOne(
  deps: SyncDeps, p: { id: string; doc: Envelope | null; deleted: boolean }, touched: Set<string>, marks: Mark[], markOfHere: (contactId: string) => Mark | undefined,
  /** read for the whole batch up front: the revision this book holds of each, and which wait in the outbox */
  ctx: { seen: Map<string, string | undefined>; waiting: Set<string> },
): Promise<Applied> {
  const { db } = deps;
  const where = parseDocId(p.id);
  if (!where) {
    if (!p.id.startsWith('_design/')) reject(deps, p.id, 'not a Tiewise record');
    return p.id.startsWith('_design/') ? 'skipped' : 'rejected';
  }
  const rev = p.doc?._rev;
  if (!rev) return 'skipped';
  if (ctx.seen.get(p.id) === rev) return 'skipped';
  // changed here too and not yet sent: sending it branches from what this book
  // had, and the two versions are merged then
  if (ctx.waiting.has(p.id)) return 'skipped';
  const table = db.table(where.table);
  if (p.deleted || p.doc?._deleted) {
    const old = (await table.get(where.key as string)) as Record<string, unknown> | undefined;
    if (old) {
      await table.delete(where.key as string);
      if (typeof old.contactId === 'string') touched.add(old.contactId);
    }
    await db.mirror.put({ id: p.id, rev });
    return 'written';
  }
  const env = p.doc!;
  const why = checkEnvelope(env, where.table);
  if (why) {
    reject(deps, p.id, why);
    return 'rejected';
  }
  const parsed = SCHEMAS[where.table].safeParse(env.d);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    reject(deps, p.id, `${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
    return 'rejected';
  }
  const row = parsed.data as Record<string, unknown>;
  if (canonical(keyOf(where.table, row)) !== canonical(where.key)) {
    reject(deps, p.id, 'the record inside names another record');
    return 'rejected';
  }
  await db.mirror.put({ id: p.id, rev });
  // a row about a contact that was merged away or erased (written before the teammate knew)
  if (typeof row.contactId === 'string' && where.table !== 'questions') {
    const m = markOfHere(row.contactId);
    if (m?.kind === 'erased') {
      // never written here; its deletion is sent back so no copy stays on the server
      await db.outbox.put({ id: p.id, seq: `erased.${rev}` });
      return 'skipped';
    }
    if (m?.kind === 'merged' && m.into) {
      row.contactId = m.into;
      await db.outbox.put({ id: p.id, seq: `moved.${rev}` });
    }
  }
  if (where.table === 'contacts') {
    const m = markOfHere(row.id as string);
    if (m) {
      await db.outbox.put({ id: p.id, seq: `gone.${rev}` });
      return 'skipped';
    }
    const old = (await table.get(row.id as string)) as Record<string, unknown> | undefined;
    for (const k of LOCAL_FIELDS.contacts ?? []) if (old?.[k] !== undefined) row[k] = old[k];
    row.nameKeys = keysForName(row.name as string);
    touched.add(row.id as string);
  }
  if (where.table === 'marks') marks.push(row as Mark);
  if (typeof row.contactId === 'string' && BY_CONTACT.has(where.table)) touched.add(row.contactId);
  await table.put(row);
  return 'written';
}

function checkEnvelope(env: Envelope, table: SharedTable): string | null {
  if (env.t !== table) return 'its table does not match its id';
  if (!env.d || typeof env.d !== 'object' || Array.isArray(env.d)) return 'no record inside';
  if (env.by !== undefined && (typeof env.by !== 'string' || env.by.length > 256)) return 'bad author';
  if (env.at !== undefined && typeof env.at !== 'number') return 'bad time';
  if (JSON.stringify(env).length > MAX_DOC) return 'too large';
  return null;
}

function reject(deps: SyncDeps, id: string, why: string) {
  deps.log?.('warn', `team: refused document ${id.slice(0, 80)}: ${why}`);
}

// ---------------------------------------------------------------- conflicts

/** The last revision two leaves share, from their `_revisions`. */
export function commonAncestor(a: { start: number; ids: string[] }, b: { start: number; ids: string[] }): string | null {
  const revsOf = (r: { start: number; ids: string[] }) => new Map(r.ids.map((id, i) => [`${r.start - i}-${id}`, r.start - i]));
  const inB = revsOf(b);
  let best: { rev: string; pos: number } | null = null;
  for (const [rev, pos] of revsOf(a)) if (inB.has(rev) && (!best || pos > best.pos)) best = { rev, pos };
  return best?.rev ?? null;
}

/**
 * Makes one record of a document's conflicting versions: merged field by field
 * (lib/sync/merge.ts) on the winning revision, the other versions deleted, and
 * what two teammates changed differently stored as a question. Deterministic, so
 * two browsers that resolve the same conflict write the same revisions.
 */
async function resolve(deps: SyncDeps, doc: Envelope, report: SyncReport): Promise<boolean> {
  const { local } = deps;
  const where = parseDocId(doc._id);
  if (!where) return false;
  try {
    const winner = (await local.get(doc._id, { revs: true })) as unknown as Envelope;
    const losers = (await Promise.all((doc._conflicts ?? []).map((rev) => local.get(doc._id, { rev, revs: true })))) as unknown as Envelope[];
    const side = (e: Envelope): Side => ({ body: (e.d ?? {}) as Record<string, unknown>, by: e.by, at: e.at });
    let acc = side(winner);
    const questions: { field: string; versions: { value: unknown; by?: string; at?: number }[] }[] = [];
    for (const l of losers) {
      const baseRev = winner._revisions && l._revisions ? commonAncestor(winner._revisions, l._revisions) : null;
      const base = baseRev ? ((await local.get(doc._id, { rev: baseRev }).catch(() => null)) as Envelope | null) : null;
      const m = mergeRecord(where.table, base?.d ?? null, acc, side(l));
      acc = { ...acc, body: m.body };
      questions.push(...m.questions);
    }
    const at = Math.max(winner.at ?? 0, ...losers.map((l) => l.at ?? 0));
    const docs: Record<string, unknown>[] = [
      { _id: doc._id, _rev: winner._rev, t: where.table, d: sortKeys(acc.body), ...(winner.by ? { by: winner.by } : {}), at },
      ...losers.map((l) => ({ _id: doc._id, _rev: l._rev, _deleted: true })),
    ];
    if (questions.length) {
      const qid = docId('questions', doc._id);
      const existing = (await local.get(qid).catch(() => null)) as Envelope | null;
      const contactId = where.table === 'contacts' ? (acc.body.id as string) : (acc.body.contactId as string | undefined);
      const mine: Side = { body: { id: doc._id, ...(contactId ? { contactId } : {}), fields: questions, at } };
      const body = existing && !existing._deleted ? mergeRecord('questions', null, side(existing), mine).body : mergeRecord('questions', null, mine, { body: {} }).body;
      docs.push({ _id: qid, ...(existing?._rev ? { _rev: existing._rev } : {}), t: 'questions', d: sortKeys(body), ...(winner.by ? { by: winner.by } : {}), at });
      report.asked += questions.length;
    } else {
      report.merged++;
    }
    const res = await local.bulkDocs(docs);
    const failed = res.filter((r) => r.error);
    if (failed.length) deps.log?.('warn', `team: conflict on ${doc._id} not resolved yet (${String(failed[0]?.error)})`);
    return true;
  } catch (e) {
    deps.log?.('warn', `team: conflict on ${doc._id} not resolved yet (${e instanceof Error ? e.message : String(e)})`);
    return false;
  }
}

// ---------------------------------------------------------------- send

type Plan = { entry: OutboxEntry; table: SharedTable; key: unknown; row: Record<string, unknown> | null; base?: string };

/** One batch of the outbox, read and made into documents, ready to be written. */
interface Prepared {
  entries: OutboxEntry[];
  ready: Plan[];
  /** new versions of documents the replica holds (it makes their revisions) */
  writes: Record<string, unknown>[];
  /** documents new to the replica, with their first revision made here (ownFirst) */
  created: Record<string, unknown>[];
  branches: { plan: Plan; doc: Record<string, unknown> }[];
  results: Map<string, { rev?: string; stamped?: Record<string, unknown> }>;
  /** documents whose revision needs no mirror row (this book's own first revisions) */
  unmirrored: Set<string>;
  /** the replica's sequences this batch's own writes took, when nothing else wrote meanwhile */
  own?: { from: number | string; to: number | string } | null;
}

/**
 * Sends the outbox into the replica, batch by batch; returns how many records went.
 * Batches overlap: while one is retired from the outbox, the next is written to the
 * replica and the one after it is read from the book (they touch different records).
 * Writes keep their order, and so do retirements; a batch is retired only once written.
 */
async function send(deps: SyncDeps, report: SyncReport, salt: string, uploaded: Map<string, string>, onSent: (n: number) => void): Promise<number> {
  const { local } = deps;
  const state = { sent: 0, after: '', uploaded };
  // a replica that never held a document (the first push into an empty team database)
  // has none of the outbox's documents: nothing to look up there
  const fresh = Number((await local.info()).update_seq) === 0;
  const uploads = uploader(deps, state);
  let written: Promise<unknown> = Promise.resolve();
  const retiring: Promise<void>[] = [];
  try {
    for (;;) {
      // at most two batches wait for their turn
      while (retiring.length >= 2) await retiring.shift();
      const next = await prepare(deps, state, fresh, salt);
      if (!next) break;
      const w = written.then(() => write(deps, next, uploads));
      const r = Promise.all([retiring[retiring.length - 1], w]).then(() => retire(deps, next, state)).then(() => onSent(state.sent));
      // awaited below; meanwhile a failure is not an unhandled rejection
      w.catch(() => undefined);
      r.catch(() => undefined);
      written = w;
      retiring.push(r);
    }
    for (const r of retiring) await r;
    return state.sent;
  } finally {
    await Promise.allSettled(retiring);
    await uploads.settle();
    void report;
  }
}

async function prepare(deps: SyncDeps, state: { after: string }, fresh: boolean, salt: string): Promise<Prepared | null> {
  const { db, local, user } = deps;
  const batch = deps.batch ?? 500;
  const now = () => deps.now?.() ?? Date.now();
  const entries: OutboxEntry[] = await db.outbox.where('id').above(state.after).limit(batch).toArray();
  if (!entries.length) return null;
  state.after = entries[entries.length - 1].id;

  // what each record is now here, and which revision this book last had
  const plans: Plan[] = [];
  const stale: OutboxEntry[] = [];
  await db.transaction('r', [...SHARED_TABLES.map((t) => db.table(t)), db.mirror], async () => {
    // one bulk read per table, not one read per record
    const byTable = new Map<SharedTable, { entry: OutboxEntry; key: unknown }[]>();
    for (const entry of entries) {
      const where = parseDocId(entry.id);
      if (!where) {
        stale.push(entry);
        continue;
      }
      const list = byTable.get(where.table) ?? [];
      list.push({ entry, key: where.key });
      byTable.set(where.table, list);
    }
    const known = entries.filter((e) => !stale.includes(e));
    const mirrored = await rowsByKey(db.mirror, known.map((e) => e.id));
    const bases = new Map(known.map((e, i) => [e.id, mirrored[i]?.rev as string | undefined]));
    for (const [table, list] of byTable) {
      const rows = await rowsByKey(db.table(table), list.map((x) => x.key));
      list.forEach((x, i) => plans.push({ entry: x.entry, table, key: x.key, row: rows[i] ?? null, base: bases.get(x.entry.id) }));
    }
  });
  if (stale.length) await db.outbox.bulkDelete(stale.map((e) => e.id));

  // a row about a contact that is gone: follow the contact (sent next time), never send it
  const markOfHere = await marksIndex(db);
  const follow = new Set<string>();
  for (const p of plans) {
    const cid = p.table === 'contacts' ? (p.row?.id as string | undefined) : (p.row?.contactId as string | undefined);
    if (!p.row || !cid || p.table === 'marks' || p.table === 'questions') continue;
    const m = markOfHere(cid);
    if (!m) continue;
    follow.add(p.entry.id);
    await applyMark(cid, m, now(), db);
  }
  const ready = plans.filter((p) => !follow.has(p.entry.id));

  const current = fresh ? null : await local.allDocs({ keys: ready.map((p) => p.entry.id), include_docs: true });
  const out: Prepared = { entries, ready, writes: [], created: [], branches: [], results: new Map(), unmirrored: new Set() };
  const { writes, created, branches, results } = out;
  for (const [i, p] of ready.entries()) {
    const cur = current?.rows[i];
    const curRev = cur?.value?.rev;
    const curDeleted = !!cur?.value?.deleted;
    const curDoc = (cur?.doc ?? null) as Envelope | null;
    // no mirror row: the revision this book last had is its own first one, if the replica has it
    const baseOf = async () => (p.base === undefined && curRev && !curDeleted ? ownBase(deps, salt, p.entry.id, curRev, curDoc) : p.base);
    if (!p.row) {
      p.base = await baseOf();
      // deleted here
      if (!curRev || curDeleted) results.set(p.entry.id, { rev: curRev });
      else if (!p.base || p.base === curRev) writes.push({ _id: p.entry.id, _rev: curRev, _deleted: true });
      // deleted here while a teammate changed it: their change stands, and comes back here
      else branches.push({ plan: p, doc: { _id: p.entry.id, _deleted: true } });
      continue;
    }
    let body = shareable(p.table, p.row);
    let stamped: Record<string, unknown> | undefined;
    const src = body.source as { by?: string } | undefined;
    if (src && typeof src === 'object' && !src.by && user) {
      body = { ...body, source: { ...src, by: user } };
      stamped = { ...p.row, source: body.source };
    }
    if (curDoc && !curDeleted && canonical(curDoc.d) === canonical(body)) {
      results.set(p.entry.id, { rev: curRev, stamped });
      continue;
    }
    const doc: Record<string, unknown> = { _id: p.entry.id, t: p.table, d: sortKeys(body), by: user, at: now() };
    results.set(p.entry.id, { stamped });
    const hadBase = p.base !== undefined;
    p.base = await baseOf();
    if (!curRev) {
      const rev = ownFirst(salt, doc);
      created.push({ ...doc, _rev: rev, _revisions: { start: 1, ids: [rev.slice(2)] } });
      // known as this book's own by the revision itself: no mirror row (a stale one, if any, is replaced)
      if (!hadBase) out.unmirrored.add(p.entry.id);
    } else if (curDeleted || !p.base || p.base === curRev) {
      // a new version of what this book had (or of a record deleted elsewhere: kept, nothing lost)
      if (!p.base && !curDeleted) branches.push({ plan: p, doc });
      else writes.push({ ...doc, _rev: curRev });
    } else branches.push({ plan: p, doc });
  }
  return out;
}

/** Writes a prepared batch to the replica, and its new documents to the server. */
async function write(deps: SyncDeps, b: Prepared, uploads: ReturnType<typeof uploader>): Promise<void> {
  const { local } = deps;
  const { writes, created, branches, results } = b;
  // the replica's sequence before this batch's writes: when the writes are all that
  // happened to it, the mirror's position moves past them (they are this book's own)
  const seqBefore = writes.length || created.length ? (await local.info()).update_seq : null;
  let written = 0;
  if (created.length) {
    // new documents go to the server now, beside the replica (the push then finds them
    // there and sends nothing again); the replica stays the record of what was sent
    await uploads.add(created.map((d) => ({ ...d })));
    const res = await local.bulkDocs(created.map((d) => ({ ...d })), { new_edits: false });
    const failed = new Set(res.filter((r) => r.error).map((r) => r.id));
    for (const d of created) {
      const id = d._id as string;
      if (failed.has(id)) results.delete(id); // tried again next run
      else {
        results.set(id, { ...results.get(id), rev: d._rev as string });
        written++;
      }
    }
  }
  if (writes.length) {
    const res = await local.bulkDocs(writes);
    res.forEach((r, i) => {
      const id = writes[i]._id as string;
      if (r.ok && r.rev) {
        results.set(id, { ...results.get(id), rev: r.rev });
        written++;
      } else results.delete(id); // tried again next run
    });
  }
  const seqAfter = seqBefore === null ? null : (await local.info()).update_seq;
  b.own = seqBefore !== null && seqAfter !== null && Number(seqAfter) - Number(seqBefore) === written ? { from: seqBefore, to: seqAfter } : null;
  for (const x of branches) {
    const rev = await branch(deps, x.plan.entry.id, x.plan.base, x.doc);
    if (rev) results.set(x.plan.entry.id, { ...results.get(x.plan.entry.id), rev });
    else results.delete(x.plan.entry.id);
  }
}

/** Retires a written batch from the outbox: what the replica holds now is mirrored, what is unchanged since leaves. */
async function retire(deps: SyncDeps, b: Prepared, state: { sent: number }): Promise<void> {
  const { db } = deps;
  const { entries, ready, results, own } = b;
  // retire the entries sent, unless the record changed again meanwhile; the transaction
  // spans only the stores it writes (each store in a transaction costs Dexie bookkeeping)
  const done = ready.filter((p) => results.has(p.entry.id));
  const stampedTables = [...new Set(done.filter((p) => results.get(p.entry.id)!.stamped).map((p) => p.table))];
  const [first, last] = [entries[0].id, entries[entries.length - 1].id];
  await guarded(() => db.transaction('rw', [db.mirror, db.outbox, db.settings, ...stampedTables.map((t) => db.table(t))], async () => {
    quietTransaction();
    // the replica holds these revisions now, whatever happens here next
    await db.mirror.bulkPut(done.flatMap((p) => {
      const rev = results.get(p.entry.id)!.rev;
      return rev && !b.unmirrored.has(p.entry.id) ? [{ id: p.entry.id, rev }] : [];
    }));
    // the batch's entries as they are now, in one read of their range; one changed
    // again meanwhile stays, and is sent again next time on top of the revision just written
    const now = new Map((await db.outbox.where('id').between(first, last, true, true).toArray()).map((e) => [e.id, e.seq]));
    const unchanged = done.filter((p) => now.get(p.entry.id) === p.entry.seq);
    // the whole range in one request when every entry in it goes (a first push), else one by one
    if (unchanged.length === now.size) await db.outbox.where('id').between(first, last, true, true).delete();
    else await db.outbox.bulkDelete(unchanged.map((p) => p.entry.id));
    const stamped = new Map<SharedTable, Record<string, unknown>[]>();
    for (const p of unchanged) {
      const row = results.get(p.entry.id)!.stamped;
      if (row) stamped.set(p.table, [...(stamped.get(p.table) ?? []), row]);
    }
    for (const [table, rows] of stamped) await db.table(table).bulkPut(rows);
    // this batch's revisions are mirrored already: the mirror's next run starts after them
    if (own && ((await db.settings.get(SEQ_KEY))?.value ?? 0) === own.from) await db.settings.put({ key: SEQ_KEY, value: own.to });
    state.sent += unchanged.length;
  }));
}

/**
 * Rows by primary key, in the keys' order. Many string keys (a batch of the outbox,
 * which is read in key order) are read as one range of the table, at most twice as
 * many rows as asked for, instead of one request per key; the rest one by one.
 */
async function rowsByKey(table: Table, keys: unknown[]): Promise<(Record<string, unknown> | undefined)[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (keys.length < 16 || typeof keyPath !== 'string' || !keys.every((k) => typeof k === 'string')) {
    return (await table.bulkGet(keys as IndexableType[])) as (Record<string, unknown> | undefined)[];
  }
  const sorted = [...(keys as string[])].sort();
  const limit = keys.length * 2;
  const found = (await table.where(':id').between(sorted[0], sorted[sorted.length - 1], true, true).limit(limit).toArray()) as Record<string, unknown>[];
  const byKey = new Map(found.map((r) => [r[keyPath] as string, r]));
  // the range held more rows than read: keys past the last one read are asked for one by one
  const lastRead = found.length === limit ? (found[found.length - 1][keyPath] as string) : null;
  const rest = lastRead === null ? [] : (keys as string[]).filter((k) => k > lastRead);
  if (rest.length) (await table.bulkGet(rest)).forEach((r, i) => r && byKey.set(rest[i], r as Record<string, unknown>));
  return (keys as string[]).map((k) => byKey.get(k));
}

/**
 * The first revision this book gives a new document: `1-` and a hash of a secret of
 * this book's (bookSalt) and the whole document. Made here rather than by the replica
 * so the same revision can go to the server at once; recognisable as this book's own
 * from the document itself, without a mirror row (a first push writes none: one write
 * fewer per record); another book's revisions never look like it.
 */
export function ownFirst(salt: string, doc: object): string {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) if (k === '_id' || !k.startsWith('_')) body[k] = v;
  return `1-${hash128(`${salt}\n${canonical(body)}`)}`;
}

const SALT_ROW = '~book';

/**
 * This book's secret for its first revisions, kept in the mirror (not in backups, so a
 * restored copy elsewhere makes its own; renewed when the mirror starts afresh for a
 * new server database).
 */
async function bookSalt(db: TiewiseDB): Promise<string> {
  const row = await db.mirror.get(SALT_ROW);
  if (row) return row.rev;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const salt = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  await db.mirror.put({ id: SALT_ROW, rev: salt });
  return salt;
}

/**
 * The revision this book last had of a document with no mirror row: its own first
 * revision, if the replica's current one is that or descends from it; else none.
 */
async function ownBase(deps: SyncDeps, salt: string, id: string, curRev: string, curDoc: Envelope | null): Promise<string | undefined> {
  if (curRev.startsWith('1-')) return curDoc?._rev === curRev && ownFirst(salt, curDoc) === curRev ? curRev : undefined;
  const doc = (await deps.local.get(id, { rev: curRev, revs: true }).catch(() => null)) as Envelope | null;
  const r = doc?._revisions;
  if (!r || r.start - r.ids.length + 1 !== 1) return undefined;
  const root = `1-${r.ids[r.ids.length - 1]}`;
  const first = (await deps.local.get(id, { rev: root }).catch(() => null)) as Record<string, unknown> | null;
  return first && ownFirst(salt, first) === root ? root : undefined;
}

/**
 * New documents straight to the server (`_bulk_docs` with `new_edits: false`, as the
 * replicator itself writes them), at most two requests in flight. Only a shortcut: a
 * failure is the replicator's to meet again (it sends what the server lacks), so it is
 * logged and not thrown.
 */
function uploader(deps: SyncDeps, state: { uploaded: Map<string, string> }) {
  const remote = deps.remote as { bulkDocs?: Replica['bulkDocs'] } | null;
  const inFlight: Promise<void>[] = [];
  return {
    async add(docs: Record<string, unknown>[]) {
      if (typeof remote?.bulkDocs !== 'function') return;
      while (inFlight.length >= 2) await inFlight.shift();
      inFlight.push(remote.bulkDocs(docs, { new_edits: false }).then((res) => {
        // an error that names no document leaves the whole request unconfirmed
        if (res.some((r) => r.error && !r.id)) return;
        const failed = new Set(res.filter((r) => r.error).map((r) => r.id));
        for (const d of docs) if (!failed.has(d._id as string)) state.uploaded.set(d._id as string, d._rev as string);
      }, (e: unknown) => {
        deps.log?.('info', `team: a direct upload failed, the replication sends it (${e instanceof Error ? e.message : String(e)})`);
      }));
    },
    async settle() {
      await Promise.all(inFlight);
    },
  };
}

/**
 * Writes this book's version as a sibling of the server's: a child of the
 * revision this book last had (or a new root), so the replica holds both and the
 * conflict is merged like any other.
 */
async function branch(deps: SyncDeps, id: string, base: string | undefined, doc: Record<string, unknown>): Promise<string | null> {
  const hash = canonicalHash(doc, base);
  let revisions: { start: number; ids: string[] } = { start: 1, ids: [hash] };
  if (base) {
    const old = (await deps.local.get(id, { rev: base, revs: true }).catch(() => null)) as Envelope | null;
    if (old?._revisions) revisions = { start: old._revisions.start + 1, ids: [hash, ...old._revisions.ids] };
  }
  const rev = `${revisions.start}-${hash}`;
  const res = await deps.local.bulkDocs([{ ...doc, _rev: rev, _revisions: revisions }], { new_edits: false });
  if (res[0]?.error) {
    deps.log?.('warn', `team: ${id} not sent yet (${String(res[0].error)})`);
    return null;
  }
  return rev;
}

/** A revision id for a branch: 32 hex digits, unique to this write. */
function canonicalHash(doc: Record<string, unknown>, base: string | undefined): string {
  return hash128(`${base ?? ''}\n${canonical(doc)}\n${Date.now()}\n${Math.random()}`);
}
