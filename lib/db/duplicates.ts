import { db, type TiewiseDB } from './database';
import { DUPLICATE_THRESHOLD, findCandidates, matchInputFromContact, prepare, type Candidate } from '../model/identity';
import { lookupKeys } from '../model/names';

/**
 * Contacts that are likely the same person as `contactId` (score ≥ the duplicate
 * threshold), with the reasons; found through the nameKeys and e-mail indexes.
 */
export async function duplicatesOf(contactId: string, d: TiewiseDB = db()): Promise<Candidate[]> {
  const c = await d.contacts.get(contactId);
  if (!c) return [];
  const urlsOf = async (ids: string[]) => {
    const m = new Map<string, string[]>();
    for (const p of await d.profiles.where('contactId').anyOf(ids).toArray()) m.set(p.contactId, [...(m.get(p.contactId) ?? []), p.url]);
    return m;
  };
  const own = (await urlsOf([c.id])).get(c.id) ?? [];
  const p = prepare(matchInputFromContact(c, own));
  const keys = lookupKeys(p.name);
  const [byName, byEmail] = await Promise.all([
    keys.length ? d.contacts.where('nameKeys').anyOf(keys).limit(1000).toArray() : [],
    c.emails.length ? d.contacts.where('emails').anyOf(c.emails).toArray() : [],
  ]);
  const pool = [...byName, ...byEmail].filter((x) => x.id !== c.id);
  const urls = await urlsOf([...new Set(pool.map((x) => x.id))]);
  // two contacts each linked to a different profile on the same network are two people
  const networks = new Set(own.map((u) => new URL(u).hostname.replace(/^(www|m)\./, '')));
  return findCandidates(p, { byNameKeys: () => pool, urlsOf: (id) => urls.get(id) ?? [] }, { minScore: DUPLICATE_THRESHOLD, limit: 5 })
    .filter((cand) => !(urls.get(cand.contact.id) ?? []).some((u) => networks.has(new URL(u).hostname.replace(/^(www|m)\./, ''))));
}
