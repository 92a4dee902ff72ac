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
  // each contact once (a namesake with the same e-mail is found both ways): the pool is scored in slices
  const pool = [...new Map([...byName, ...byEmail].filter((x) => x.id !== c.id).map((x) => [x.id, x])).values()];
  const theirs = await profilesOf([...new Set(pool.map((x) => x.id))]);
  // two contacts each linked to a different profile on the same network are two people
  const networks = new Set(mine.map((x) => x.network));
  const urlsOf = (id: string) => (theirs.get(id) ?? []).map((x) => x.url);
  // scored one at a time, the page's thread handed back once SLICE_MS have passed: a
  // common name in a big book brings up to a thousand namesakes (one 70-80 ms task when
  // scored at once; 35-120 ms when cut every hundred; the first ten alone took 60 ms in
  // a panel just opened, its code not yet compiled); each step's best five hold the
  // whole pool's best five
  const best: Candidate[] = [];
  let since = performance.now();
  for (let i = 0; i < pool.length || i === 0; i += STEP) {
    if (i && performance.now() - since >= SLICE_MS) {
      await new Promise((ok) => setTimeout(ok, 0));
      since = performance.now();
    }
    const step = pool.slice(i, i + STEP);
    best.push(...findCandidates(p, { byNameKeys: () => step, urlsOf }, { minScore: DUPLICATE_THRESHOLD, limit: 5 }));
  }
  best.sort((x, y) => y.score - x.score || (x.contact.id < y.contact.id ? -1 : 1));
  return best.slice(0, 5).filter((cand) => !(theirs.get(cand.contact.id) ?? []).some((x) => networks.has(x.network)));
}

/** namesakes scored between two looks at the clock: one (a first, uncompiled score took 5 ms) */
const STEP = 1;
/** the longest the scoring holds the page's thread before it hands it back (a third of a frame) */
const SLICE_MS = 5;
