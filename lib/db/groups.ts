import { db, type TiewiseDB } from './database';
import { Condition, Group, type Membership } from '../domain/entities';
import { guarded } from './errors';
import { newId } from './ids';

// Groups, the way Facebook's friend lists work: named, coloured, a contact in any
// number of them; a smart group carries a rule (stored as data, zod-checked) and
// has no stored members. Deleting returns what was deleted, so the page can undo.

export const GROUP_COLORS = ['#4f6bed', '#2f855a', '#c05621', '#6b46c1', '#2b6cb0', '#b83280', '#b7791f', '#4a5568'] as const;

export async function createGroup(
  input: { name: string; color?: string; rule?: Condition },
  now = Date.now(),
  d: TiewiseDB = db(),
): Promise<Group> {
  const name = input.name.trim();
  if (!name) throw new Error('empty-name');
  const g = Group.parse({ id: newId(), name, color: input.color ?? GROUP_COLORS[0], rule: input.rule, createdAt: now });
  await guarded(() => d.groups.add(g));
  return g;
}

export async function renameGroup(id: string, name: string, d: TiewiseDB = db()): Promise<void> {
  const n = name.trim();
  if (!n) throw new Error('empty-name');
  await guarded(() => d.groups.update(id, { name: n }));
}

export async function setGroupColor(id: string, color: string, d: TiewiseDB = db()): Promise<void> {
  if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error('bad-color');
  await guarded(() => d.groups.update(id, { color }));
}

/** Sets (or, with undefined, removes) a group's rule; the rule is checked before it is stored. */
export async function setGroupRule(id: string, rule: Condition | undefined, d: TiewiseDB = db()): Promise<void> {
  const checked = rule === undefined ? undefined : Condition.parse(rule);
  await guarded(() =>
    d.transaction('rw', d.groups, d.memberships, async () => {
      const g = await d.groups.get(id);
      if (!g) throw new Error(`no group ${id}`);
      const next: Group = { ...g, rule: checked };
      if (checked === undefined) delete next.rule;
      await d.groups.put(next);
      // a smart group's members are computed: stored ones would only go stale
      if (checked) await d.memberships.where('groupId').equals(id).delete();
    }),
  );
}

export interface DeletedGroup {
  group: Group;
  memberships: Membership[];
}

export async function deleteGroup(id: string, d: TiewiseDB = db()): Promise<DeletedGroup | null> {
  return guarded(() =>
    d.transaction('rw', d.groups, d.memberships, async () => {
      const group = await d.groups.get(id);
      if (!group) return null;
      const memberships = await d.memberships.where('groupId').equals(id).toArray();
      await d.memberships.where('groupId').equals(id).delete();
      await d.groups.delete(id);
      return { group, memberships };
    }),
  );
}

/** Undo of deleteGroup: the group and its members as they were. */
export async function restoreGroup(deleted: DeletedGroup, d: TiewiseDB = db()): Promise<void> {
  await guarded(() =>
    d.transaction('rw', d.groups, d.memberships, async () => {
      await d.groups.put(deleted.group);
      await d.memberships.bulkPut(deleted.memberships);
    }),
  );
}

/** Adds contacts to a plain group; returns how many were not members yet. */
export async function addMembers(groupId: string, contactIds: readonly string[], now = Date.now(), d: TiewiseDB = db()): Promise<number> {
  return guarded(() =>
    d.transaction('rw', d.groups, d.memberships, async () => {
      const g = await d.groups.get(groupId);
      if (!g) throw new Error(`no group ${groupId}`);
      if (g.rule) throw new Error('smart-group');
      const keys = contactIds.map((c) => [groupId, c] as [string, string]);
      const existing = await d.memberships.bulkGet(keys);
      const fresh = keys.filter((_, i) => !existing[i]).map(([gid, cid]) => ({ groupId: gid, contactId: cid, addedAt: now }));
      await d.memberships.bulkAdd(fresh);
      return fresh.length;
    }),
  );
}

/** Removes contacts from a group; returns how many were members. */
export async function removeMembers(groupId: string, contactIds: readonly string[], d: TiewiseDB = db()): Promise<number> {
  return guarded(() =>
    d.transaction('rw', d.memberships, async () => {
      const keys = contactIds.map((c) => [groupId, c] as [string, string]);
      const existing = await d.memberships.bulkGet(keys);
      const gone = keys.filter((_, i) => existing[i]);
      await d.memberships.bulkDelete(gone);
      return gone.length;
    }),
  );
}

/** Every group (smart or not), for pickers. */
export async function allGroups(d: TiewiseDB = db()): Promise<Group[]> {
  return d.groups.toArray();
}
