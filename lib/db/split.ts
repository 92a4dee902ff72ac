import { db, type TiewiseDB } from './database';
import { prepareContact } from './contacts';
import { guarded } from './errors';
import { refreshTie } from './derive';
import type { Contact, Profile, WrongMergeReview } from '../domain/entities';
import { getSetting, type SettingInput, type SettingKey } from './settings';
import { parseSnapshot } from '../model/profile-read';

// Contacts the version-4 upgrade found made of two different people (two profiles
// the old URL rule took for one: lib/model/wrong-merge.ts). The user decides:
// split the other people off into contacts of their own, or keep them together.
// Nothing is deleted either way.

export type WrongMergeEntry = WrongMergeReview[number];

/** Every contact awaiting the user's word. */
export function wrongMergeReview(d: TiewiseDB = db()): Promise<WrongMergeEntry[]> {
  return getSetting('review.wrongMerges', d);
}

/** The entry for one contact, with its profiles (the first linked stays with the contact). */
export async function wrongMergeOf(contactId: string, d: TiewiseDB = db()): Promise<{ entry: WrongMergeEntry; profiles: Profile[] } | null> {
  const entry = (await wrongMergeReview(d)).find((e) => e.contactId === contactId);
  if (!entry) return null;
  const profiles = (await d.profiles.bulkGet(entry.profileIds)).filter((p): p is Profile => !!p && p.contactId === contactId);
  if (profiles.length < 2) return null;
  profiles.sort((a, b) => a.linkedAt - b.linkedAt || a.id.localeCompare(b.id));
  return { entry, profiles };
}

/** A new contact for a profile split off, from what its last read showed (else its URL). */
export function contactFromProfile(p: Profile, now: number): Contact {
  const x = parseSnapshot(p.snapshot);
  const ok = <T,>(f: { status: string; value?: T } | undefined): T | undefined => (f?.status === 'ok' ? f.value : undefined);
  return prepareContact({
    name: ok(x?.fields.name) ?? p.url.replace(/^https?:\/\/(www\.)?/, ''),
    company: ok(x?.fields.company),
    position: ok(x?.fields.position),
    city: ok(x?.fields.location),
    hometown: ok(x?.fields.hometown),
    source: { kind: 'profile', ref: p.url, at: now },
  }, now);
}

async function forget(contactId: string, d: TiewiseDB): Promise<void> {
  const left = (await wrongMergeReview(d)).filter((e) => e.contactId !== contactId);
  // inside the caller's transaction: Dexie's own requests only (setSetting's extra
  // native await would let the transaction commit early)
  const key = 'review.wrongMerges' satisfies SettingKey;
  if (left.length) await d.settings.put({ key, value: left satisfies SettingInput<typeof key> });
  else await d.settings.delete(key);
}

/**
 * Splits the contact: the profile linked first stays; each other profile of the
 * entry moves to a new contact made from its last read. Notes, interactions and
 * purchases stay with the contact (nothing says whose they are). Returns the new ids.
 */
export async function splitWrongMerge(contactId: string, now = Date.now(), d: TiewiseDB = db()): Promise<string[]> {
  const ids = await guarded(() =>
    d.transaction('rw', [d.contacts, d.profiles, d.settings], async () => {
      const found = await wrongMergeOf(contactId, d);
      if (!found) return [];
      const out: string[] = [];
      for (const p of found.profiles.slice(1)) {
        const c = contactFromProfile(p, now);
        await d.contacts.add(c);
        await d.profiles.update(p.id, { contactId: c.id });
        out.push(c.id);
      }
      await d.contacts.update(contactId, { updatedAt: now });
      await forget(contactId, d);
      return out;
    }),
  );
  for (const id of [contactId, ...ids]) await refreshTie(id, now, d);
  return ids;
}

/** The user says they are one person: the contact leaves the review as it is. */
export async function keepWrongMergeTogether(contactId: string, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.transaction('rw', d.settings, () => forget(contactId, d)));
}
