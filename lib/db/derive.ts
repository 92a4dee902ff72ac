// Over 300 lines on purpose: the derived tie fields kept current for one contact, a
// refresh of many and an import: the same inputs gathered three ways for one model.
import { db, type TiewiseDB } from './database';
import type { Table } from 'dexie';
import type { Complaint, Contact, Interaction, Note, Profile, Purchase, TagOverride } from '../domain/entities';
import { guarded } from './errors';
import { getContactRecord, type ContactRecord } from './record';
import { getSetting } from './settings';
import { assess, effectiveTag, type AccountPeer, type Assessment, type EffectiveTag } from '../model/network';
import { profileReads, type RepContext } from '../model/tie';
import { normCompany } from '../model/identity';
import { STRONG_TIE } from '../model/weights';
import { dealInputs, type Deal as DealInput } from '../model/deal';
import type { Deal } from '../domain/entities';

// Keeps each contact's derived tie fields (networkType, stage, tieScore) current,
// so the book can filter and sort 100,000 contacts by index. The panel computes
// the full explanation itself (assessRecord) from the same inputs.

export function repContext(d: TiewiseDB = db()): Promise<RepContext | undefined> {
  return getSetting('rep', d);
}

/** The other contacts the rep knows at the same organisation, with their stored ties. */
export async function accountPeers(c: Contact, d: TiewiseDB = db()): Promise<AccountPeer[]> {
  const key = normCompany(c.company);
  if (!key) return [];
  // one key range of the organisation index (lib/db/keys.ts), read with one getAll: a
  // case-insensitive walk of `company` stepped a cursor per row (12-40 ms at 100,000 contacts)
  const peers = await d.contacts.where('companyKey').equals(key).toArray();
  return peers
    .filter((p) => p.id !== c.id)
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

/** Open deals by organisation key, for a refresh of many contacts (and an import's). */
export async function openDealsByOrg(d: TiewiseDB): Promise<Map<string, Deal[]>> {
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
  /** the other contacts at the same organisation the judgement read (the account view shows them) */
  account?: AccountPeer[];
}

/** What the judgement reads besides the record: the rep, and the contact's organisation (its deals, its people). */
interface JudgementContext {
  rep: RepContext | undefined;
  accountDeals: DealInput[];
  account: AccountPeer[];
}

async function judgementContext(c: Contact, d: TiewiseDB): Promise<JudgementContext> {
  // three independent reads, side by side: the card waits for the slowest, not the sum
  const [rep, accountDealList, account] = await Promise.all([repContext(d), accountDeals(c, d), accountPeers(c, d)]);
  return { rep, accountDeals: accountDealList, account };
}

/** The full judgement for one record: signals, strength, network type, the tag in force. */
export async function assessRecord(r: ContactRecord, now = Date.now(), d: TiewiseDB = db(), context?: Promise<JudgementContext>): Promise<RecordAssessment> {
  const { rep, accountDeals: accountDealList, account } = await (context ?? judgementContext(r.contact, d));
  const deals = dealInputs(r.deals);
  const a = assess({
    contact: r.contact, interactions: r.interactions, notes: r.notes, purchases: r.purchases,
    complaints: r.complaints, profiles: profileReads(r.profiles), rep,
    deals, accountDeals: accountDealList,
    account, orgStrongTies: account.filter((p) => (p.tieScore ?? 0) >= STRONG_TIE).length,
  }, now);
  return { ...a, tag: effectiveTag(a.classification, r.override), rep, deals, account };
}

/**
 * One contact's judgement as the panel's card asks it: the rep's and the organisation's
 * reads start once the contact is read, beside the rest of its record (`record`, when the
 * caller reads it already), rather than after it.
 */
export async function assessContact(id: string, record?: Promise<ContactRecord | null>, now = Date.now(), d: TiewiseDB = db()): Promise<RecordAssessment | undefined> {
  const c = await d.contacts.get(id);
  if (!c) return undefined;
  const context = judgementContext(c, d);
  context.catch(() => undefined); // its failure is the judgement's, reported there
  const r = await (record ?? getContactRecord(id, d));
  return r ? assessRecord(r, now, d, context) : undefined;
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

export interface RefreshProgress {
  /** contacts assessed so far (both passes), of `total` */
  done: number;
  total: number;
}

/** Rows of a chunk: by contact id. */
function groupBy<T extends { contactId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const a = m.get(r.contactId);
    if (a) a.push(r);
    else m.set(r.contactId, [r]);
  }
  return m;
}

interface ChunkRecords {
  contacts: Contact[];
  notes: Map<string, Note[]>;
  interactions: Map<string, Interaction[]>;
  purchases: Map<string, Purchase[]>;
  complaints: Map<string, Complaint[]>;
  profiles: Map<string, Profile[]>;
  overrides: Map<string, TagOverride>;
  deals: Map<string, Deal[]>;
}

/**
 * One chunk's records, one read per table. `ids` are sorted; when `dense` (the
 * chunk is a run of consecutive contact ids, as in a whole-book refresh), each
 * table is read as one key range of its contactId index (one getAll, no cursor
 * jumps), so the whole refresh reads each table once, in order: linear in the
 * book. A sparse chunk (a few contacts of a big book) uses anyOf.
 */
async function readChunk(ids: string[], dense: boolean, d: TiewiseDB): Promise<ChunkRecords> {
  const want = new Set(ids);
  const lo = ids[0];
  const hi = ids[ids.length - 1];
  const of = async <T extends { contactId: string }>(t: Table<T, string, unknown>): Promise<Map<string, T[]>> => {
    const rows: T[] = dense ? await t.where('contactId').between(lo, hi, true, true).toArray() : await t.where('contactId').anyOf(ids).toArray();
    return groupBy(dense ? rows.filter((r) => want.has(r.contactId)) : rows);
  };
  const [contacts, notes, interactions, purchases, complaints, profiles, overrides, deals] = await Promise.all([
    dense ? d.contacts.where(':id').between(lo, hi, true, true).toArray().then((cs) => cs.filter((c) => want.has(c.id))) : d.contacts.bulkGet(ids).then((cs) => cs.filter((c): c is Contact => !!c)),
    of(d.notes), of(d.interactions), of(d.purchases), of(d.complaints), of(d.profiles),
    d.overrides.bulkGet(ids),
    of(d.deals),
  ]);
  const ov = new Map<string, TagOverride>();
  overrides.forEach((o, k) => o && ov.set(ids[k], o));
  return { contacts, notes, interactions, purchases, complaints, profiles, overrides: ov, deals };
}

/** The derived fields stored on a contact. */
export type TieFields = Pick<Contact, 'networkType' | 'stage' | 'tieScore' | 'state'>;

/** A contact with the rows the model reads, as one refresh sees them. */
export interface TieInput {
  contact: Contact;
  notes?: Note[];
  interactions?: Interaction[];
  purchases?: Purchase[];
  complaints?: Complaint[];
  profiles?: Profile[];
  override?: TagOverride;
  /** the contact's stored deals and leads */
  deals?: Deal[];
}

/**
 * The two-pass bookkeeping every batch of tie fields shares: pass 1 scores each
 * contact alone and counts the strong ties per organisation; pass 2 gives a
 * contact at an organisation with a strong tie its peers and introducer.
 * Contacts outside the batch count with the scores they have stored.
 */
class TieBatch {
  private readonly scores = new Map<string, number>();
  private readonly strongByOrg = new Map<string, number>();
  // organisation → the strongest tie there outside the rep's team (a stakeholder's introducer)
  private readonly bestByOrg = new Map<string, AccountPeer & { id: string }>();

  constructor(
    private readonly rep: RepContext | undefined,
    private readonly now: number,
    /** open deals by organisation key (openDealsByOrg): the account's deals through others */
    private readonly openByOrg: Map<string, Deal[]> = new Map(),
  ) {}

  private keepBest(org: string, p: AccountPeer & { id: string }) {
    const b = this.bestByOrg.get(org);
    if (!b || (p.tieScore ?? 0) > (b.tieScore ?? 0)) this.bestByOrg.set(org, p);
  }

  /** A contact outside the batch, with its stored score. */
  outside(c: Contact): void {
    const org = normCompany(c.company);
    if (org && (c.tieScore ?? 0) >= STRONG_TIE) {
      this.strongByOrg.set(org, (this.strongByOrg.get(org) ?? 0) + 1);
      if (c.networkType !== 'team') this.keepBest(org, { id: c.id, name: c.name, tieScore: c.tieScore, networkType: c.networkType, relation: c.relation });
    }
  }

  private fields(x: TieInput, pass: 0 | 1): { fields: TieFields; score: number; team: boolean } {
    const c = x.contact;
    const org = normCompany(c.company);
    const peers = org ? (this.strongByOrg.get(org) ?? 0) - ((this.scores.get(c.id) ?? 0) >= STRONG_TIE ? 1 : 0) : 0;
    const best = org ? this.bestByOrg.get(org) : undefined;
    const a = assess({
      contact: c, interactions: x.interactions, notes: x.notes, purchases: x.purchases,
      complaints: x.complaints, profiles: profileReads(x.profiles ?? []), rep: this.rep, orgStrongTies: pass ? peers : 0,
      account: pass && best && best.id !== c.id ? [best] : undefined,
      deals: dealInputs(x.deals),
      accountDeals: org ? dealInputs((this.openByOrg.get(org) ?? []).filter((y) => y.contactId !== c.id)) : undefined,
    }, this.now);
    const tag = effectiveTag(a.classification, x.override);
    return {
      fields: derived(tag.networkType, tag.stage, a.tie.score, a.classification.state),
      score: a.tie.score, team: a.classification.networkType === 'team',
    };
  }

  /** Pass 1: the contact scored alone; its fields stand unless `needsSecond` says otherwise. */
  first(x: TieInput): TieFields {
    const r = this.fields(x, 0);
    const c = x.contact;
    this.scores.set(c.id, r.score);
    const org = normCompany(c.company);
    if (org && r.score >= STRONG_TIE) {
      this.strongByOrg.set(org, (this.strongByOrg.get(org) ?? 0) + 1);
      if (!r.team) this.keepBest(org, { id: c.id, name: c.name, tieScore: r.score, relation: c.relation });
    }
    return r.fields;
  }

  /** Whether, after pass 1 over the whole batch, this contact has peers or an introducer to be judged with. */
  needsSecond(c: Contact): boolean {
    const org = normCompany(c.company);
    if (!org) return false;
    const peers = (this.strongByOrg.get(org) ?? 0) - ((this.scores.get(c.id) ?? 0) >= STRONG_TIE ? 1 : 0);
    const best = this.bestByOrg.get(org);
    return peers > 0 || (!!best && best.id !== c.id);
  }

  /** Pass 2: the contact with its organisation's strong ties. */
  second(x: TieInput): TieFields {
    return this.fields(x, 1).fields;
  }
}

const sameTie = (c: TieFields, n: TieFields) => c.networkType === n.networkType && c.stage === n.stage && c.tieScore === n.tieScore && c.state === n.state;

/**
 * Tie fields for contacts held in memory (an import's plan, before it is
 * written): the same two passes as refreshAllTies, no reads. `others`: the rest
 * of the book (their stored scores count as peers).
 */
export function deriveTies(
  batch: readonly TieInput[], rep: RepContext | undefined, now: number, others: Iterable<Contact> = [], openByOrg?: Map<string, Deal[]>,
): Map<string, TieFields> {
  const b = new TieBatch(rep, now, openByOrg);
  const inBatch = new Set(batch.map((x) => x.contact.id));
  for (const c of others) if (!inBatch.has(c.id)) b.outside(c);
  const out = new Map<string, TieFields>();
  for (const x of batch) out.set(x.contact.id, b.first(x));
  for (const x of batch) if (b.needsSecond(x.contact)) out.set(x.contact.id, b.second(x));
  return out;
}

/**
 * Recomputes the derived tie fields of many contacts (all by default) in chunks
 * of consecutive ids: each chunk's records are read with one query per table
 * (see readChunk) and written back with one bulk update; the cost grows with the
 * book, not faster. A champion needs its peers' scores, so peers are counted
 * from a first pass; only contacts at an organisation with a strong tie are
 * read and assessed again (for everyone else the first pass's result stands).
 * `onProgress` is called after each chunk.
 */
export async function refreshAllTies(
  now = Date.now(),
  d: TiewiseDB = db(),
  only?: string[],
  onProgress?: (p: RefreshProgress) => void,
): Promise<void> {
  if (only?.length === 0) return; // nobody to refresh: not even the book's strong ties are read
  const rep = await repContext(d);
  const total = await d.contacts.count();
  // sorted, so that a chunk is a run of consecutive keys (primaryKeys() comes sorted)
  const ids = only ? [...new Set(only)].sort() : ((await d.contacts.toCollection().primaryKeys()) as string[]);
  // a refresh of most of the book reads key ranges; of a few contacts, those contacts
  const dense = !only || ids.length * 4 >= total;
  const CHUNK = 1000;
  const b = new TieBatch(rep, now, await openDealsByOrg(d));
  if (only) {
    // the contacts not being refreshed count with the scores they have
    const skip = new Set(ids);
    await d.contacts.where('tieScore').aboveOrEqual(STRONG_TIE).each((c) => {
      if (!skip.has(c.id)) b.outside(c);
    });
  }
  const inputs = (r: ChunkRecords) => r.contacts.map((c): TieInput => ({
    contact: c, notes: r.notes.get(c.id), interactions: r.interactions.get(c.id), purchases: r.purchases.get(c.id),
    complaints: r.complaints.get(c.id), profiles: r.profiles.get(c.id), override: r.overrides.get(c.id), deals: r.deals.get(c.id),
  }));
  // pass 1's result for contacts at an organisation, in case pass 2 has nothing to change for them
  const pending = new Map<string, { contact: Contact; next: TieFields }>();
  let done = 0;
  let secondPass = 0; // how many contacts pass 2 assesses again, known once pass 1 is over
  const report = () => onProgress?.({ done, total: ids.length + secondPass });
  const write = async (updates: { key: string; changes: Partial<Contact> }[]) => {
    if (updates.length) await guarded(() => d.contacts.bulkUpdate(updates));
  };

  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const updates: { key: string; changes: Partial<Contact> }[] = [];
    for (const x of inputs(await readChunk(chunk, dense, d))) {
      const next = b.first(x);
      if (normCompany(x.contact.company)) pending.set(x.contact.id, { contact: x.contact, next });
      else if (!sameTie(x.contact, next)) updates.push({ key: x.contact.id, changes: next });
    }
    await write(updates);
    done += chunk.length;
    report();
  }
  // pass 2: only contacts whose organisation has a strong tie (other than their own) or an introducer
  const again: string[] = [];
  const settled: { key: string; changes: Partial<Contact> }[] = [];
  for (const [id, p] of pending) {
    if (b.needsSecond(p.contact)) again.push(id);
    else if (!sameTie(p.contact, p.next)) settled.push({ key: id, changes: p.next });
  }
  pending.clear();
  for (let i = 0; i < settled.length; i += CHUNK) await write(settled.slice(i, i + CHUNK));
  secondPass = again.length;
  report();
  again.sort();
  const denseAgain = again.length * 4 >= total;
  for (let i = 0; i < again.length; i += CHUNK) {
    const chunk = again.slice(i, i + CHUNK);
    const updates: { key: string; changes: Partial<Contact> }[] = [];
    for (const x of inputs(await readChunk(chunk, denseAgain, d))) {
      const next = b.second(x);
      if (!sameTie(x.contact, next)) updates.push({ key: x.contact.id, changes: next });
    }
    await write(updates);
    done += chunk.length;
    report();
  }
}
