import { db, type TiewiseDB } from './database';
import type { Contact } from './schema';
import { getContactRecord, guarded, type ContactRecord } from './repo';
import { assess, effectiveTag, type Assessment, type EffectiveTag } from '../model/network';
import { profileReads, type RepContext } from '../model/tie';
import { normCompany } from '../model/identity';
import { STRONG_TIE } from '../model/weights';

// Keeps each contact's derived tie fields (networkType, stage, tieScore) current,
// so the book can filter and sort 100,000 contacts by index. The panel computes
// the full explanation itself (assessRecord) from the same inputs.

export async function repContext(d: TiewiseDB = db()): Promise<RepContext | undefined> {
  return (await d.settings.get('rep'))?.value as RepContext | undefined;
}

/** How many other contacts of the same organisation have a strong tie. */
async function orgStrongTies(c: Contact, d: TiewiseDB): Promise<number> {
  if (!c.company) return 0;
  const key = normCompany(c.company);
  const peers = await d.contacts.where('company').equalsIgnoreCase(c.company).toArray();
  return peers.filter((p) => p.id !== c.id && normCompany(p.company) === key && (p.tieScore ?? 0) >= STRONG_TIE).length;
}

export interface RecordAssessment extends Assessment {
  tag: EffectiveTag;
  rep?: RepContext;
}

/** The full judgement for one record: signals, strength, network type, the tag in force. */
export async function assessRecord(r: ContactRecord, now = Date.now(), d: TiewiseDB = db()): Promise<RecordAssessment> {
  const rep = await repContext(d);
  const a = assess({
    contact: r.contact, interactions: r.interactions, notes: r.notes, purchases: r.purchases,
    complaints: r.complaints, profiles: profileReads(r.profiles), rep,
    orgStrongTies: await orgStrongTies(r.contact, d),
  }, now);
  return { ...a, tag: effectiveTag(a.classification, r.override), rep };
}

/** Recomputes and stores one contact's derived tie fields. */
export async function refreshTie(contactId: string, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  const r = await getContactRecord(contactId, d);
  if (!r) return;
  const a = await assessRecord(r, now, d);
  const next = { networkType: a.tag.networkType, stage: a.tag.stage, tieScore: Math.round(a.tie.score * 1000) / 1000 };
  const c = r.contact;
  if (c.networkType === next.networkType && c.stage === next.stage && c.tieScore === next.tieScore) return;
  await guarded(() => d.contacts.update(contactId, next));
}

/** Recomputes every contact (after an import, the demo book, a rep change). */
export async function refreshAllTies(now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  const ids = (await d.contacts.toCollection().primaryKeys()) as string[];
  // two passes: a champion needs its peers' scores
  for (let pass = 0; pass < 2; pass++) for (const id of ids) await refreshTie(id, now, d);
}
