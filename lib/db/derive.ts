import { db, type TiewiseDB } from './database';
import type { Contact } from './schema';
import { getContactRecord, guarded, type ContactRecord } from './repo';
import { assess, effectiveTag, type AccountPeer, type Assessment, type EffectiveTag } from '../model/network';
import { profileReads, type RepContext } from '../model/tie';
import { normCompany } from '../model/identity';
import { STRONG_TIE } from '../model/weights';
import { dealInputs, type Deal as DealInput } from '../model/deal';
import type { Deal } from './schema';

// Keeps each contact's derived tie fields (networkType, stage, tieScore) current,
// so the book can filter and sort 100,000 contacts by index. The panel computes
// the full explanation itself (assessRecord) from the same inputs.

export async function repContext(d: TiewiseDB = db()): Promise<RepContext | undefined> {
  return (await d.settings.get('rep'))?.value as RepContext | undefined;
}

/** The other contacts the rep knows at the same organisation, with their stored ties. */
export async function accountPeers(c: Contact, d: TiewiseDB = db()): Promise<AccountPeer[]> {
  if (!c.company) return [];
  const key = normCompany(c.company);
  const peers = await d.contacts.where('company').equalsIgnoreCase(c.company).toArray();
  return peers
    .filter((p) => p.id !== c.id && normCompany(p.company) === key)
    .map((p) => ({ id: p.id, name: p.name, networkType: p.networkType, tieScore: p.tieScore, relation: p.relation, role: p.position }));
}

// --- deals (stored by imports) as the model's input: the contact's own, and the
// open ones other contacts at the same organisation carry ---

/** Deals others at the contact's organisation carry (the account's deals), as the model reads them. */
export async function accountDeals(c: Contact, d: TiewiseDB = db()): Promise<DealInput[]> {
  const key = normCompany(c.company);
  if (!key) return [];
  return dealInputs((await d.deals.where('companyKey').equals(key).toArray()).filter((x) => x.contactId !== c.id));
}

/** Open deals by organisation key, for a refresh of many contacts. */
async function openDealsByOrg(d: TiewiseDB): Promise<Map<string, Deal[]>> {
  const m = new Map<string, Deal[]>();
  await d.deals.where('status').equals('open').each((x) => {
    if (x.companyKey) m.set(x.companyKey, [...(m.get(x.companyKey) ?? []), x]);
  });
  return m;
}

/** The derived fields stored on a contact, from one assessment. */
function derived(networkType: Contact['networkType'], stage: Contact['stage'], score: number, state: string): Pick<Contact, 'networkType' | 'stage' | 'tieScore' | 'state'> {
  return { networkType, stage, tieScore: Math.round(score * 1000) / 1000, state };
}
const sameDerived = (c: Contact, n: ReturnType<typeof derived>) =>
  c.networkType === n.networkType && c.stage === n.stage && c.tieScore === n.tieScore && c.state === n.state;

export interface RecordAssessment extends Assessment {
  tag: EffectiveTag;
  rep?: RepContext;
  /** the contact's deals as the model read them (for the next step's wording) */
  deals?: DealInput[];
}

/** The full judgement for one record: signals, strength, network type, the tag in force. */
export async function assessRecord(r: ContactRecord, now = Date.now(), d: TiewiseDB = db()): Promise<RecordAssessment> {
  const rep = await repContext(d);
  const deals = dealInputs(r.deals);
  const a = assess({
    contact: r.contact, interactions: r.interactions, notes: r.notes, purchases: r.purchases,
    complaints: r.complaints, profiles: profileReads(r.profiles), rep,
    deals, accountDeals: await accountDeals(r.contact, d),
    ...(await (async () => {
      const account = await accountPeers(r.contact, d);
      return { account, orgStrongTies: account.filter((p) => (p.tieScore ?? 0) >= STRONG_TIE).length };
    })()),
  }, now);
  return { ...a, tag: effectiveTag(a.classification, r.override), rep, deals };
}

/**
 * Recomputes and stores one contact's derived tie fields, after the write that
 * changed the record has committed. Never fails that write: if this second step
 * cannot be stored (e.g. the disk filled up in between), the fields stay as they
 * were until the next change or refreshAllTies(), and the failure is logged.
 */
export async function refreshTie(contactId: string, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  try {
    await refreshTieOrThrow(contactId, now, d);
  } catch (e) {
    console.warn('[tiewise] derived tie fields not refreshed', e);
  }
}

async function refreshTieOrThrow(contactId: string, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  const r = await getContactRecord(contactId, d);
  if (!r) return;
  const a = await assessRecord(r, now, d);
  const next = derived(a.tag.networkType, a.tag.stage, a.tie.score, a.classification.state);
  const c = r.contact;
  if (sameDerived(c, next)) return;
  await guarded(() => d.contacts.update(contactId, next));
}

/**
 * Recomputes the derived tie fields of many contacts (all by default) in chunks:
 * each chunk's records are read with one indexed query per table, not one
 * record at a time, and written back with one bulk update. A champion needs its
 * peers' scores, so peers are counted from the first pass's scores.
 */
export async function refreshAllTies(now = Date.now(), d: TiewiseDB = db(), only?: string[]): Promise<void> {
  const rep = await repContext(d);
  const openByOrg = await openDealsByOrg(d);
  const ids = only ?? ((await d.contacts.toCollection().primaryKeys()) as string[]);
  const CHUNK = 1000;
  const scores = new Map<string, number>(); // contact id → score, from pass 1
  const strongByOrg = new Map<string, number>();
  // organisation → the strongest tie there outside the rep's team (a stakeholder's introducer)
  const bestByOrg = new Map<string, AccountPeer & { id: string }>();
  const keepBest = (org: string, p: AccountPeer & { id: string }) => {
    const b = bestByOrg.get(org);
    if (!b || (p.tieScore ?? 0) > (b.tieScore ?? 0)) bestByOrg.set(org, p);
  };
  if (only) {
    // the contacts not being refreshed count with the scores they have
    const skip = new Set(only);
    await d.contacts.where('tieScore').aboveOrEqual(STRONG_TIE).each((c) => {
      const org = normCompany(c.company);
      if (org && !skip.has(c.id)) {
        strongByOrg.set(org, (strongByOrg.get(org) ?? 0) + 1);
        if (c.networkType !== 'team') keepBest(org, { id: c.id, name: c.name, tieScore: c.tieScore, networkType: c.networkType, relation: c.relation });
      }
    });
  }
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const [contacts, notes, interactions, purchases, complaints, profiles, overrides, deals] = await Promise.all([
        d.contacts.bulkGet(chunk),
        d.notes.where('contactId').anyOf(chunk).toArray(),
        d.interactions.where('contactId').anyOf(chunk).toArray(),
        d.purchases.where('contactId').anyOf(chunk).toArray(),
        d.complaints.where('contactId').anyOf(chunk).toArray(),
        d.profiles.where('contactId').anyOf(chunk).toArray(),
        d.overrides.bulkGet(chunk),
        d.deals.where('contactId').anyOf(chunk).toArray(),
      ]);
      const by = <T extends { contactId: string }>(rows: T[]) => {
        const m = new Map<string, T[]>();
        for (const r of rows) m.set(r.contactId, [...(m.get(r.contactId) ?? []), r]);
        return m;
      };
      const [n, it, pu, co, pr, de] = [by(notes), by(interactions), by(purchases), by(complaints), by(profiles), by(deals)];
      const updates: { key: string; changes: Partial<Contact> }[] = [];
      contacts.forEach((c, k) => {
        if (!c) return;
        const org = normCompany(c.company);
        const peers = org ? (strongByOrg.get(org) ?? 0) - ((scores.get(c.id) ?? 0) >= STRONG_TIE ? 1 : 0) : 0;
        const a = assess({
          contact: c, interactions: it.get(c.id), notes: n.get(c.id), purchases: pu.get(c.id),
          complaints: co.get(c.id), profiles: profileReads(pr.get(c.id) ?? []), rep, orgStrongTies: pass ? peers : 0,
          deals: dealInputs(de.get(c.id)), accountDeals: org ? dealInputs((openByOrg.get(org) ?? []).filter((x) => x.contactId !== c.id)) : undefined,
          account: pass && org && bestByOrg.has(org) && bestByOrg.get(org)!.id !== c.id ? [bestByOrg.get(org)!] : undefined,
        }, now);
        if (pass === 0) {
          scores.set(c.id, a.tie.score);
          if (org && a.tie.score >= STRONG_TIE) {
            strongByOrg.set(org, (strongByOrg.get(org) ?? 0) + 1);
            if (a.classification.networkType !== 'team')
              keepBest(org, { id: c.id, name: c.name, tieScore: a.tie.score, relation: c.relation });
          }
          return;
        }
        const tag = effectiveTag(a.classification, overrides[k]);
        const next = derived(tag.networkType, tag.stage, a.tie.score, a.classification.state);
        if (!sameDerived(c, next)) updates.push({ key: c.id, changes: next });
      });
      if (updates.length) await guarded(() => d.contacts.bulkUpdate(updates));
    }
  }
}
