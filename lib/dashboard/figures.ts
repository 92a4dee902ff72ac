// The team lead's dashboard figures, pure: plain rows in, numbers out (tested with
// hand-computed expectations). lib/db/dashboard.ts reads what each one needs.
import { NETWORK_TYPES, Stage, type Group, type NetworkType, type Stage as StageT } from '../domain/entities';
import { DAY } from '../domain/time';

export const STAGES = Stage.options;

export interface Counted<K extends string> { key: K; count: number }

/** Contacts by network type; a contact not assessed yet counts as unclassified. */
export function countNetworkTypes(types: (NetworkType | undefined)[]): Counted<NetworkType>[] {
  const m = new Map<NetworkType, number>(NETWORK_TYPES.map((t) => [t, 0]));
  for (const t of types) m.set(t ?? 'unclassified', (m.get(t ?? 'unclassified') ?? 0) + 1);
  return NETWORK_TYPES.map((key) => ({ key, count: m.get(key)! }));
}

/** Contacts by sales-cycle stage; `none` counts the contacts without one. */
export function countStages(stages: (StageT | null | undefined)[], total = stages.length): Counted<StageT | 'none'>[] {
  const m = new Map<string, number>();
  for (const s of stages) if (s) m.set(s, (m.get(s) ?? 0) + 1);
  const staged = [...m.values()].reduce((a, b) => a + b, 0);
  return [...STAGES.map((key) => ({ key, count: m.get(key) ?? 0 })), { key: 'none' as const, count: total - staged }];
}

export interface PurchaseFact { contactId: string; at: number }

export interface RepeatBuyer { contactId: string; days: number; first: number; last: number }

/** Customers who bought again: purchases on two or more different days (one order's lines are one day). */
export function repeatBuyers(purchases: PurchaseFact[]): { buyers: number; repeat: RepeatBuyer[] } {
  const days = new Map<string, Set<number>>();
  for (const p of purchases) {
    const s = days.get(p.contactId) ?? new Set<number>();
    s.add(Math.floor(p.at / DAY));
    days.set(p.contactId, s);
  }
  const repeat: RepeatBuyer[] = [];
  for (const [contactId, s] of days) {
    if (s.size < 2) continue;
    const sorted = [...s].sort((a, b) => a - b);
    repeat.push({ contactId, days: s.size, first: sorted[0] * DAY, last: sorted[sorted.length - 1] * DAY });
  }
  repeat.sort((a, b) => b.days - a.days || b.last - a.last);
  return { buyers: days.size, repeat };
}

/** "2025-03": the calendar month of a time, in UTC (the same on every machine). */
export const monthKey = (t: number): string => new Date(t).toISOString().slice(0, 7);

/** The last `n` calendar months up to `now`'s, oldest first. */
export function lastMonths(now: number, n = 12): string[] {
  const d = new Date(now);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) out.push(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  return out;
}

/** How many times fall in each of the given months (times outside them are not counted). */
export function perMonth(times: number[], months: string[]): { month: string; count: number }[] {
  const m = new Map(months.map((x) => [x, 0]));
  for (const t of times) {
    const k = monthKey(t);
    if (m.has(k)) m.set(k, m.get(k)! + 1);
  }
  return months.map((month) => ({ month, count: m.get(month)! }));
}

export interface Referrer { contactId: string; count: number; last: number }

/** Referrals given: interactions of kind 'referral', per contact (most first). */
export function referrers(referrals: { contactId: string; at: number }[]): Referrer[] {
  const m = new Map<string, Referrer>();
  for (const r of referrals) {
    const cur = m.get(r.contactId) ?? { contactId: r.contactId, count: 0, last: 0 };
    cur.count++;
    cur.last = Math.max(cur.last, r.at);
    m.set(r.contactId, cur);
  }
  return [...m.values()].sort((a, b) => b.count - a.count || b.last - a.last);
}

export interface Conversion { contactId: string; addedAt: number; firstPurchaseAt: number }

/**
 * Leads that became customers. The book keeps no history of `relation`, so what the
 * data honestly supports: a contact that was in the book *before* its first purchase
 * was a lead then, and became a customer on that purchase's day. A contact whose
 * purchases predate it in the book (imported with its history) was a customer
 * already when added, and is counted apart.
 */
export function conversions(
  contacts: { id: string; createdAt: number }[],
  purchases: PurchaseFact[],
): { converted: Conversion[]; alreadyCustomers: number } {
  const first = new Map<string, number>();
  for (const p of purchases) first.set(p.contactId, Math.min(first.get(p.contactId) ?? Infinity, p.at));
  const converted: Conversion[] = [];
  let alreadyCustomers = 0;
  for (const c of contacts) {
    const f = first.get(c.id);
    if (f === undefined) continue;
    if (c.createdAt < f) converted.push({ contactId: c.id, addedAt: c.createdAt, firstPurchaseAt: f });
    else alreadyCustomers++;
  }
  converted.sort((a, b) => a.firstPurchaseAt - b.firstPurchaseAt);
  return { converted, alreadyCustomers };
}

export interface WeekChanges {
  created: number;
  updated: number;
  notes: number;
  interactions: number;
  purchases: number;
}

/** What changed in the last 7 days; `updated` excludes contacts created in it. */
export function weekChanges(
  since: number,
  contacts: { createdAt: number; updatedAt: number }[],
  notes: { createdAt: number }[],
  interactions: { at: number }[],
  purchases: { at: number }[],
): WeekChanges {
  const created = contacts.filter((c) => c.createdAt >= since).length;
  const updated = contacts.filter((c) => c.createdAt < since && c.updatedAt >= since).length;
  return {
    created,
    updated,
    notes: notes.filter((n) => n.createdAt >= since).length,
    interactions: interactions.filter((i) => i.at >= since).length,
    purchases: purchases.filter((p) => p.at >= since).length,
  };
}

export interface GroupSize { id: string; name: string; smart: boolean; size: number; createdAt: number }

/** Groups with their sizes: plain groups by membership, smart groups by their rule. */
export function groupSizes(groups: Group[], memberGroupIds: string[], smartSizes: Map<string, number>): GroupSize[] {
  const m = new Map<string, number>();
  for (const g of memberGroupIds) m.set(g, (m.get(g) ?? 0) + 1);
  return groups
    .map((g) => ({ id: g.id, name: g.name, smart: !!g.rule, size: g.rule ? smartSizes.get(g.id) ?? 0 : m.get(g.id) ?? 0, createdAt: g.createdAt }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
}

/**
 * One owner's share of the book (the dashboard's Owner filter): the contacts whose
 * ownerOf matches, and only the facts about them. No filter: everything, unchanged.
 */
export function byOwner<T extends { contactId: string }>(rows: T[], ids: ReadonlySet<string> | null): T[] {
  return ids ? rows.filter((r) => ids.has(r.contactId)) : rows;
}
