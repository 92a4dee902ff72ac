import { db, type TiewiseDB } from './database';
import type { Contact, Membership, MergeRecord, TagOverride } from '../domain/entities';
import { guarded } from './errors';
import { newId } from './ids';
import { refreshTie } from './derive';
import { mergePlan, type MergePlan } from '../model/identity';

// Merging two contacts that are one person: every note, interaction, purchase,
// complaint, profile link, reminder, rule run, log line, group membership and
// override moves to the survivor, in one transaction. The returned undo token
// restores both contacts exactly, also in one transaction. Every merge is kept in
// the merge log (the `merges` table) with what it moved, so that it can be split
// again later, when the panel that offered the undo is long closed.

/** Tables whose rows point at a contact by `contactId` (primary key `id`). */
const OWNED = ['profiles', 'notes', 'interactions', 'purchases', 'complaints', 'reminders', 'ruleRuns', 'deals'] as const;

export interface MergeUndo {
  /** the merge log's row for this merge */
  mergeId: string;
  plan: MergePlan;
  survivor: Contact;
  removed: Contact;
  /** ids of moved rows, per table */
  moved: Record<(typeof OWNED)[number], string[]>;
  movedLog: number[];
  memberships: Membership[];
  overrides: TagOverride[];
}

export async function mergeContacts(aId: string, bId: string, now = Date.now(), d: TiewiseDB = db()): Promise<MergeUndo> {
  if (aId === bId) throw new Error('a contact cannot be merged with itself');
  const undo = await guarded(() =>
    d.transaction('rw', [d.contacts, d.memberships, d.overrides, d.log, d.merges, d.marks, ...OWNED.map((t) => d[t])], async () => {
      const [a, b] = await Promise.all([d.contacts.get(aId), d.contacts.get(bId)]);
      if (!a || !b) throw new Error('contact not found');
      const plan = mergePlan(a, b, now);
      const { from, to } = plan.reassign;
      const survivor = plan.survivorId === a.id ? a : b;
      const removed = plan.removedId === a.id ? a : b;
      const moved = {} as MergeUndo['moved'];
      for (const t of OWNED) {
        const table = d.table(t);
        const ids = (await table.where('contactId').equals(from).primaryKeys()) as string[];
        moved[t] = ids;
        await table.where('contactId').equals(from).modify({ contactId: to });
      }
      const movedLog = (await d.log.where('contactId').equals(from).primaryKeys()) as number[];
      await d.log.where('contactId').equals(from).modify({ contactId: to });
      const memberships = await d.memberships.where('contactId').anyOf([from, to]).toArray();
      const mine = new Set(memberships.filter((m) => m.contactId === to).map((m) => m.groupId));
      for (const m of memberships.filter((x) => x.contactId === from)) {
        await d.memberships.delete([m.groupId, from]);
        if (!mine.has(m.groupId)) await d.memberships.put({ ...m, contactId: to });
      }
      const overrides = (await d.overrides.bulkGet([from, to])).filter((o): o is TagOverride => !!o);
      const theirs = overrides.find((o) => o.contactId === from);
      if (theirs) {
        await d.overrides.delete(from);
        // the user's own tag is kept: the survivor's if it has one, else the other's
        if (!overrides.some((o) => o.contactId === to)) await d.overrides.put({ ...theirs, contactId: to });
      }
      await d.contacts.put(plan.merged);
      await d.contacts.delete(from);
      // rows about the merged-away contact written anywhere else follow it (lib/db/marks.ts)
      await d.marks.put({ id: from, kind: 'merged', into: to, at: now });
      const mergeId = newId();
      await d.merges.add({
        id: mergeId, at: now, survivorId: to, removedId: from, survivor, removed, merged: plan.merged,
        moved, movedLog, memberships, overrides,
      });
      return { mergeId, plan, survivor, removed, moved, movedLog, memberships, overrides } satisfies MergeUndo;
    }),
  );
  await refreshTie(undo.plan.survivorId, now, d);
  return undo;
}

/** Puts both contacts and every moved row back as they were before the merge. */
export async function undoMerge(u: MergeUndo, d: TiewiseDB = db()): Promise<void> {
  const { from, to } = u.plan.reassign;
  await guarded(() =>
    d.transaction('rw', [d.contacts, d.memberships, d.overrides, d.log, d.merges, d.marks, ...OWNED.map((t) => d[t])], async () => {
      await d.merges.delete(u.mergeId);
      await d.marks.delete(from);
      await d.contacts.bulkPut([u.survivor, u.removed]);
      for (const t of OWNED) if (u.moved[t].length) await d.table(t).where('id').anyOf(u.moved[t]).modify({ contactId: from });
      if (u.movedLog.length) await d.log.where('id').anyOf(u.movedLog).modify({ contactId: from });
      await d.memberships.where('contactId').anyOf([from, to]).delete();
      await d.memberships.bulkPut(u.memberships);
      await d.overrides.bulkDelete([from, to]);
      await d.overrides.bulkPut(u.overrides);
    }),
  );
  await refreshTie(from, Date.now(), d);
  await refreshTie(to, Date.now(), d);
}

/** The merges that made this contact what it is (newest first). */
export async function mergesInto(contactId: string, d: TiewiseDB = db()): Promise<MergeRecord[]> {
  const list = await d.merges.where('survivorId').equals(contactId).toArray();
  return list.sort((a, b) => b.at - a.at);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The survivor with what a merge brought into it taken out again, keeping every
 * change made since: a field still as the merge wrote it goes back to what the
 * survivor had; from a list, only the items the merge added go.
 */
export function unmergedFields(current: Contact, m: MergeRecord, now: number): Contact {
  const out: Record<string, unknown> = { ...current };
  const before = m.survivor as Record<string, unknown>;
  const merged = m.merged as Record<string, unknown>;
  for (const k of new Set([...Object.keys(before), ...Object.keys(merged)])) {
    if (k === 'id' || k === 'updatedAt' || k === 'networkType' || k === 'stage' || k === 'tieScore' || k === 'state') continue;
    const cur = out[k];
    if (Array.isArray(merged[k]) && Array.isArray(cur)) {
      const had = new Set((before[k] as unknown[] | undefined ?? []).map((x) => JSON.stringify(x)));
      const brought = new Set((merged[k] as unknown[]).map((x) => JSON.stringify(x)).filter((x) => !had.has(x)));
      out[k] = cur.filter((x) => !brought.has(JSON.stringify(x)));
    } else if (same(cur, merged[k]) && !same(cur, before[k])) {
      if (before[k] === undefined) delete out[k];
      else out[k] = before[k];
    }
  }
  out.updatedAt = now;
  return out as Contact;
}

/**
 * Splits a merge again: the removed contact comes back as it was, with every row
 * the merge moved that still belongs to the survivor, its groups and its tag; the
 * survivor loses only what the merge brought. Rows added since stay where they are.
 * Nothing is deleted but the merge log's row.
 */
export async function splitMerge(mergeId: string, now = Date.now(), d: TiewiseDB = db()): Promise<{ survivorId: string; restoredId: string }> {
  const out = await guarded(() =>
    d.transaction('rw', [d.contacts, d.memberships, d.overrides, d.log, d.merges, d.marks, ...OWNED.map((t) => d[t])], async () => {
      const m = await d.merges.get(mergeId);
      if (!m) throw new Error('no such merge');
      const { survivorId: to, removedId: from } = m;
      if (await d.contacts.get(from)) throw new Error('the merged contact exists again');
      const cur = await d.contacts.get(to);
      if (cur) await d.contacts.put(unmergedFields(cur, m, now));
      await d.contacts.put({ ...m.removed, updatedAt: now });
      for (const t of OWNED) {
        const ids = m.moved[t] ?? [];
        if (ids.length) await d.table(t).where('id').anyOf(ids).filter((r: { contactId: string }) => r.contactId === to).modify({ contactId: from });
      }
      if (m.movedLog.length) await d.log.where('id').anyOf(m.movedLog).filter((l) => l.contactId === to).modify({ contactId: from });
      const survivorHad = new Set(m.memberships.filter((x) => x.contactId === to).map((x) => x.groupId));
      for (const x of m.memberships.filter((x) => x.contactId === from)) {
        if (!survivorHad.has(x.groupId)) await d.memberships.delete([x.groupId, to]);
        await d.memberships.put(x);
      }
      const theirs = m.overrides.find((o) => o.contactId === from);
      if (theirs) {
        const copied = !m.overrides.some((o) => o.contactId === to);
        const now2 = await d.overrides.get(to);
        if (copied && now2 && same({ ...now2, contactId: from }, theirs)) await d.overrides.delete(to);
        await d.overrides.put(theirs);
      }
      await d.merges.delete(mergeId);
      await d.marks.delete(from);
      return { survivorId: to, restoredId: from };
    }),
  );
  await refreshTie(out.survivorId, now, d);
  await refreshTie(out.restoredId, now, d);
  return out;
}
