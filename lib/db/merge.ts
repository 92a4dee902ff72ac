import { db, type TiewiseDB } from './database';
import type { Contact, Membership, TagOverride } from './schema';
import { guarded } from './repo';
import { refreshTie } from './derive';
import { mergePlan, type MergePlan } from '../model/identity';

// Merging two contacts that are one person: every note, interaction, purchase,
// complaint, profile link, reminder, rule run, log line, group membership and
// override moves to the survivor, in one transaction. The returned undo token
// restores both contacts exactly, also in one transaction.

/** Tables whose rows point at a contact by `contactId` (primary key `id`). */
const OWNED = ['profiles', 'notes', 'interactions', 'purchases', 'complaints', 'reminders', 'ruleRuns'] as const;

export interface MergeUndo {
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
    d.transaction('rw', [d.contacts, d.memberships, d.overrides, d.log, ...OWNED.map((t) => d[t])], async () => {
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
      return { plan, survivor, removed, moved, movedLog, memberships, overrides } satisfies MergeUndo;
    }),
  );
  await refreshTie(undo.plan.survivorId, now, d);
  return undo;
}

/** Puts both contacts and every moved row back as they were before the merge. */
export async function undoMerge(u: MergeUndo, d: TiewiseDB = db()): Promise<void> {
  const { from, to } = u.plan.reassign;
  await guarded(() =>
    d.transaction('rw', [d.contacts, d.memberships, d.overrides, d.log, ...OWNED.map((t) => d[t])], async () => {
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
