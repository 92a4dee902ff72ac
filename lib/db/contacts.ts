import { db, type TiewiseDB } from './database';
import type { Contact } from '../domain/entities';
import { normCompany, normEmail } from '../model/identity';
import { keysForName } from './keys';
import { refreshTie } from './derive';
import { guarded } from './errors';
import { newId } from './ids';

// Contacts: adding (one, or a batch in one transaction), updating, and the book's
// whole-table reads (is it empty, how big, the export's snapshot). A write that
// touches several tables is one transaction.

export type NewContact = Omit<Contact, 'id' | 'nameKeys' | 'createdAt' | 'updatedAt' | 'emails' | 'phones' | 'tags'> &
  Partial<Pick<Contact, 'id' | 'emails' | 'phones' | 'tags' | 'createdAt' | 'updatedAt'>>;

/** Fills the derived fields a stored contact carries (ids, keys, timestamps). */
export function prepareContact(c: NewContact, now = Date.now()): Contact {
  // its organisation key set here, as the keys middleware would (withCompanyKey): the
  // middleware then stores the object as it is, not a copy of each contact an import writes
  const companyKey = normCompany(c.company);
  const out: Contact = {
    ...c,
    id: c.id ?? newId(),
    emails: (c.emails ?? []).map(normEmail).filter(Boolean),
    phones: c.phones ?? [],
    tags: c.tags ?? [],
    nameKeys: keysForName(c.name),
    createdAt: c.createdAt ?? now,
    updatedAt: c.updatedAt ?? now,
    ...(companyKey ? { companyKey } : {}),
  };
  if (!companyKey && 'companyKey' in out) delete out.companyKey;
  return out;
}

export async function addContact(c: NewContact, d: TiewiseDB = db()): Promise<Contact> {
  const contact = prepareContact(c);
  await guarded(() => d.contacts.add(contact));
  await refreshTie(contact.id, Date.now(), d);
  return (await d.contacts.get(contact.id)) ?? contact;
}

/** Bulk insert in one transaction (imports, demo data, the bench). */
export async function addContacts(list: NewContact[], d: TiewiseDB = db()): Promise<Contact[]> {
  const now = Date.now();
  const contacts = list.map((c) => prepareContact(c, now));
  await guarded(() => d.contacts.bulkAdd(contacts));
  return contacts;
}

export async function updateContact(id: string, changes: Partial<Contact>, d: TiewiseDB = db()): Promise<void> {
  await guarded(() =>
    d.transaction('rw', d.contacts, async () => {
      const cur = await d.contacts.get(id);
      if (!cur) throw new Error(`no contact ${id}`);
      const next = { ...cur, ...changes, id, updatedAt: Date.now() };
      if (changes.name) next.nameKeys = keysForName(changes.name);
      await d.contacts.put(next);
    }),
  );
}

/** Whether the book has any contact (one key read, never a count). */
export async function hasContacts(d: TiewiseDB = db()): Promise<boolean> {
  return (await d.contacts.limit(1).primaryKeys()).length > 0;
}

/** How many contacts the book holds. */
export async function contactCount(d: TiewiseDB = db()): Promise<number> {
  return d.contacts.count();
}

/** The whole book for a CSV export: contacts by name, each with its linked profiles' URLs, read as one snapshot. */
export async function contactsForExport(d: TiewiseDB = db()): Promise<{ contact: Contact; profileUrls: string[] }[]> {
  const [contacts, profiles] = await d.transaction('r', d.contacts, d.profiles, () => Promise.all([d.contacts.orderBy('name').toArray(), d.profiles.toArray()]));
  const urls = new Map<string, string[]>();
  for (const p of profiles) urls.set(p.contactId, [...(urls.get(p.contactId) ?? []), p.url]);
  return contacts.map((contact) => ({ contact, profileUrls: urls.get(contact.id) ?? [] }));
}
