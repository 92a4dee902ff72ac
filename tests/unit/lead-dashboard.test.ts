import 'fake-indexeddb/auto';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { loadOverview } from '@/lib/db/dashboard';
import {
  conversions, countNetworkTypes, countStages, groupSizes, lastMonths, perMonth, referrers,
  repeatBuyers, weekChanges,
} from '@/lib/dashboard/figures';
import { loadDemoBook } from '@/lib/demo/load';
import { demoBook } from '@/lib/demo/book';
import { DAY } from '@/lib/domain/time';

const T0 = Date.UTC(2025, 5, 15, 12); // 15 June 2025, noon UTC

describe('dashboard aggregations (hand-computed)', () => {
  it('counts network types, the unassessed as unclassified, in the model order', () => {
    expect(countNetworkTypes(['team', 'team', 'weak-tie-prospect', undefined, 'unclassified'])).toEqual([
      { key: 'weak-tie-prospect', count: 1 },
      { key: 'strong-tie-champion', count: 0 },
      { key: 'team', count: 2 },
      { key: 'referral-advocate', count: 0 },
      { key: 'unclassified', count: 2 },
    ]);
  });

  it('counts stages, and the contacts with none', () => {
    expect(countStages(['prospecting', 'prospecting', 'closing-referrals'], 5)).toEqual([
      { key: 'prospecting', count: 2 },
      { key: 'entering-account', count: 0 },
      { key: 'solution-team', count: 0 },
      { key: 'closing-referrals', count: 1 },
      { key: 'none', count: 2 },
    ]);
  });

  it('a repeat buyer bought on two different days; one order of several lines is one day', () => {
    const r = repeatBuyers([
      { contactId: 'a', at: T0 }, { contactId: 'a', at: T0 + 1000 }, // one order, two lines
      { contactId: 'b', at: T0 }, { contactId: 'b', at: T0 - 30 * DAY }, { contactId: 'b', at: T0 - 60 * DAY },
      { contactId: 'c', at: T0 }, { contactId: 'c', at: T0 - 2 * DAY },
    ]);
    expect(r.buyers).toBe(3);
    expect(r.repeat.map((x) => [x.contactId, x.days])).toEqual([['b', 3], ['c', 2]]);
  });

  it('lists twelve months ending with the current one, and buckets times into them', () => {
    const months = lastMonths(T0, 3);
    expect(months).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(perMonth([T0, T0 - 20 * DAY, T0 - 400 * DAY, Date.UTC(2025, 3, 1)], months)).toEqual([
      { month: '2025-04', count: 1 }, { month: '2025-05', count: 1 }, { month: '2025-06', count: 1 },
    ]);
    expect(lastMonths(Date.UTC(2025, 0, 10), 2)).toEqual(['2024-12', '2025-01']);
  });

  it('referrals given, per contact, most first', () => {
    expect(referrers([{ contactId: 'a', at: 1 }, { contactId: 'b', at: 5 }, { contactId: 'a', at: 3 }])).toEqual([
      { contactId: 'a', count: 2, last: 3 }, { contactId: 'b', count: 1, last: 5 },
    ]);
  });

  it('a lead became a customer on its first purchase after it was added; earlier buyers were customers already', () => {
    const r = conversions(
      [{ id: 'lead', createdAt: T0 - 100 * DAY }, { id: 'imported', createdAt: T0 }, { id: 'never', createdAt: 0 }],
      [{ contactId: 'lead', at: T0 - 10 * DAY }, { contactId: 'lead', at: T0 - 50 * DAY }, { contactId: 'imported', at: T0 - 300 * DAY }],
    );
    expect(r.converted).toEqual([{ contactId: 'lead', addedAt: T0 - 100 * DAY, firstPurchaseAt: T0 - 50 * DAY }]);
    expect(r.alreadyCustomers).toBe(1);
  });

  it('what changed this week: created and (only) updated contacts, notes, interactions, purchases', () => {
    const since = T0 - 7 * DAY;
    expect(weekChanges(
      since,
      [{ createdAt: T0, updatedAt: T0 }, { createdAt: 0, updatedAt: T0 }, { createdAt: 0, updatedAt: 0 }],
      [{ createdAt: T0 }, { createdAt: since - 1 }],
      [{ at: since }, { at: T0 }],
      [{ at: 0 }],
    )).toEqual({ created: 1, updated: 1, notes: 1, interactions: 2, purchases: 0 });
  });

  it('group sizes: plain by membership, smart by rule', () => {
    const g = (id: string, rule?: object) => ({ id, name: id, color: '', createdAt: 0, rule: rule as never });
    expect(groupSizes([g('x'), g('y'), g('s', { field: 'relation', op: 'is', value: 'customer' })], ['x', 'y', 'x'], new Map([['s', 7]])))
      .toEqual([
        { id: 's', name: 's', smart: true, size: 7, createdAt: 0 },
        { id: 'x', name: 'x', smart: false, size: 2, createdAt: 0 },
        { id: 'y', name: 'y', smart: false, size: 1, createdAt: 0 },
      ]);
  });
});

describe('the overview read from the demo book', () => {
  it('adds up to the book, and agrees with the demo data', async () => {
    const d = new TiewiseDB('lead-dashboard-demo');
    await openDatabase(d);
    await loadDemoBook(T0, d);
    const o = await loadOverview(T0, d);
    const book = demoBook(T0);
    expect(o.total).toBe(book.contacts.length);
    expect(o.networkTypes.reduce((a, b) => a + b.count, 0)).toBe(o.total);
    expect(o.stages.reduce((a, b) => a + b.count, 0)).toBe(o.total);
    // Anna and Olga gave one referral each (lib/demo/book.ts)
    expect(o.referrals.total).toBe(2);
    expect(o.referrals.list.map((r) => r.contact?.name).sort()).toEqual(['Anna Kowalski', 'Ольга Смирнова']);
    // every demo contact was added 400 days ago, before any purchase: every buyer converted
    const buyers = new Set(book.purchases.map((p) => p.contactId)).size;
    expect(o.conversions.total).toBe(buyers);
    expect(o.repeat.buyers).toBe(buyers);
    expect(o.repeat.list.find((r) => r.contactId === 'demo-anna')?.days).toBe(3); // days 300, 150, 90
    const moscow = o.groups.find((g) => g.id === 'demo-g-moscow');
    expect(moscow).toMatchObject({ size: 3, smart: false });
    expect(o.groups.find((g) => g.smart)?.size).toBeGreaterThanOrEqual(0);
    expect(o.week.notes).toBe(book.notes.filter((n) => n.createdAt >= T0 - 7 * DAY).length);
    expect(o.week.interactions).toBe(book.interactions.filter((i) => i.at >= T0 - 7 * DAY).length);
    d.close();
  });
});
