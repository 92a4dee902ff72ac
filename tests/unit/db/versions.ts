import Dexie from 'dexie';
import { SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8 } from '@/lib/db/database';
import { DAY } from '@/lib/domain/time';

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

/** Writes `rows` into a fresh database created at `version` with `stores`. */
async function writeAt(name: string, version: number, stores: Record<string, string>, rows: Record<string, unknown[]>): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(version).stores(stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
  });
  old.close();
  return rows;
}

/**
 * Version 2 (smart groups and retention by index): contacts carry lastContactAt
 * (the v2 upgrade derives it), log lines a level; rows as v2's code wrote them,
 * including rule runs with seq and before, groups with a smart rule.
 */
export async function writeV2(name: string): Promise<Record<string, unknown[]>> {
  const src = { kind: 'import', ref: 'pipedrive.csv', at: T0 };
  const user = { kind: 'user', at: T0 + 10 };
  return writeAt(name, 2, SCHEMA_V2, {
    contacts: [
      { id: 'c1', name: 'Ольга Смирнова', firstName: 'Ольга', lastName: 'Смирнова', nameKeys: ['ольга', 'смирнова', 'olga', 'smirnova'], emails: ['olga@vector.example'], phones: ['+7 926 555-11-22'], company: 'Вектор', city: 'Казань', tags: ['vip', 'ru'], relation: 'customer', crmId: 'PD-17', source: src, createdAt: T0, updatedAt: T0 + 9, lastContactAt: T0 + 9 },
      { id: 'c2', name: 'John Miller', nameKeys: ['john', 'miller'], emails: ['john@contoso.example'], phones: [], tags: [], relation: 'prospect', languages: ['English'], interests: ['sailing'], birthday: { day: 3, month: 7 }, source: user, createdAt: T0, updatedAt: T0 },
      { id: 'c3', name: '<img src=x onerror=alert(1)> 🧨', nameKeys: ['img'], emails: [], phones: [], tags: [], source: src, createdAt: T0, updatedAt: T0 },
    ],
    profiles: [
      { id: 'p1', contactId: 'c1', network: 'vk', url: 'https://vk.com/olga.smirnova', linkedAt: T0, readAt: T0 + 3, snapshot: { kind: 'profile', fields: { name: { status: 'ok', value: 'Ольга Смирнова' } } } },
      { id: 'p2', contactId: 'c2', network: 'facebook', url: 'https://www.facebook.com/john.miller', linkedAt: T0 },
    ],
    notes: [
      { id: 'n1', contactId: 'c1', text: 'Prefers Telegram', createdAt: T0, updatedAt: T0 + 1, source: user },
      { id: 'n2', contactId: 'c2', text: 'Met at CeBIT', createdAt: T0, updatedAt: T0, source: src },
    ],
    interactions: [
      { id: 'i1', contactId: 'c1', kind: 'meeting', direction: 'in', at: T0 + 9, summary: 'Renewal', source: src },
      { id: 'i2', contactId: 'c1', kind: 'referral', direction: 'out', at: T0 + 5, summary: '', subject: 'c2', source: user },
    ],
    complaints: [{ id: 'k1', contactId: 'c1', subject: 'Сканер не подключается', state: 'resolved', openedAt: T0, closedAt: T0 + 7, productId: 'pr2', source: src }],
    purchases: [{ id: 'u1', contactId: 'c1', productId: 'pr2', at: T0 + 2, quantity: 1, amount: 120, currency: 'RUB', source: src }],
    products: [
      { id: 'pr1', sku: 'DOCK-1', name: 'Scanner Dock', price: 99, currency: 'EUR', relations: [] },
      { id: 'pr2', name: 'Scanner', relations: [{ kind: 'accessory-to', productId: 'pr1' }] },
    ],
    groups: [
      { id: 'g1', name: 'Kazan', color: '#4f6bed', createdAt: T0 },
      { id: 'g2', name: 'Quiet customers', color: '#c05621', createdAt: T0, rule: { all: [{ field: 'relation', op: 'is', value: 'customer' }, { field: 'lastContactAt', op: 'lt', value: 90 }] } },
    ],
    memberships: [{ groupId: 'g1', contactId: 'c1', addedAt: T0 }, { groupId: 'g1', contactId: 'c2', addedAt: T0 + 1 }],
    overrides: [{ contactId: 'c2', networkType: 'weak-tie-prospect', stage: 'prospecting', at: T0 }],
    workflowRules: [{ id: 'w1', name: 'Remind quiet customers', when: { field: 'relation', op: 'is', value: 'customer' }, then: { kind: 'remind', days: 30 }, enabled: false, createdAt: T0 }],
    ruleRuns: [{ id: 'r1', ruleId: 'w1', contactId: 'c1', at: T0, effect: { kind: 'set-stage', stage: 'closing-referrals' }, undone: true, seq: 0, before: { contactId: 'c1', networkType: 'team', at: T0 - 1 } }],
    reminders: [{ id: 'm1', contactId: 'c1', due: T0 + 30 * DAY, text: 'Check in', done: true }],
    settings: [{ key: 'rep', value: { company: 'Helix Software', city: 'Kazan', languages: ['Russian'] } }, { key: 'lastBackupAt', value: T0 }],
    log: [
      { id: 1, at: T0, level: 'warn', where: 'background:message', message: 'dropped: malformed message' },
      { id: 7, at: T0 + 1, level: 'error', where: 'content:extract', message: 'boom on vk.com', contactId: 'c1' },
    ],
  });
}

/**
 * Version 3 (derived network type, stage and tie score on each contact). Kept so
 * that the next version has its predecessor's generator ready.
 */
export async function writeV3(name: string): Promise<Record<string, unknown[]>> {
  const name2 = `${name}:v2-rows`;
  // v3 rows are v2 rows plus the derived fields on contacts
  const base = await writeV2(name2);
  await Dexie.delete(name2);
  const derived = [
    { networkType: 'strong-tie-champion', stage: 'closing-referrals', tieScore: 0.71 },
    { networkType: 'weak-tie-prospect', stage: 'prospecting', tieScore: 0.12 },
    { networkType: 'unclassified', stage: null, tieScore: 0 },
  ];
  const contacts = (base.contacts as object[]).map((c, i) => ({ ...c, ...derived[i % derived.length] }));
  return writeAt(name, 3, SCHEMA_V3, { ...base, contacts });
}

/**
 * Version 4 (the merge log; profiles keep each field's last good read): v3 rows,
 * profiles with fieldsAt and triedAt, and one merge in the log.
 */
export async function writeV4(name: string): Promise<Record<string, unknown[]>> {
  const name3 = `${name}:v3-rows`;
  const base = await writeV3(name3);
  await Dexie.delete(name3);
  const profiles = (base.profiles as Record<string, unknown>[]).map((p) =>
    p.snapshot ? { ...p, fieldsAt: { name: T0 + 3 }, triedAt: T0 + 20 } : p);
  const contacts = base.contacts as Record<string, unknown>[];
  const removed = { id: 'c9', name: 'O. Smirnova', nameKeys: ['smirnova'], emails: ['o.s@home.example'], phones: [], tags: [], source: { kind: 'user', at: T0 }, createdAt: T0 + 1, updatedAt: T0 + 1 };
  const merges = [{
    id: 'mg1', at: T0 + 30, survivorId: 'c1', removedId: 'c9', survivor: contacts[0], removed,
    merged: { ...contacts[0], emails: ['olga@vector.example', 'o.s@home.example'] },
    moved: { notes: ['n1'], profiles: [], interactions: [], purchases: [], complaints: [], reminders: [], ruleRuns: [] },
    movedLog: [], memberships: [], overrides: [],
  }];
  return writeAt(name, 4, SCHEMA_V4, { ...base, profiles, merges });
}

/**
 * Version 5 (deals and leads from CRM exports; the derived state on contacts): v4
 * rows, contacts with a state, a won deal with the purchase it made, an open deal,
 * a lead.
 */
export async function writeV5(name: string): Promise<Record<string, unknown[]>> {
  const name4 = `${name}:v4-rows`;
  const base = await writeV4(name4);
  await Dexie.delete(name4);
  const states = ['advocate', 'prospect', 'unknown'];
  const contacts = (base.contacts as Record<string, unknown>[]).map((c, i) => ({ ...c, state: states[i % states.length] }));
  const src = (line: number) => ({ kind: 'import', ref: `DEAL.csv:${line}`, at: T0 + 40 });
  const purchases = [...(base.purchases as object[]), { id: 'u2', contactId: 'c1', productId: 'pr1', at: T0 + 35, quantity: 1, amount: 99, currency: 'EUR', source: src(2), dealId: 'd1' }];
  const deals = [
    { id: 'd1', contactId: 'c1', key: 'id:bitrix24:deal:1001', kind: 'deal', crmId: '1001', title: 'Док-станции', company: 'Вектор', companyKey: 'вектор', stage: 'Сделка успешна', status: 'won', amount: 99, currency: 'EUR', product: 'Scanner Dock', owner: 'Мария Лосева', openedAt: T0 + 1, closedAt: T0 + 35, purchaseId: 'u2', source: src(2), updatedAt: T0 + 40 },
    { id: 'd2', contactId: 'c2', key: 'row:deal:abc', kind: 'deal', title: 'Pilot', company: 'Contoso', companyKey: 'contoso', stage: 'Proposal made', status: 'open', amount: 3000, currency: 'USD', openedAt: T0 + 2, source: src(3), updatedAt: T0 + 40, custom: [{ name: 'Probability', value: '40' }] },
    { id: 'd3', contactId: 'c3', key: 'id:bitrix24:lead:7', kind: 'lead', crmId: '7', stage: 'Новая', status: 'open', source: src(4), updatedAt: T0 + 40 },
  ];
  return writeAt(name, 5, SCHEMA_V5, { ...base, contacts, purchases, deals });
}

/**
 * Version 6 (the team book): v5 rows, a merge's mark and an erasure's, a question
 * two teammates left, and the sync engine's outbox and mirror (not data: not checked).
 */
export async function writeV6(name: string): Promise<Record<string, unknown[]>> {
  const name5 = `${name}:v5-rows`;
  const base = await writeV5(name5);
  await Dexie.delete(name5);
  const marks = [
    { id: 'c9', kind: 'merged', into: 'c1', at: T0 + 50 },
    { id: 'erased:5f0c1d3b2a', kind: 'erased', at: T0 + 51 },
  ];
  const questions = [{
    id: 'contacts:c1', contactId: 'c1', at: T0 + 52,
    fields: [{ field: 'position', versions: [{ value: 'CTO', by: 'olga', at: T0 + 52 }, { value: 'CEO', by: 'ivan', at: T0 + 51 }] }],
  }];
  const rows = await writeAt(name, 6, SCHEMA_V6, { ...base, marks, questions, outbox: [{ id: 'contacts:c1', seq: 'a.1' }], mirror: [{ id: 'contacts:c2', rev: '1-abc' }] });
  delete rows.outbox;
  delete rows.mirror;
  return rows;
}

/**
 * Version 7 (the organisation key on contacts): v6 rows, each contact that names a
 * company with its key, as v7's data layer writes it.
 */
export async function writeV7(name: string): Promise<Record<string, unknown[]>> {
  const name6 = `${name}:v6-rows`;
  const base = await writeV6(name6);
  await Dexie.delete(name6);
  const keys: Record<string, string> = { 'Вектор': 'vektor' };
  const contacts = (base.contacts as Record<string, unknown>[]).map((c) =>
    typeof c.company === 'string' && keys[c.company] ? { ...c, companyKey: keys[c.company] } : c);
  return writeAt(name, 7, SCHEMA_V7, { ...base, contacts });
}

/** Version 8 (unqueried contact indexes dropped): v7's rows as they are. */
export async function writeV8(name: string): Promise<Record<string, unknown[]>> {
  const name7 = `${name}:v7-rows`;
  const base = await writeV7(name7);
  await Dexie.delete(name7);
  return writeAt(name, 8, SCHEMA_V8, base);
}

/** A generator for every schema version this project has had, by version number. */
export const GENERATORS: Record<number, (name: string) => Promise<Record<string, unknown[]>>> = {
  1: writeV1,
  2: writeV2,
  3: writeV3,
  4: writeV4,
  5: writeV5,
  6: writeV6,
  7: writeV7,
  8: writeV8,
};

/** The version that added each table (tables not listed are from version 1). */
export const TABLE_SINCE: Record<string, number> = { merges: 4, deals: 5, marks: 6, questions: 6 };
