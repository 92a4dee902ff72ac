import Dexie from 'dexie';
import { db, type TiewiseDB } from './database';
import type { Contact, Profile, Provenance } from '../domain/entities';
import type { Extraction } from '../extract/types';
import { profileUrlKey } from '../extract/urls';
import { mergeRead } from '../model/profile-read';
import { refreshTie } from './derive';
import { guarded } from './errors';
import { newId } from './ids';
import { prepareContact } from './contacts';

// Linked profiles: a profile page's read stored on the contact it belongs to, found
// again by any spelling of its URL; "Add to book" from an unknown profile.

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
