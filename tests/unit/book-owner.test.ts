import 'fake-indexeddb/auto';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { loadOverview, loadOwners } from '@/lib/db/dashboard';
import { loadDemoBook } from '@/lib/demo/load';
import { matchesOwner, ownerCounts, ownerCondition } from '@/lib/book/owner';
import { filterToCondition } from '@/lib/book/filter';
import { BookModel } from '@/lib/book/model';
import { toRow } from '@/lib/book/row';
import { DEFAULT_EXPORT_COLUMNS, exportCsv, exportRecord } from '@/lib/book/export';
import { contactFacts, evaluateCondition } from '@/lib/workflow/condition';
import type { Contact } from '@/lib/domain/entities';

const T0 = Date.UTC(2025, 5, 15, 12);

const contact = (id: string, name: string, extra: Partial<Contact> = {}): Contact => ({
  id, name, emails: [], phones: [], tags: [], nameKeys: [], source: { kind: 'import', at: 0 }, createdAt: 0, updatedAt: 0, ...extra,
});

// the CRM's owner wins; else the teammate who wrote the contact first; else none
const BOOK = [
  contact('a', 'Anna', { owner: 'Olga' }),
  contact('b', 'Boris', { owner: ' olga ' }),
  contact('c', 'Chen', { source: { kind: 'user', at: 0, by: 'Kate' } }),
  contact('d', 'Dmitri', { owner: 'Kate', source: { kind: 'user', at: 0, by: 'Olga' } }),
  contact('e', 'Eve'),
  contact('f', 'Farid', { owner: '   ' }),
];

describe('the Owner filter (lib/book/owner.ts)', () => {
  it('lists every distinct owner once (case and spaces aside), sorted, with the contacts without one', () => {
    expect(ownerCounts(BOOK.map((c) => toRow(c).owner))).toEqual({ owners: [{ name: 'Kate', count: 2 }, { name: 'Olga', count: 2 }], none: 2 });
  });

  it('matches one owner, or none; no filter matches all', () => {
    const owners = BOOK.map((c) => toRow(c).owner);
    expect(owners).toEqual(['Olga', 'olga', 'Kate', 'Kate', undefined, undefined]);
    expect(BOOK.filter((c, i) => matchesOwner(owners[i], { name: 'OLGA' })).map((c) => c.id)).toEqual(['a', 'b']);
    expect(BOOK.filter((c, i) => matchesOwner(owners[i], { none: true })).map((c) => c.id)).toEqual(['e', 'f']);
    expect(BOOK.filter((c, i) => matchesOwner(owners[i], undefined))).toHaveLength(6);
  });

  it('the book: the filter narrows the list, the Owner column sorts (no owner last), and the rule is a smart group’s too', () => {
    const m = new BookModel('en');
    m.load(BOOK.map((c) => toRow(c)), [], []);
    const q = (owner: Parameters<typeof ownerCondition>[0]) => m.query({ condition: filterToCondition({ owner }), now: T0 });
    expect(q({ name: 'Kate' })).toEqual(['c', 'd']);
    expect(q({ none: true })).toEqual(['e', 'f']);
    expect(m.query({ condition: filterToCondition({ owner: { name: 'Olga' }, company: 'x' }), now: T0 })).toEqual([]);
    expect(m.query({ sort: 'owner', dir: 'asc', now: T0 })).toEqual(['c', 'd', 'a', 'b', 'e', 'f']);
    expect(m.query({ sort: 'owner', dir: 'desc', now: T0 })).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(m.owners()).toEqual({ owners: [{ name: 'Kate', count: 2 }, { name: 'Olga', count: 2 }], none: 2 });
    // the dashboard's evaluator of smart groups reads the same owner
    const facts = BOOK.map((c) => contactFacts(c, {}, T0));
    expect(BOOK.filter((_, i) => evaluateCondition(ownerCondition({ name: 'kate' }), facts[i])).map((c) => c.id)).toEqual(['c', 'd']);
  });

  it('the export has an Owner column, by default', () => {
    expect(DEFAULT_EXPORT_COLUMNS).toContain('owner');
    const records = BOOK.map((c) => exportRecord(c, toRow(c), [], ['name', 'owner']));
    expect(exportCsv(records, ['name', 'owner']).replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean)).toEqual([
      'Name,Owner', 'Anna,Olga', 'Boris,olga', 'Chen,Kate', 'Dmitri,Kate', 'Eve,', 'Farid,',
    ]);
  });
});

describe('the dashboard per owner (lib/db/dashboard.ts)', () => {
  let d: TiewiseDB;
  beforeAll(async () => {
    d = new TiewiseDB('book-owner-dashboard');
    await openDatabase(d);
    await loadDemoBook(T0, d);
    // Olga owns Anna (the CRM says so); Kate wrote Ольга Смирнова's contact; the rest have none
    const olga = (await d.contacts.toArray()).find((c) => c.name === 'Ольга Смирнова')!;
    await d.contacts.update('demo-anna', { owner: 'Olga' });
    await d.contacts.update(olga.id, { source: { ...olga.source, by: 'Kate' } });
  });
  afterAll(() => d.close());

  it('offers the owners and the contacts without one', async () => {
    const all = await loadOverview(T0, d);
    expect(await loadOwners(d)).toEqual({ owners: [{ name: 'Kate', count: 1 }, { name: 'Olga', count: 1 }], none: all.total - 2 });
  });

  it('one owner’s figures are those of their contacts only (Anna: her referral, her three purchase days)', async () => {
    const o = await loadOverview(T0, d, { name: 'Olga' });
    expect(o.total).toBe(1);
    expect(o.referrals.total).toBe(1);
    expect(o.referrals.list.map((r) => r.contact?.name)).toEqual(['Anna Kowalski']);
    expect(o.repeat.list.map((r) => [r.contact?.name, r.days])).toEqual([['Anna Kowalski', 3]]);
    expect(o.networkTypes.reduce((a, b) => a + b.count, 0)).toBe(1);
  });

  it('the owners and “no owner” add up to the whole book, figure by figure', async () => {
    const all = await loadOverview(T0, d);
    const parts = await Promise.all([{ name: 'Olga' }, { name: 'Kate' }, { none: true as const }].map((f) => loadOverview(T0, d, f)));
    const sum = (pick: (o: typeof all) => number) => parts.reduce((a, o) => a + pick(o), 0);
    expect(sum((o) => o.total)).toBe(all.total);
    for (const k of all.networkTypes.keys()) expect(sum((o) => o.networkTypes[k].count)).toBe(all.networkTypes[k].count);
    for (const k of all.stages.keys()) expect(sum((o) => o.stages[k].count)).toBe(all.stages[k].count);
    expect(sum((o) => o.referrals.total)).toBe(all.referrals.total);
    expect(sum((o) => o.repeat.buyers)).toBe(all.repeat.buyers);
    expect(sum((o) => o.conversions.total)).toBe(all.conversions.total);
    for (const g of all.groups) expect(sum((o) => o.groups.find((x) => x.id === g.id)!.size)).toBe(g.size);
    for (const k of ['created', 'updated', 'notes', 'interactions', 'purchases'] as const) expect(sum((o) => o.week[k])).toBe(all.week[k]);
    expect(all.referrals.total).toBe(2);
  });
});
