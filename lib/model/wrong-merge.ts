// Contacts that an earlier version may have made out of two different people.
//
// Before schema version 4, the import's in-file dedupe and the identity matcher
// compared profile URLs without their query string, so two Facebook people with
// `profile.php?id=…` URLs (and any URL told apart only by its query) were "the
// same profile": the matcher scored them 1.0 ("this very profile is linked") and a
// user could link or merge the second into the first. Such a contact now holds two
// linked profiles on one network that the old rule took for one URL and the one
// rule of lib/extract/urls.ts tells apart. Found here, offered to the user to split.
import { profileUrlKey } from '../extract/urls';

/**
 * The old comparison, frozen here only to find what it got wrong (never used to
 * compare anything else): both pre-v4 normalisers dropped scheme, `www.`/`m.`
 * (and locale) subdomains, query, fragment and trailing slashes, and lower-cased.
 */
export function legacyUrlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^(www|m|mobile|[a-z]{2})\.(?=(linkedin|vk|facebook|fb)\.)/, '')
    .replace(/^(www\.|m\.)/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

export interface LinkedProfileRef {
  id: string;
  contactId: string;
  network: string;
  url: string;
}

export interface WrongMergeSuspect {
  contactId: string;
  network: string;
  /** the contact's profiles that the old rule took for one and are different people */
  profileIds: string[];
}

/** Contacts holding two or more profiles the old rule conflated and the current rule tells apart. */
export function findWrongMerges(profiles: readonly LinkedProfileRef[]): WrongMergeSuspect[] {
  const groups = new Map<string, LinkedProfileRef[]>();
  for (const p of profiles) {
    const k = `${p.contactId}\u0000${p.network}\u0000${legacyUrlKey(p.url)}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const out: WrongMergeSuspect[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const keys = new Set(list.map((p) => profileUrlKey(p.url) ?? p.url));
    if (keys.size < 2) continue;
    out.push({ contactId: list[0].contactId, network: list[0].network, profileIds: list.map((p) => p.id).sort() });
  }
  return out.sort((a, b) => a.contactId.localeCompare(b.contactId));
}
