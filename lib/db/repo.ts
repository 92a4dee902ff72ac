import Dexie from 'dexie';
import { db, type TiewiseDB } from './database';
import type {
  Complaint, Contact, Deal, Group, Interaction, LogEntry, Note, Product, Profile, Provenance,
  Purchase, Reminder, TagOverride,
} from '../domain/entities';
import type { Extraction } from '../extract/types';
import { keysForName, searchPrefixes } from './keys';
import { refreshTie } from './derive';
import { profileUrlKey } from '../extract/urls';
import { mergeRead } from '../model/profile-read';

// The data-access module: the UI, the background and the import call these, never
// Dexie tables directly. A write that touches several tables is one transaction.

export const newId = (): string => crypto.randomUUID();

/** A write failed because the disk (the browser's quota) is full. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage-full');
    this.name = 'StorageFullError';
    this.cause = cause;
  }
}

/** Turns Dexie's quota errors into StorageFullError; the transaction has rolled back. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError(e);
    throw e;
  }
}

export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError' ||
    (err instanceof Dexie.AbortError && err.inner?.name === 'QuotaExceededError');
}

export type NewContact = Omit<Contact, 'id' | 'nameKeys' | 'createdAt' | 'updatedAt' | 'emails' | 'phones' | 'tags'> &
  Partial<Pick<Contact, 'id' | 'emails' | 'phones' | 'tags' | 'createdAt' | 'updatedAt'>>;

/** Fills the derived fields a stored contact carries (ids, keys, timestamps). */
export function prepareContact(c: NewContact, now = Date.now()): Contact {
  return {
    ...c,
    id: c.id ?? newId(),
    emails: (c.emails ?? []).map((e) => e.trim().toLowerCase()).filter(Boolean),
    phones: c.phones ?? [],
    tags: c.tags ?? [],
    nameKeys: keysForName(c.name),
    createdAt: c.createdAt ?? now,
    updatedAt: c.updatedAt ?? now,
  };
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

/** Everything the panel shows about one contact. */
export interface ContactRecord {
  contact: Contact;
  profiles: Profile[];
  notes: Note[];
  interactions: Interaction[];
  purchases: Purchase[];
  complaints: Complaint[];
  /** deals and leads, open first, then newest */
  deals: Deal[];
  override?: TagOverride;
  groups: Group[];
  /** open reminders, soonest first */
  reminders: Reminder[];
}

export async function getContactRecord(id: string, d: TiewiseDB = db()): Promise<ContactRecord | null> {
  return d.transaction('r', [d.contacts, d.profiles, d.notes, d.interactions, d.purchases, d.complaints, d.overrides, d.memberships, d.groups, d.reminders, d.deals], async () => {
    const contact = await d.contacts.get(id);
    if (!contact) return null;
    const [profiles, notes, interactions, purchases, complaints, override, memberships, reminders, deals] = await Promise.all([
      d.profiles.where('contactId').equals(id).toArray(),
      d.notes.where('contactId').equals(id).toArray(),
      d.interactions.where('contactId').equals(id).toArray(),
      d.purchases.where('contactId').equals(id).toArray(),
      d.complaints.where('contactId').equals(id).toArray(),
      d.overrides.get(id),
      d.memberships.where('contactId').equals(id).toArray(),
      d.reminders.where('contactId').equals(id).filter((r) => !r.done).toArray(),
      d.deals.where('contactId').equals(id).toArray(),
    ]);
    const groups = (await d.groups.bulkGet(memberships.map((m) => m.groupId))).filter((g): g is Group => !!g);
    notes.sort((a, b) => b.createdAt - a.createdAt);
    interactions.sort((a, b) => b.at - a.at);
    purchases.sort((a, b) => b.at - a.at);
    complaints.sort((a, b) => b.openedAt - a.openedAt);
    reminders.sort((a, b) => a.due - b.due);
    deals.sort((a, b) => +(b.status === 'open') - +(a.status === 'open') || (b.closedAt ?? b.openedAt ?? 0) - (a.closedAt ?? a.openedAt ?? 0));
    return { contact, profiles, notes, interactions, purchases, complaints, deals, override, groups, reminders };
  });
}

/** The linked profile a URL names (any spelling of it), if any. */
export async function findProfileByUrl(url: string, d: TiewiseDB = db()): Promise<Profile | undefined> {
  const key = profileUrlKey(url);
  return key ? d.profiles.where('url').equals(key).first() : undefined;
}

/**
 * Stores a fresh read of a linked profile; an unlinked profile is not stored. Each
 * field keeps its last good value: a read that could not read a field (or the whole
 * page) never blanks what an earlier read said (lib/model/profile-read.ts).
 */
export async function recordProfileRead(x: Extraction, now = Date.now(), d: TiewiseDB = db()): Promise<Profile | null> {
  const key = x.kind === 'profile' && x.profileUrl ? profileUrlKey(x.profileUrl) : null;
  if (!key) return null;
  return guarded(() =>
    d.transaction('rw', d.profiles, async () => {
      const p = await d.profiles.where('url').equals(key).first();
      if (!p) return null;
      const next: Profile = { ...p, ...mergeRead(p, x, now) };
      await d.profiles.put(next);
      return next;
    }),
  ).then(async (p) => {
    if (p) await refreshTie(p.contactId, now, d);
    return p;
  });
}

/** Links a read profile to a contact (a second network keeps the first). */
export async function linkProfile(contactId: string, x: Extraction, now = Date.now(), d: TiewiseDB = db()): Promise<Profile> {
  const key = x.profileUrl ? profileUrlKey(x.profileUrl) : null;
  if (!x.site || !key) throw new Error('not a profile');
  return guarded(() =>
    d.transaction('rw', d.profiles, d.contacts, async () => {
      const existing = await d.profiles.where('url').equals(key).first();
      const p: Profile = {
        id: existing?.id ?? newId(),
        contactId,
        network: x.site!,
        url: key,
        ...mergeRead(existing ?? {}, x, now),
        linkedAt: existing?.linkedAt ?? now,
      };
      await d.profiles.put(p);
      await d.contacts.update(contactId, { updatedAt: now });
      return p;
    }),
  ).then(async (p) => {
    if (!Dexie.currentTransaction) await refreshTie(contactId, now, d);
    return p;
  });
}

/** "Add to book": a new contact prefilled from the profile, linked to it. */
export async function addContactFromProfile(x: Extraction, now = Date.now(), d: TiewiseDB = db()): Promise<Contact> {
  const f = x.fields;
  const ok = <T,>(r: { status: string; value?: T }): T | undefined => (r.status === 'ok' ? r.value : undefined);
  const name = ok(f.name);
  if (!name) throw new Error('no-name');
  const source: Provenance = { kind: 'profile', ref: x.profileUrl ?? undefined, at: now };
  return guarded(() =>
    d.transaction('rw', d.contacts, d.profiles, async () => {
      const contact = prepareContact({
        name,
        company: ok(f.company),
        position: ok(f.position),
        city: ok(f.location),
        hometown: ok(f.hometown),
        languages: ok(f.languages),
        interests: ok(f.interests),
        birthday: ok(f.birthday),
        relation: 'prospect',
        source,
      }, now);
      await d.contacts.add(contact);
      await linkProfile(contact.id, x, now, d);
      return contact;
    }),
  ).then(async (c) => {
    await refreshTie(c.id, now, d);
    return c;
  });
}

export async function addNote(contactId: string, text: string, now = Date.now(), d: TiewiseDB = db()): Promise<Note> {
  const note: Note = { id: newId(), contactId, text, createdAt: now, updatedAt: now, source: { kind: 'user', at: now } };
  await guarded(() =>
    d.transaction('rw', d.notes, d.contacts, async () => {
      await d.notes.add(note);
      await d.contacts.update(contactId, { updatedAt: now });
    }),
  );
  await refreshTie(contactId, now, d);
  return note;
}

export async function updateNote(id: string, text: string, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.notes.update(id, { text, updatedAt: now }));
  const n = await d.notes.get(id);
  if (n) await refreshTie(n.contactId, now, d);
}

/** Deletes a note and returns it, so the UI can undo. */
export async function deleteNote(id: string, d: TiewiseDB = db()): Promise<Note | undefined> {
  return guarded(() =>
    d.transaction('rw', d.notes, async () => {
      const n = await d.notes.get(id);
      await d.notes.delete(id);
      return n;
    }),
  ).then(async (n) => {
    if (n) await refreshTie(n.contactId, Date.now(), d);
    return n;
  });
}

export async function restoreNote(n: Note, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.notes.put(n));
  await refreshTie(n.contactId, Date.now(), d);
}

export async function addInteraction(
  i: Omit<Interaction, 'id' | 'source'> & { source?: Provenance },
  d: TiewiseDB = db(),
): Promise<Interaction> {
  const now = Date.now();
  const row: Interaction = { ...i, id: newId(), source: i.source ?? { kind: 'user', at: now } };
  await guarded(() =>
    d.transaction('rw', d.interactions, d.contacts, async () => {
      await d.interactions.add(row);
      const c = await d.contacts.get(i.contactId);
      if (c) await d.contacts.update(c.id, { lastContactAt: Math.max(c.lastContactAt ?? 0, i.at), updatedAt: now });
    }),
  );
  await refreshTie(i.contactId, now, d);
  return row;
}

/** Marks a reminder done (a rule's "remind me in N days"). */
export async function completeReminder(id: string, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.reminders.update(id, { done: true }));
}

export async function setOverride(o: Omit<TagOverride, 'at'>, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.overrides.put({ ...o, at: Date.now() }));
  await refreshTie(o.contactId, Date.now(), d);
}

export async function clearOverride(contactId: string, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.overrides.delete(contactId));
  await refreshTie(contactId, Date.now(), d);
}

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

export async function getSetting<T>(key: string, fallback: T, d: TiewiseDB = db()): Promise<T> {
  const row = await d.settings.get(key);
  return row ? (row.value as T) : fallback;
}

export async function setSetting(key: string, value: unknown, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.settings.put({ key, value }));
}

/** The extension's own log, kept locally (never sent anywhere). */
export async function writeLog(entry: Omit<LogEntry, 'id' | 'at'>, d: TiewiseDB = db()): Promise<void> {
  try {
    await d.log.add({ ...entry, at: Date.now() });
  } catch {
    // the log must never be the reason something else fails
  }
}

/** Whether the book has any contact (one key read, never a count). */
export async function hasContacts(d: TiewiseDB = db()): Promise<boolean> {
  return (await d.contacts.limit(1).primaryKeys()).length > 0;
}

export async function counts(d: TiewiseDB = db()): Promise<Record<string, number>> {
  const names = ['contacts', 'profiles', 'notes', 'interactions', 'purchases', 'products', 'groups'] as const;
  const values = await Promise.all(names.map((n) => d[n].count()));
  return Object.fromEntries(names.map((n, i) => [n, values[i]]));
}

/** How many contacts the book holds. */
export async function contactCount(d: TiewiseDB = db()): Promise<number> {
  return d.contacts.count();
}

/** Every group (smart or not), for pickers. */
export async function allGroups(d: TiewiseDB = db()): Promise<Group[]> {
  return d.groups.toArray();
}

/** The products with these ids, in their order (undefined where one is gone). */
export async function productsByIds(ids: string[], d: TiewiseDB = db()): Promise<(Product | undefined)[]> {
  return d.products.bulkGet(ids);
}

/** The whole book for a CSV export: contacts by name, each with its linked profiles' URLs, read as one snapshot. */
export async function contactsForExport(d: TiewiseDB = db()): Promise<{ contact: Contact; profileUrls: string[] }[]> {
  const [contacts, profiles] = await d.transaction('r', d.contacts, d.profiles, () => Promise.all([d.contacts.orderBy('name').toArray(), d.profiles.toArray()]));
  const urls = new Map<string, string[]>();
  for (const p of profiles) urls.set(p.contactId, [...(urls.get(p.contactId) ?? []), p.url]);
  return contacts.map((contact) => ({ contact, profileUrls: urls.get(contact.id) ?? [] }));
}

export type { Product };
