import { db, type TiewiseDB } from './database';
import { NETWORK_TYPES, ownerOf, Stage, type Contact, type Group, type NetworkType, type Provenance, type Stage as StageT } from '../domain/entities';
import { contactFacts, evaluateCondition } from '../workflow/condition';
import { DAY } from '../domain/time';
import { matchesOwner, ownerCounts, type OwnerCount, type OwnerFilter } from '../book/owner';

// The team lead's dashboard. The first half is pure (plain rows in, numbers out,
// tested with hand-computed expectations); the second half reads only what each
// number needs, mostly index keys rather than whole rows.

export const STAGES = Stage.options;

// ---------- pure aggregations ----------

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

// ---------- loading ----------

/** A contact as the dashboard's lists show it: who, and where the record came from. */
export interface NamedContact { id: string; name: string; company?: string; source: Provenance }

export interface OverviewFigures {
  now: number;
  total: number;
  networkTypes: Counted<NetworkType>[];
  stages: Counted<StageT | 'none'>[];
  repeat: { buyers: number; list: (RepeatBuyer & { contact?: NamedContact })[] };
  referrals: { total: number; byMonth: { month: string; count: number }[]; list: (Referrer & { contact?: NamedContact })[] };
  conversions: { total: number; alreadyCustomers: number; byMonth: { month: string; count: number }[]; list: (Conversion & { contact?: NamedContact })[] };
  groups: GroupSize[];
  week: WeekChanges & { since: number; recent: (NamedContact & { updatedAt: number; createdAt: number })[] };
}

const named = (c: Contact): NamedContact => ({ id: c.id, name: c.name, company: c.company, source: c.source });

/** The Owner filter's choices: every owner in the book (ownerOf each contact), and how many have none. */
export async function loadOwners(d: TiewiseDB = db()): Promise<{ owners: OwnerCount[]; none: number }> {
  const owners: (string | undefined)[] = [];
  await d.contacts.each((c) => owners.push(ownerOf(c)));
  return ownerCounts(owners);
}

/** The repeat buyers', referrers' and converted leads' figures, each row with its contact's name. */
function listed(
  rep: ReturnType<typeof repeatBuyers>, refs: ReturnType<typeof referrers>, referralRows: { at: number }[],
  conv: ReturnType<typeof conversions>, byId: Map<string, ReturnType<typeof named>>, months: ReturnType<typeof lastMonths>,
): Pick<OverviewFigures, 'repeat' | 'referrals' | 'conversions'> {
  return {
    repeat: { buyers: rep.buyers, list: rep.repeat.map((r) => ({ ...r, contact: byId.get(r.contactId) })) },
    referrals: {
      total: referralRows.length,
      byMonth: perMonth(referralRows.map((r) => r.at), months),
      list: refs.map((r) => ({ ...r, contact: byId.get(r.contactId) })),
    },
    conversions: {
      total: conv.converted.length,
      alreadyCustomers: conv.alreadyCustomers,
      byMonth: perMonth(conv.converted.map((c) => c.firstPurchaseAt), months),
      list: conv.converted.map((c) => ({ ...c, contact: byId.get(c.contactId) })),
    },
  };
}

/** The week's ten most recently changed contacts. */
function recentOf(weekContacts: Contact[]) {
  return weekContacts
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, 10)
    .map((c) => ({ ...named(c), updatedAt: c.updatedAt, createdAt: c.createdAt }));
}

/**
 * Everything the overview shows, read in one read-only transaction; with an owner,
 * the figures of that owner's contacts only (or of the contacts without one).
 */
export async function loadOverview(now = Date.now(), d: TiewiseDB = db(), owner?: OwnerFilter): Promise<OverviewFigures> {
  if (owner) return loadOwnerOverview(now, d, owner);
  return d.transaction('r', [d.contacts, d.purchases, d.interactions, d.notes, d.groups, d.memberships], async () => {
    const since = now - 7 * DAY;
    const months = lastMonths(now, 12);
    const [total, typeKeys, stageKeys, purchaseRows, referralRows, groups, memberKeys, weekContacts, weekNotes, weekInteractions] = await Promise.all([
      d.contacts.count(),
      d.contacts.orderBy('networkType').keys() as Promise<NetworkType[]>,
      d.contacts.orderBy('stage').keys() as Promise<StageT[]>,
      d.purchases.toArray(),
      d.interactions.where('kind').equals('referral').toArray(),
      d.groups.toArray(),
      d.memberships.orderBy('groupId').keys() as Promise<string[]>,
      d.contacts.where('updatedAt').aboveOrEqual(since).toArray(),
      d.notes.where('createdAt').aboveOrEqual(since).toArray(),
      d.interactions.where('at').aboveOrEqual(since).count(),
    ]);
    const unassessed = total - typeKeys.length;
    const networkTypes = countNetworkTypes([...typeKeys, ...Array<undefined>(unassessed).fill(undefined)]);
    const stages = countStages(stageKeys, total);

    const purchases = purchaseRows.map((p) => ({ contactId: p.contactId, at: p.at }));
    const rep = repeatBuyers(purchases);
    const refs = referrers(referralRows);
    const buyerIds = [...new Set(purchases.map((p) => p.contactId))];
    const buyers = (await d.contacts.bulkGet(buyerIds)).filter((c): c is Contact => !!c);
    const conv = conversions(buyers, purchases);

    // smart groups: their rule over every contact (the one place the whole book is read)
    const smart = groups.filter((g) => g.rule);
    const smartSizes = new Map<string, number>();
    if (smart.length) {
      const memberOf = new Map<string, string[]>();
      await d.memberships.each((m) => memberOf.set(m.contactId, [...(memberOf.get(m.contactId) ?? []), m.groupId]));
      await d.contacts.each((c) => {
        const facts = contactFacts(c, { groups: memberOf.get(c.id) }, now);
        for (const g of smart) if (evaluateCondition(g.rule!, facts)) smartSizes.set(g.id, (smartSizes.get(g.id) ?? 0) + 1);
      });
    }

    const listIds = [...new Set([...rep.repeat.map((r) => r.contactId), ...refs.map((r) => r.contactId)])].filter((id) => !buyerIds.includes(id));
    const others = (await d.contacts.bulkGet(listIds)).filter((c): c is Contact => !!c);
    const byId = new Map([...buyers, ...others].map((c) => [c.id, named(c)]));
    const week = weekChanges(since, weekContacts, weekNotes, [], purchases);
    week.interactions = weekInteractions;
    return {
      now,
      total,
      networkTypes,
      stages,
      ...listed(rep, refs, referralRows, conv, byId, months),
      groups: groupSizes(groups, memberKeys, smartSizes),
      week: { ...week, since, recent: recentOf(weekContacts) },
    };
  });
}

/** The overview of one owner's contacts: reads every contact once to know whose each is. */
async function loadOwnerOverview(now: number, d: TiewiseDB, owner: OwnerFilter): Promise<OverviewFigures> {
  return d.transaction('r', [d.contacts, d.purchases, d.interactions, d.notes, d.groups, d.memberships], async () => {
    const since = now - 7 * DAY;
    const months = lastMonths(now, 12);
    const mine: Contact[] = [];
    await d.contacts.each((c) => {
      if (matchesOwner(ownerOf(c), owner)) mine.push(c);
    });
    const ids = new Set(mine.map((c) => c.id));
    const [allPurchases, allReferrals, groups, allMembers, allWeekNotes, allWeekInteractions] = await Promise.all([
      d.purchases.toArray(),
      d.interactions.where('kind').equals('referral').toArray(),
      d.groups.toArray(),
      d.memberships.toArray(),
      d.notes.where('createdAt').aboveOrEqual(since).toArray(),
      d.interactions.where('at').aboveOrEqual(since).toArray(),
    ]);
    const purchases = byOwner(allPurchases, ids).map((p) => ({ contactId: p.contactId, at: p.at }));
    const referralRows = byOwner(allReferrals, ids);
    const members = byOwner(allMembers, ids);
    const rep = repeatBuyers(purchases);
    const refs = referrers(referralRows);
    const conv = conversions(mine, purchases);

    const smart = groups.filter((g) => g.rule);
    const smartSizes = new Map<string, number>();
    if (smart.length) {
      const memberOf = new Map<string, string[]>();
      for (const m of members) memberOf.set(m.contactId, [...(memberOf.get(m.contactId) ?? []), m.groupId]);
      for (const c of mine) {
        const facts = contactFacts(c, { groups: memberOf.get(c.id) }, now);
        for (const g of smart) if (evaluateCondition(g.rule!, facts)) smartSizes.set(g.id, (smartSizes.get(g.id) ?? 0) + 1);
      }
    }

    const byId = new Map(mine.map((c) => [c.id, named(c)]));
    const weekContacts = mine.filter((c) => c.updatedAt >= since);
    const week = weekChanges(since, weekContacts, byOwner(allWeekNotes, ids), byOwner(allWeekInteractions, ids), purchases);
    return {
      now,
      total: mine.length,
      networkTypes: countNetworkTypes(mine.map((c) => c.networkType)),
      stages: countStages(mine.map((c) => c.stage)),
      ...listed(rep, refs, referralRows, conv, byId, months),
      groups: groupSizes(groups, members.map((m) => m.groupId), smartSizes),
      week: { ...week, since, recent: recentOf(weekContacts) },
    };
  });
}
