import Dexie, { type IndexableType } from 'dexie';
import { db, TABLES, type TableName, type TiewiseDB } from './database';
import { guarded } from './errors';
import { erasedMark } from './marks';
import type { Contact } from '../domain/entities';

// Erasing one person entirely: their own rows in every table, every log line that
// names them, and every mention of them (id, name, e-mail, phone, profile URL) in
// other rows — a referral's subject, another contact's note, a rule's value —
// replaced with ERASED. One transaction: all of it, or (a full disk) none of it.

export const ERASED = '[erased]';

/** Tables whose rows belong to one contact, by their `contactId`. */
const OWNED = ['profiles', 'notes', 'interactions', 'complaints', 'purchases', 'memberships', 'ruleRuns', 'reminders', 'deals', 'questions'] as const;

export interface ErasePlan {
  contactId: string;
  name: string;
  /** rows deleted, per table (the contact itself under `contacts`, log lines under `log`) */
  deleted: Partial<Record<TableName, number>>;
  /** other rows in which a mention of them is replaced, per table */
  redacted: Partial<Record<TableName, number>>;
}

/** The strings that identify the person: id, full name, e-mails, phones, profile URLs. */
export function needlesFor(c: Contact, profileUrls: string[] = []): string[] {
  const xs = [c.id, c.name, ...c.emails, ...c.phones, ...profileUrls].map((s) => s.trim()).filter((s) => s.length >= 3);
  return [...new Set(xs)].sort((a, b) => b.length - a.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces every needle in every string inside `value`; returns the new value and whether anything changed. */
export function redact<T>(value: T, needles: string[]): { value: T; changed: boolean } {
  if (!needles.length) return { value, changed: false };
  const re = new RegExp(needles.map(escape).join('|'), 'gi');
  let changed = false;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const next = v.replace(re, ERASED);
      if (next !== v) changed = true;
      return next;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value) as T;
  return { value: changed ? out : value, changed };
}

/** A row erased with the person (a dry run still sees it: it is not "someone else's"). */
function ownRow(t: TableName, row: object, contactId: string): boolean {
  const r = row as { id?: string; contactId?: string };
  if (t === 'contacts') return r.id === contactId;
  if (t === 'merges') return (row as { survivorId?: string; removedId?: string }).survivorId === contactId || (row as { removedId?: string }).removedId === contactId;
  return (t === 'overrides' || (OWNED as readonly string[]).includes(t)) && r.contactId === contactId;
}

const mentions = (row: unknown, needles: string[]): boolean => {
  const text = JSON.stringify(row).toLowerCase();
  return needles.some((n) => text.includes(n.toLowerCase()));
};

/**
 * Erases the person, or with `dryRun` only counts what it would do. Runs inside
 * one read-write transaction over every table; a failure anywhere rolls all back
 * (a full disk comes out as StorageFullError).
 */
export async function erasePerson(contactId: string, opts: { dryRun?: boolean } = {}, d: TiewiseDB = db()): Promise<ErasePlan | null> {
  const dry = !!opts.dryRun;
  const run = () => d.transaction(dry ? 'r' : 'rw', TABLES.map((t) => d.table(t)), async () => {
    const contact = await d.contacts.get(contactId);
    if (!contact) return null;
    const profiles = await d.profiles.where('contactId').equals(contactId).toArray();
    const needles = needlesFor(contact, profiles.map((p) => p.url));
    const plan: ErasePlan = { contactId, name: contact.name, deleted: { contacts: 1 }, redacted: {} };

    for (const t of OWNED) {
      const coll = d.table(t).where('contactId').equals(contactId);
      const n = dry ? await coll.count() : await coll.delete();
      if (n) plan.deleted[t] = n;
    }
    // the merge log keeps whole copies of both contacts: a merge they were part of goes
    const merges = d.merges.where('survivorId').equals(contactId).or('removedId').equals(contactId);
    const nMerges = dry ? await merges.count() : await merges.delete();
    if (nMerges) plan.deleted.merges = nMerges;
    const override = await d.overrides.get(contactId);
    if (override) {
      plan.deleted.overrides = 1;
      if (!dry) await d.overrides.delete(contactId);
    }
    // log lines: by their contactId, or by a message that names them
    const logIds = (await d.log.filter((l) => l.contactId === contactId || mentions(l.message, needles)).primaryKeys()) as number[];
    if (logIds.length) {
      plan.deleted.log = logIds.length;
      if (!dry) await d.log.bulkDelete(logIds);
    }
    if (!dry) await d.contacts.delete(contactId);

    // mentions in everyone else's rows (marks hold ids only, and are rewritten below)
    for (const t of TABLES) {
      if (t === 'log' || t === 'marks') continue;
      const table = d.table(t);
      const keyPath = table.schema.primKey.keyPath;
      const keyOf = (row: object) => JSON.stringify(
        Array.isArray(keyPath) ? keyPath.map((k) => Dexie.getByKeyPath(row, k)) : keyPath ? Dexie.getByKeyPath(row, keyPath) : null);
      const changed: unknown[] = [];
      const staleKeys: IndexableType[] = [];
      await table.each((row: object, cursor) => {
        if (ownRow(t, row, contactId) || !mentions(row, needles)) return;
        const r = redact(row, needles);
        if (!r.changed) return;
        changed.push(r.value);
        // a key that named them (e.g. "demo-anna-…") changes too: the old row goes
        if (keyPath && keyOf(row) !== keyOf(r.value)) staleKeys.push(cursor.primaryKey);
      });
      if (!changed.length) continue;
      plan.redacted[t] = changed.length;
      if (!dry) {
        if (staleKeys.length) await table.bulkDelete(staleKeys);
        await table.bulkPut(changed);
      }
    }
    if (!dry) {
      // teammates' books (lib/sync) follow the mark: rows about them, wherever written, are deleted;
      // a contact once merged into them is erased with them
      const at = Date.now();
      const into = await d.marks.filter((m) => m.into === contactId).toArray();
      await d.marks.bulkDelete(into.map((m) => m.id));
      await d.marks.bulkPut([...into.map((m) => m.id), contactId].map((id) => erasedMark(id, at)));
    }
    return plan;
  });
  return dry ? run() : guarded(run);
}

/** Every row, in any table, that still mentions the person (for the proof that nothing remains). */
export async function findMentions(needles: string[], d: TiewiseDB = db()): Promise<{ table: TableName; row: unknown }[]> {
  const out: { table: TableName; row: unknown }[] = [];
  for (const t of TABLES) {
    // a mark is an id and what became of it (lib/db/marks.ts): the erasure's own record, nothing about the person
    if (t === 'marks') continue;
    await d.table(t).each((row: unknown) => {
      if (mentions(row, needles)) out.push({ table: t, row });
    });
  }
  return out;
}
