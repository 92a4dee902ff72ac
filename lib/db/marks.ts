import { db, type TiewiseDB } from './database';
import type { Contact, Mark } from '../domain/entities';
import { refreshTie } from './derive';
import { hash128 } from '../domain/shared';

// Marks: what became of a contact that is gone (merged into another, or erased),
// kept so that rows about them written anywhere — in another tab, or by a teammate
// who did not know yet — follow: to the survivor, or into deletion. The merge and
// the erasure write the mark; the team sync applies marks that arrive.

/** Tables whose rows belong to one contact by `contactId` (primary key `id`). */
const OWNED = ['profiles', 'notes', 'interactions', 'complaints', 'purchases', 'deals', 'reminders', 'ruleRuns', 'questions'] as const;

/**
 * An erased contact's mark is keyed by a hash of its id, so that the book keeps
 * nothing that names them (a demo contact's id can hold a name); a row about them
 * is recognised by hashing its contactId.
 */
export function erasedKey(contactId: string): string {
  return `erased:${hash128(`tiewise:${contactId}`)}`;
}

/** The mark an erasure leaves. */
export function erasedMark(contactId: string, at: number): Mark {
  return { id: erasedKey(contactId), kind: 'erased', at };
}

/** What became of a contact: merged (following merges: a → b → c gives "into c") or erased; undefined while it stands. */
export async function markOf(contactId: string, d: TiewiseDB = db()): Promise<Mark | undefined> {
  return (await marksIndex(d))(contactId);
}

/**
 * Every mark, read once, as a lookup (marks are few: one per merge or erasure), for
 * code that asks about many rows: one read instead of one per row.
 */
export async function marksIndex(d: TiewiseDB = db()): Promise<(contactId: string) => Mark | undefined> {
  const all = new Map((await d.marks.toArray()).map((m) => [m.id, m]));
  return (contactId) => {
    let id = contactId;
    let merged: Mark | undefined;
    for (let hops = 0; hops < 20; hops++) {
      const erased = all.get(erasedKey(id));
      if (erased) return erased;
      const m = all.get(id);
      if (m?.kind !== 'merged' || !m.into || m.into === id) return merged;
      merged = { ...m, id: contactId };
      id = m.into;
    }
    return merged;
  };
}

/**
 * Makes this book agree with what became of `contactId` (markOf): a merged-away contact's rows move to the
 * survivor (fields the survivor lacks are filled from the merged-away contact, if
 * it is still here); an erased contact's rows are deleted. Writes only what is
 * still here to change, so applying a mark twice does nothing the second time.
 */
export async function applyMark(contactId: string, mark: Mark, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  const from = contactId;
  const to = mark.kind === 'merged' ? mark.into : undefined;
  if (mark.kind === 'merged' && (!to || to === from)) return;
  let changed = false;
  await d.transaction('rw', [d.contacts, d.memberships, d.overrides, d.log, ...OWNED.map((t) => d.table(t))], async () => {
    for (const t of OWNED) {
      const coll = d.table(t).where('contactId').equals(from);
      if (!(await coll.count())) continue;
      changed = true;
      if (to) await coll.modify({ contactId: to });
      else await coll.delete();
    }
    const ms = await d.memberships.where('contactId').equals(from).toArray();
    if (ms.length) {
      changed = true;
      await d.memberships.bulkDelete(ms.map((x) => [x.groupId, from] as [string, string]));
      if (to) {
        const have = new Set((await d.memberships.where('contactId').equals(to).toArray()).map((x) => x.groupId));
        await d.memberships.bulkPut(ms.filter((x) => !have.has(x.groupId)).map((x) => ({ ...x, contactId: to })));
      }
    }
    const ov = await d.overrides.get(from);
    if (ov) {
      changed = true;
      await d.overrides.delete(from);
      if (to && !(await d.overrides.get(to))) await d.overrides.put({ ...ov, contactId: to });
    }
    const logs = d.log.where('contactId').equals(from);
    if (await logs.count()) {
      if (to) await logs.modify({ contactId: to });
      else await logs.delete();
    }
    const gone = await d.contacts.get(from);
    if (gone) {
      changed = true;
      if (to) {
        const survivor = await d.contacts.get(to);
        if (survivor) await d.contacts.put(fillGaps(survivor, gone, now));
      }
      await d.contacts.delete(from);
    }
  });
  if (changed && to) await refreshTie(to, now, d);
}

/** The survivor, with what only the merged-away contact knew (nothing the survivor says is replaced). */
function fillGaps(survivor: Contact, gone: Contact, now: number): Contact {
  const out: Record<string, unknown> = { ...survivor };
  const g = gone as Record<string, unknown>;
  let changed = false;
  for (const k of ['firstName', 'middleName', 'lastName', 'company', 'position', 'city', 'country', 'website', 'hometown', 'birthday', 'relation', 'crmId', 'owner', 'connectedAt'] as const) {
    if (out[k] === undefined && g[k] !== undefined) {
      out[k] = g[k];
      changed = true;
    }
  }
  for (const k of ['emails', 'phones', 'tags'] as const) {
    const merged = [...new Set([...survivor[k], ...gone[k]])];
    if (merged.length !== survivor[k].length) {
      out[k] = merged;
      changed = true;
    }
  }
  if (changed) out.updatedAt = now;
  return out as Contact;
}
