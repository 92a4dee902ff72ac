import { db, TABLES, type TiewiseDB } from './database';
import { erasePerson } from './erase';
import { guarded } from './errors';
import { getSetting, setSetting } from './settings';
import type { Contact } from '../domain/entities';
import { NO_POLICY, planRetention, type ContactFact, type ProfileFact, type RetentionPlan, type RetentionPolicy } from '../retention/plan';

// Retention: the dry run reads only the candidates (old reads by the readAt index,
// old contacts by the lastContactAt index plus the never-contacted); applying
// deletes exactly what the dry run showed that still qualifies, in one transaction.

export async function getPolicy(d: TiewiseDB = db()): Promise<RetentionPolicy> {
  return { ...NO_POLICY, ...(await getSetting('lead.retention', d)) };
}
export async function setPolicy(p: RetentionPolicy, d: TiewiseDB = db()): Promise<void> {
  await setSetting('lead.retention', p, d);
}

async function candidates(policy: RetentionPolicy, now: number, d: TiewiseDB): Promise<{ profiles: ProfileFact[]; contacts: ContactFact[] }> {
  const empty = planRetention(policy, [], [], now);
  let profiles: ProfileFact[] = [];
  if (empty.snapshotCutoff !== null) {
    const rows = await d.profiles.where('readAt').below(empty.snapshotCutoff).toArray();
    profiles = rows.map((p) => ({ id: p.id, contactId: p.contactId, url: p.url, readAt: p.readAt, linkedAt: p.linkedAt, hasSnapshot: p.snapshot !== undefined }));
  }
  let contacts: ContactFact[] = [];
  if (empty.contactCutoff !== null) {
    const cut = empty.contactCutoff;
    const quiet = await d.contacts.where('lastContactAt').below(cut).toArray();
    const never = await d.contacts.filter((c) => c.lastContactAt === undefined && c.createdAt < cut).toArray();
    const rows: Contact[] = [...quiet, ...never].filter((c) => c.relation !== 'customer');
    const buyers = new Set((await d.purchases.where('contactId').anyOf(rows.map((c) => c.id)).toArray()).map((p) => p.contactId));
    contacts = rows.map((c) => ({ id: c.id, name: c.name, relation: c.relation, createdAt: c.createdAt, lastContactAt: c.lastContactAt, buyer: buyers.has(c.id), source: c.source }));
  }
  return { profiles, contacts };
}

/** What the policy would delete now, exactly. */
export async function dryRunRetention(policy: RetentionPolicy, now = Date.now(), d: TiewiseDB = db()): Promise<RetentionPlan> {
  return d.transaction('r', [d.profiles, d.contacts, d.purchases], async () => {
    const c = await candidates(policy, now, d);
    return planRetention(policy, c.profiles, c.contacts, now);
  });
}

export interface RetentionResult { snapshots: number; contacts: number; /** shown but no longer due (the book changed) */ skipped: number }

/**
 * Deletes what `shown` (a dry run) listed and a fresh plan still lists: nothing
 * the user did not see, nothing that has since had an interaction. One transaction.
 */
export async function applyRetention(policy: RetentionPolicy, shown: RetentionPlan, now = Date.now(), d: TiewiseDB = db()): Promise<RetentionResult> {
  return guarded(() =>
    d.transaction('rw', TABLES.map((t) => d.table(t)), async () => {
      const c = await candidates(policy, now, d);
      const fresh = planRetention(policy, c.profiles, c.contacts, now);
      const dueSnaps = new Set(fresh.snapshots.map((s) => s.profileId));
      const dueContacts = new Set(fresh.contacts.map((x) => x.id));
      const snaps = shown.snapshots.filter((s) => dueSnaps.has(s.profileId));
      const people = shown.contacts.filter((x) => dueContacts.has(x.id));
      for (const s of snaps) {
        const p = await d.profiles.get(s.profileId);
        if (p) {
          const { snapshot: _dropped, ...rest } = p;
          await d.profiles.put(rest);
        }
      }
      for (const x of people) await erasePerson(x.id, {}, d);
      return {
        snapshots: snaps.length,
        contacts: people.length,
        skipped: shown.snapshots.length + shown.contacts.length - snaps.length - people.length,
      };
    }),
  );
}
