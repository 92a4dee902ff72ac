// lib/db/derive.ts keeps the stored tags in step with the model (issue 20): a weak
// contact at an organisation where the rep has a champion is stored at stage 2,
// and the panel's judgement names that champion.
import 'fake-indexeddb/auto';
import { TiewiseDB, useDatabase } from '@/lib/db/database';
import { assessContact, assessRecord, refreshAllTies } from '@/lib/db/derive';
import { getContactRecord } from '@/lib/db/record';
import type { Contact, Interaction } from '@/lib/domain/entities';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2026, 5, 1);
const src = { kind: 'user' as const, at: 0 };
const person = (id: string, name: string, company: string): Contact => ({
  id, name, company, relation: 'prospect', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0,
});
let k = 0;
const ix = (contactId: string, days: number, kind: Interaction['kind'], direction: Interaction['direction']): Interaction => ({
  id: `i${++k}`, contactId, kind, direction, at: NOW - days * DAY, summary: 'working session', source: src,
});

describe('derive: accounts decide the stage', () => {
  it('refreshAllTies stores the champion at stage 2 and the weak contact there as a stage-2 stakeholder', async () => {
    const d = new TiewiseDB(`derive-${Date.now()}`);
    useDatabase(d);
    await d.contacts.bulkPut([person('ivan', 'Ivan Petrov', 'Acme'), person('boris', 'Boris Orlov', 'Acme'), person('zoe', 'Zoe Hart', 'Globex')]);
    await d.interactions.bulkPut([
      ...Array.from({ length: 10 }, (_, i) => ix('ivan', 5 + i * 12, 'meeting', 'in')),
      ...Array.from({ length: 6 }, (_, i) => ix('ivan', 6 + i * 15, 'email', 'in')),
      ix('boris', 40, 'email', 'out'),
      ix('zoe', 40, 'email', 'out'),
    ]);
    await refreshAllTies(NOW, d);
    const [ivan, boris, zoe] = await d.contacts.bulkGet(['ivan', 'boris', 'zoe']);
    expect(ivan).toMatchObject({ networkType: 'strong-tie-champion', stage: 'entering-account' });
    expect(boris).toMatchObject({ networkType: 'weak-tie-prospect', stage: 'entering-account' });
    expect(zoe).toMatchObject({ networkType: 'weak-tie-prospect', stage: 'prospecting' });
    const a = await assessRecord((await getContactRecord('boris', d))!, NOW, d);
    expect(a.classification).toMatchObject({ state: 'stakeholder', champion: 'Ivan Petrov' });
    // the panel's way (the organisation read beside the record): the same judgement
    expect(await assessContact('boris', undefined, NOW, d)).toEqual(a);
    expect(await assessContact('boris', getContactRecord('boris', d), NOW, d)).toEqual(a);
    expect(await assessContact('nobody', undefined, NOW, d)).toBeUndefined();
  });
});
