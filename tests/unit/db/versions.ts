import Dexie from 'dexie';
import { SCHEMA_V1 } from '@/lib/db/database';

// Generators of databases as each earlier schema version of Tiewise wrote them.
// Each writes at least one row into every table that version had.

const T0 = Date.UTC(2026, 0, 15);

export async function writeV1(name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  const src = { kind: 'import', ref: 'hubspot.csv', at: T0 };
  const rows: Record<string, unknown[]> = {
    contacts: [
      { id: 'c1', name: 'Иван Петров', nameKeys: ['иван', 'петров'], emails: ['i.petrov@globex.example'], phones: [], tags: ['vip'], relation: 'prospect', source: src, createdAt: T0, updatedAt: T0 },
      { id: 'c2', name: 'Anna Kowalski', nameKeys: ['anna', 'kowalski'], emails: [], phones: ['+49 30 1234'], tags: [], relation: 'customer', source: src, createdAt: T0, updatedAt: T0, lastContactAt: T0 + 5 },
    ],
    profiles: [{ id: 'p1', contactId: 'c2', network: 'linkedin', url: 'https://www.linkedin.com/in/anna-kowalski-42/', linkedAt: T0 }],
    notes: [{ id: 'n1', contactId: 'c1', text: 'Болеет за ЦСКА', createdAt: T0, updatedAt: T0, source: src }],
    interactions: [{ id: 'i1', contactId: 'c1', kind: 'call', direction: 'out', at: T0 + 1000, summary: '', source: src }],
    complaints: [{ id: 'k1', contactId: 'c2', subject: 'Export slow', state: 'open', openedAt: T0, source: src }],
    purchases: [{ id: 'u1', contactId: 'c2', productId: 'pr1', at: T0, quantity: 2, amount: 980, currency: 'EUR', source: src }],
    products: [{ id: 'pr1', name: 'CloudDesk Basic', relations: [] }],
    groups: [{ id: 'g1', name: 'Moscow prospects', color: '#c05621', createdAt: T0 }],
    memberships: [{ groupId: 'g1', contactId: 'c1', addedAt: T0 }],
    overrides: [{ contactId: 'c1', networkType: 'strong-tie-champion', at: T0 }],
    workflowRules: [{ id: 'w1', name: 'Tag VIPs', when: { field: 'company', op: 'is', value: 'Globex' }, then: { kind: 'add-tag', tag: 'vip' }, enabled: true, createdAt: T0 }],
    ruleRuns: [{ id: 'r1', ruleId: 'w1', contactId: 'c1', at: T0, effect: { kind: 'add-tag', tag: 'vip' }, undone: false }],
    reminders: [{ id: 'm1', contactId: 'c1', due: T0 + 86_400_000, text: 'Call back', done: false }],
    settings: [{ key: 'rep', value: { company: 'Helix Software' } }],
    log: [{ id: 1, at: T0, level: 'warn', where: 'test', message: 'dropped' }],
  };
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  });
  old.close();
  return rows;
}
