import { db, type TiewiseDB } from './database';
import type { Extraction } from '../extract/types';
import { findCandidates, matchInputFromExtraction, prepare, type Candidate } from '../model/identity';
import { lookupKeys } from '../model/names';

// Likely contacts for a profile read, found through the indexes (name keys,
// e-mails), never by scanning the book; ranked by lib/model/identity.

export async function candidatesFor(x: Extraction, limit = 5, d: TiewiseDB = db()): Promise<Candidate[]> {
  const p = prepare(matchInputFromExtraction(x));
  const keys = lookupKeys(p.name);
  const [byName, byEmail] = await Promise.all([
    keys.length ? d.contacts.where('nameKeys').anyOf(keys).limit(1000).toArray() : [],
    p.emails.length ? d.contacts.where('emails').anyOf(p.emails).toArray() : [],
  ]);
  const ids = [...new Set([...byName, ...byEmail].map((c) => c.id))];
  const urls = new Map<string, string[]>();
  for (const pr of await d.profiles.where('contactId').anyOf(ids).toArray()) {
    urls.set(pr.contactId, [...(urls.get(pr.contactId) ?? []), pr.url]);
  }
  return findCandidates(p, { byNameKeys: () => byName, byEmails: () => byEmail, urlsOf: (id) => urls.get(id) ?? [] }, { limit });
}
