import 'fake-indexeddb/auto';
import { openDatabase, TABLES, TiewiseDB } from '@/lib/db/database';
import { addContact } from '@/lib/db/contacts';
import { addInteraction } from '@/lib/db/interactions';
import { linkProfile, recordProfileRead } from '@/lib/db/profiles';
import { applyRetention, dryRunRetention } from '@/lib/db/retention';
import { monthsBefore, parsePolicyField, planRetention, type ContactFact } from '@/lib/retention/plan';
import { emptyFields, type Extraction } from '@/lib/extract/types';
import { DAY } from '@/lib/domain/time';

const T0 = Date.UTC(2025, 5, 15, 12);
const src = { kind: 'user' as const, at: 0 };

describe('retention planning (pure)', () => {
  const c = (id: string, extra: Partial<ContactFact>): ContactFact => ({ id, name: id, createdAt: T0 - 1000 * DAY, buyer: false, source: src, ...extra });
  it('drops quiet non-customers by their last interaction, or their creation if never contacted', () => {
    const p = planRetention({ snapshotDays: null, inactiveMonths: 12 }, [], [
      c('quiet', { lastContactAt: T0 - 400 * DAY }),
      c('recent', { lastContactAt: T0 - 10 * DAY }),
      c('never', {}),
      c('new', { createdAt: T0 - DAY }),
      c('customer', { relation: 'customer', lastContactAt: T0 - 900 * DAY }),
      c('buyer', { relation: 'prospect', buyer: true, lastContactAt: T0 - 900 * DAY }),
    ], T0);
    expect(p.contactCutoff).toBe(Date.UTC(2024, 5, 15, 12));
    expect(p.contacts.map((x) => x.id)).toEqual(['never', 'quiet']);
  });
  it('drops old snapshots, not those of contacts erased anyway, and keeps everything with no policy', () => {
    const profiles = [
      { id: 'old', contactId: 'a', url: 'u1', readAt: T0 - 40 * DAY, linkedAt: 0, hasSnapshot: true },
      { id: 'fresh', contactId: 'a', url: 'u2', readAt: T0 - 5 * DAY, linkedAt: 0, hasSnapshot: true },
      { id: 'empty', contactId: 'a', url: 'u3', readAt: T0 - 40 * DAY, linkedAt: 0, hasSnapshot: false },
      { id: 'gone', contactId: 'never', url: 'u4', readAt: T0 - 40 * DAY, linkedAt: 0, hasSnapshot: true },
    ];
    const p = planRetention({ snapshotDays: 30, inactiveMonths: 6 }, profiles, [c('never', {})], T0);
    expect(p.snapshots.map((s) => s.profileId)).toEqual(['old']);
    expect(planRetention({ snapshotDays: null, inactiveMonths: null }, profiles, [c('never', {})], T0)).toMatchObject({ snapshots: [], contacts: [] });
  });
  it('months are calendar months; policy fields are whole numbers or empty', () => {
    expect(monthsBefore(Date.UTC(2025, 2, 31), 1)).toBe(Date.UTC(2025, 2, 3)); // 31 Feb rolls over, as Date does
    expect([parsePolicyField(''), parsePolicyField(' 30 '), parsePolicyField('0'), parsePolicyField('1.5'), parsePolicyField('x')]).toEqual([null, 30, 'invalid', 'invalid', 'invalid']);
  });
});

function read(url: string, name: string): Extraction {
  return { site: 'linkedin', kind: 'profile', profileUrl: url, lang: 'en', fields: { ...emptyFields(), name: { status: 'ok', value: name, via: 't' } } };
}

describe('retention in the database', () => {
  let d: TiewiseDB;
  let n = 0;
  beforeEach(async () => {
    d = new TiewiseDB(`lead-retention-${++n}`);
    await openDatabase(d);
  });
  afterEach(() => d.close());

  it('a profile re-read yesterday does not save a contact silent for two years; the dry run is exactly what goes', async () => {
    const old = T0 - 800 * DAY;
    const silent = await addContact({ name: 'Silent Sam', relation: 'prospect', source: src, createdAt: old, updatedAt: old }, d);
    await addInteraction({ contactId: silent.id, kind: 'call', direction: 'out', at: old, summary: 'once' }, d);
    await linkProfile(silent.id, read('https://www.linkedin.com/in/silent/', 'Silent Sam'), old, d);
    await recordProfileRead(read('https://www.linkedin.com/in/silent/', 'Silent Sam'), T0 - DAY, d); // re-read yesterday

    const active = await addContact({ name: 'Active Ann', relation: 'prospect', source: src, createdAt: old, updatedAt: old }, d);
    await addInteraction({ contactId: active.id, kind: 'call', direction: 'out', at: T0 - 20 * DAY, summary: 'recent' }, d);
    await linkProfile(active.id, read('https://www.linkedin.com/in/active/', 'Active Ann'), T0 - 100 * DAY, d);
    const customer = await addContact({ name: 'Old Customer', relation: 'customer', source: src, createdAt: old, updatedAt: old }, d);

    const policy = { snapshotDays: 60, inactiveMonths: 12 };
    const plan = await dryRunRetention(policy, T0, d);
    expect(plan.contacts.map((c) => c.name)).toEqual(['Silent Sam']);
    expect(plan.snapshots.map((s) => s.url)).toEqual(['https://www.linkedin.com/in/active/']);

    const res = await applyRetention(policy, plan, T0, d);
    expect(res).toEqual({ snapshots: 1, contacts: 1, skipped: 0 });
    expect((await d.contacts.toArray()).map((c) => c.name).sort()).toEqual(['Active Ann', 'Old Customer']);
    const annProfile = await d.profiles.where('contactId').equals(active.id).first();
    expect(annProfile?.snapshot).toBeUndefined();
    expect(annProfile?.url).toBe('https://www.linkedin.com/in/active/'); // the link stays
    for (const t of TABLES) expect(JSON.stringify(await d.table(t).toArray())).not.toContain(silent.id);
    expect(await d.contacts.get(customer.id)).toBeDefined();
    // nothing left to do
    expect(await dryRunRetention(policy, T0, d)).toMatchObject({ snapshots: [], contacts: [] });
  });

  it('deletes nothing the dry run did not show, and skips what got an interaction since', async () => {
    const old = T0 - 800 * DAY;
    const a = await addContact({ name: 'Quiet A', source: src, createdAt: old, updatedAt: old }, d);
    const policy = { snapshotDays: null, inactiveMonths: 6 };
    const plan = await dryRunRetention(policy, T0, d);
    await addContact({ name: 'Quiet B', source: src, createdAt: old, updatedAt: old }, d); // not in the dry run
    await addInteraction({ contactId: a.id, kind: 'call', direction: 'in', at: T0 - DAY, summary: 'called back' }, d);
    expect(await applyRetention(policy, plan, T0, d)).toEqual({ snapshots: 0, contacts: 0, skipped: 1 });
    expect(await d.contacts.count()).toBe(2);
  });
});
