import { db, type TiewiseDB } from './database';
import { ownerOf, type Contact, type NetworkType, type Provenance, type Stage as StageT } from '../domain/entities';
import { contactFacts, evaluateCondition } from '../workflow/condition';
import { DAY } from '../domain/time';
import { matchesOwner, ownerCounts, type OwnerCount, type OwnerFilter } from '../book/owner';
import {
  byOwner, conversions, countNetworkTypes, countStages, groupSizes, lastMonths, perMonth, referrers, repeatBuyers, weekChanges,
  type Counted, type GroupSize, type Referrer, type RepeatBuyer, type WeekChanges, type Conversion,
} from '../dashboard/figures';

// The team lead's dashboard: reads only what each figure (lib/dashboard/figures.ts)
// needs, mostly index keys rather than whole rows.

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
