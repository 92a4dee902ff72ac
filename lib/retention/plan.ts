import type { Provenance, Relation } from '../domain/entities';
import { DAY } from '../domain/time';

// Planning a retention purge, pure: which profile snapshots and which contacts a
// policy would delete. A contact's clock is its last real interaction
// (lastContactAt) or, never contacted, the day it was added. A profile read is not
// an interaction: re-reading a profile does not keep a contact.


export interface RetentionPolicy {
  /** drop profile snapshots read longer ago than this many days (null: keep) */
  snapshotDays: number | null;
  /** drop non-customers with no interaction for this many months (null: keep) */
  inactiveMonths: number | null;
}
export const NO_POLICY: RetentionPolicy = { snapshotDays: null, inactiveMonths: null };

export interface ProfileFact { id: string; contactId: string; readAt?: number; linkedAt: number; hasSnapshot: boolean; url: string }
export interface ContactFact {
  id: string; name: string; relation?: Relation; createdAt: number; lastContactAt?: number;
  /** has bought anything: a customer, whatever `relation` says */
  buyer: boolean;
  source: Provenance;
}

export interface RetentionPlan {
  snapshotCutoff: number | null;
  contactCutoff: number | null;
  snapshots: { profileId: string; contactId: string; url: string; readAt: number }[];
  contacts: { id: string; name: string; since: number; contacted: boolean; source: Provenance }[];
}

/** `now` minus whole calendar months (UTC). */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

export function planRetention(policy: RetentionPolicy, profiles: ProfileFact[], contacts: ContactFact[], now: number): RetentionPlan {
  const contactCutoff = policy.inactiveMonths ? monthsBefore(now, policy.inactiveMonths) : null;
  const snapshotCutoff = policy.snapshotDays ? now - policy.snapshotDays * DAY : null;
  const gone = contactCutoff === null ? [] : contacts
    .filter((c) => c.relation !== 'customer' && !c.buyer)
    .map((c) => ({ id: c.id, name: c.name, since: c.lastContactAt ?? c.createdAt, contacted: c.lastContactAt !== undefined, source: c.source }))
    .filter((c) => c.since < contactCutoff)
    .sort((a, b) => a.since - b.since || a.id.localeCompare(b.id));
  const goneIds = new Set(gone.map((c) => c.id));
  const snapshots = snapshotCutoff === null ? [] : profiles
    .filter((p) => p.hasSnapshot && !goneIds.has(p.contactId)) // an erased contact's snapshots go with it
    .map((p) => ({ profileId: p.id, contactId: p.contactId, url: p.url, readAt: p.readAt ?? p.linkedAt }))
    .filter((p) => p.readAt < snapshotCutoff)
    .sort((a, b) => a.readAt - b.readAt || a.profileId.localeCompare(b.profileId));
  return { snapshotCutoff, contactCutoff, snapshots, contacts: gone };
}

/** Checks a policy typed by the user: whole numbers ≥ 1, or empty for "keep". */
export function parsePolicyField(s: string): number | null | 'invalid' {
  const t = s.trim();
  if (!t) return null;
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 100_000) return 'invalid';
  return Number(t);
}
