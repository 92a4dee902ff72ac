import { getContactRecord, type ContactRecord } from '@/lib/db/record';
import { assessContact, type RecordAssessment } from '@/lib/db/derive';
import { crossSellFor, type CrossSell } from '@/lib/db/crosssell';
import { findProfileByUrl } from '@/lib/db/profiles';
import { profileUrlKey } from '@/lib/extract/urls';
import type { Profile } from '@/lib/domain/entities';
import type { TabState } from '@/lib/messages';
import { mineRulesOffThread } from './crosssell';

// What a contact's card reads (the live queries of ContactCard and of the page's linked
// profile) and its reading ahead: when the panel is told of a new read, the profile's
// link and its contact's record, judgement and cross-sell are read at once (prepareCard),
// and the card's first render takes them (prepared*) instead of starting its queries only
// once each part has rendered: a query and a render per step before the card was full.
// The live queries still run after that first render and keep the card current.

/** The card's three reads, one function each, for its live queries and for reading ahead. */
export const cardQueries = {
  linked: async (url: string): Promise<Profile | null> => (await findProfileByUrl(url)) ?? null,
  record: (contactId: string): Promise<ContactRecord | null> => getContactRecord(contactId),
  // the judgement reads the record itself rather than wait for the card to render it
  assessment: (contactId: string, record?: Promise<ContactRecord | null>): Promise<RecordAssessment | undefined> => assessContact(contactId, record),
  sell: (contactId: string): Promise<CrossSell> => crossSellFor(contactId, 5, undefined, mineRulesOffThread),
};

export interface PreparedCard {
  record?: ContactRecord | null;
  assessment?: RecordAssessment;
  sell?: CrossSell;
}

/** Read ahead this long ago at most: older data is not shown, even for a first render. */
const FRESH_MS = 5_000;
let links: { key: string; at: number; profile: Profile | null } | null = null;
let card: { contactId: string; at: number; data: PreparedCard } | null = null;

/** Reads ahead what a state will show: the linked profile's contact's card. Resolves when all is read. */
export async function prepareCard(s: TabState | null): Promise<void> {
  links = card = null; // what an earlier state read ahead is not this one's
  const x = s?.extraction;
  const key = x?.kind === 'profile' && x.profileUrl ? profileUrlKey(x.profileUrl) : null;
  if (!x?.profileUrl || !key) return;
  const profile = await cardQueries.linked(x.profileUrl);
  links = { key, at: Date.now(), profile };
  if (!profile) return;
  const contactId = profile.contactId;
  const data: PreparedCard = {};
  card = { contactId, at: Date.now(), data };
  const record = cardQueries.record(contactId);
  // each part kept as it comes: a slow one (the cross-sell on a first open) does not hold the others
  await Promise.all([
    record.then((r) => void (data.record = r)),
    cardQueries.assessment(contactId, record).then((a) => void (data.assessment = a)),
    cardQueries.sell(contactId).then((v) => void (data.sell = v)),
  ]);
}

/** The linked profile read ahead for this URL (null: none linked); undefined when not read ahead. */
export function preparedLink(url: string): Profile | null | undefined {
  const key = profileUrlKey(url);
  return links && key === links.key && Date.now() - links.at < FRESH_MS ? links.profile : undefined;
}

/** The card's parts read ahead for this contact, those that came. */
export function preparedCard(contactId: string): PreparedCard {
  return card && card.contactId === contactId && Date.now() - card.at < FRESH_MS ? card.data : {};
}

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x instanceof Map ? [...x] : x));

/**
 * `next`, or `before` when both hold the same data: a live query's first answer after a
 * first render from what was read ahead is then the same object, and the card is not
 * rendered again for nothing.
 */
export function sameOr<T>(next: T, before: T | undefined): T {
  return before !== undefined && next !== before && json(next) === json(before) ? before : next;
}
