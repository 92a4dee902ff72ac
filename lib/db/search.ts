import { db, type TiewiseDB } from './database';
import type { Contact } from '../domain/entities';
import { searchPrefixes } from './keys';

// The panel's search box over the book's indexes (the book page has its own
// full-text index: lib/book/search.ts).

/** Search for the panel: name prefix (either script), e-mail, phone or company. */
export async function searchContacts(q: string, limit = 20, d: TiewiseDB = db()): Promise<Contact[]> {
  const query = q.trim();
  if (!query) return [];
  const lower = query.toLowerCase();
  const keys = searchPrefixes(query);
  const found = new Map<string, Contact>();
  const add = (cs: Contact[]) => cs.forEach((c) => found.size < limit && found.set(c.id, c));
  if (query.includes('@')) add(await d.contacts.where('emails').startsWith(lower).limit(limit).toArray());
  if (/^[+\d][\d\s()-]{3,}$/.test(query)) add(await d.contacts.where('phones').startsWith(query).limit(limit).toArray());
  for (const k of keys) add(await d.contacts.where('nameKeys').startsWith(k).limit(limit).toArray());
  add(await d.contacts.where('name').startsWithIgnoreCase(query).limit(limit).toArray());
  add(await d.contacts.where('company').startsWithIgnoreCase(query).limit(limit).toArray());
  return [...found.values()];
}
