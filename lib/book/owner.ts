import type { Condition } from '../domain/entities';

// The Owner filter of the book and the dashboard, over ownerOf(contact) (lib/domain):
// one owner by name, or the contacts without one. Names compare as the book's rules
// compare text (trimmed, case-insensitive), so "Olga" and "olga " are one owner.

export type OwnerFilter = { name: string } | { none: true };

export interface OwnerCount {
  name: string;
  count: number;
}

const key = (s: string) => s.trim().toLowerCase();

/** Does a contact whose owner is `owner` pass the filter? No filter: every contact does. */
export function matchesOwner(owner: string | undefined, f: OwnerFilter | undefined): boolean {
  if (!f) return true;
  const o = owner?.trim() || undefined;
  if ('none' in f) return o === undefined;
  return o !== undefined && key(o) === key(f.name);
}

/**
 * Every distinct owner with how many contacts they have (the spelling most contacts
 * use), sorted by name, and how many contacts have none: the filter's choices.
 */
export function ownerCounts(owners: Iterable<string | undefined>, locale = 'en'): { owners: OwnerCount[]; none: number } {
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  let none = 0;
  for (const raw of owners) {
    const o = raw?.trim();
    if (!o) {
      none++;
      continue;
    }
    let e = byKey.get(key(o));
    if (!e) byKey.set(key(o), (e = { count: 0, spellings: new Map() }));
    e.count++;
    e.spellings.set(o, (e.spellings.get(o) ?? 0) + 1);
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const list = [...byKey.values()].map((e) => ({
    name: [...e.spellings].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]))[0][0],
    count: e.count,
  }));
  list.sort((a, b) => collator.compare(a.name, b.name));
  return { owners: list, none };
}

/** The filter as a rule over the book's `owner` field (lib/book/fields.ts). */
export function ownerCondition(f: OwnerFilter): Condition {
  return 'none' in f ? { not: { field: 'owner', op: 'exists' } } : { field: 'owner', op: 'is', value: f.name.trim() };
}
