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
  const profilesOf = async (ids: string[]) => {
    const m = new Map<string, { url: string; network: string }[]>();
    for (const p of await d.profiles.where('contactId').anyOf(ids).toArray()) m.set(p.contactId, [...(m.get(p.contactId) ?? []), p]);
    return m;
  };
  const mine = (await profilesOf([c.id])).get(c.id) ?? [];
  const p = prepare(matchInputFromContact(c, mine.map((x) => x.url)));
  const keys = lookupKeys(p.name);
  const [byName, byEmail] = await Promise.all([
    keys.length ? d.contacts.where('nameKeys').anyOf(keys).limit(1000).toArray() : [],
    c.emails.length ? d.contacts.where('emails').anyOf(c.emails).toArray() : [],
  ]);
  const pool = [...byName, ...byEmail].filter((x) => x.id !== c.id);
  const theirs = await profilesOf([...new Set(pool.map((x) => x.id))]);
  // two contacts each linked to a different profile on the same network are two people
  const networks = new Set(mine.map((x) => x.network));
  return findCandidates(p, { byNameKeys: () => pool, urlsOf: (id) => (theirs.get(id) ?? []).map((x) => x.url) }, { minScore: DUPLICATE_THRESHOLD, limit: 5 })
    .filter((cand) => !(theirs.get(cand.contact.id) ?? []).some((x) => networks.has(x.network)));
}
