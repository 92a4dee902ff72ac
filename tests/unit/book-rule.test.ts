import fc from 'fast-check';
import { compile, evaluate, ruleFields } from '@/lib/book/rule';
import { toRow, type BookRow } from '@/lib/book/row';
import { filterToCondition } from '@/lib/book/filter';
import type { Condition, Contact } from '@/lib/domain/entities';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2025, 5, 1);
const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'c1', name: 'Anna Kowalski', emails: ['anna@acme.example'], phones: [], tags: [], nameKeys: [],
  source: { kind: 'user', at: 0 }, createdAt: 0, updatedAt: 0, ...over,
});
const row = (over: Partial<Contact> = {}, facts = {}): BookRow => toRow(contact(over), facts);

describe('smart-group rules', () => {
  const champAtAcme: Condition = { all: [{ field: 'networkType', op: 'is', value: 'strong-tie-champion' }, { field: 'company', op: 'is', value: 'Acme' }] };
  const boughtXQuiet: Condition = { all: [{ field: 'product', op: 'is', value: 'p-x' }, { field: 'daysSinceContact', op: 'gt', value: 90 }] };

  it('"network type is champion and company is Acme"', () => {
    expect(evaluate(champAtAcme, row({ networkType: 'strong-tie-champion', company: 'ACME ' }), NOW)).toBe(true);
    expect(evaluate(champAtAcme, row({ networkType: 'strong-tie-champion', company: 'Globex' }), NOW)).toBe(false);
    expect(evaluate(champAtAcme, row({ networkType: 'team', company: 'Acme' }), NOW)).toBe(false);
  });

  it('"bought Product X and no contact in 90 days"', () => {
    expect(evaluate(boughtXQuiet, row({ lastContactAt: NOW - 120 * DAY }, { products: ['p-x'] }), NOW)).toBe(true);
    expect(evaluate(boughtXQuiet, row({ lastContactAt: NOW - 30 * DAY }, { products: ['p-x'] }), NOW)).toBe(false);
    expect(evaluate(boughtXQuiet, row({ lastContactAt: NOW - 120 * DAY }, { products: ['p-y'] }), NOW)).toBe(false);
  });

  it('fields a contact lacks: comparisons are false, is-not is true, nothing throws', () => {
    const bare = row({ emails: [] });
    const cases: [Condition, boolean][] = [
      [{ field: 'company', op: 'is', value: 'Acme' }, false],
      [{ field: 'company', op: 'contains', value: 'a' }, false],
      [{ field: 'company', op: 'is-not', value: 'Acme' }, true],
      [{ field: 'company', op: 'exists' }, false],
      [{ field: 'daysSinceContact', op: 'gt', value: 90 }, false],
      [{ field: 'daysSinceContact', op: 'lt', value: 90 }, false],
      [{ not: { field: 'daysSinceContact', op: 'exists' } }, true],
      [{ field: 'tieScore', op: 'gt', value: 0.5 }, false],
      [{ field: 'stage', op: 'is', value: 'prospecting' }, false],
      [{ field: 'product', op: 'is', value: 'p-x' }, false],
      [{ field: 'product', op: 'is-not', value: 'p-x' }, true],
      [{ field: 'email', op: 'exists' }, false],
      [{ field: 'group', op: 'is', value: 'g1' }, false],
    ];
    for (const [c, want] of cases) expect([c, evaluate(c, bare, NOW)]).toEqual([c, want]);
  });

  it('unknown fields, wrong value types and malformed rules are false, not exceptions', () => {
    const r = row({ company: 'Acme', tieScore: 0.7 });
    expect(evaluate({ field: 'shoeSize', op: 'is', value: 42 }, r, NOW)).toBe(false);
    expect(evaluate({ field: 'tieScore', op: 'gt', value: 'high' }, r, NOW)).toBe(false);
    expect(evaluate({ field: 'tieScore', op: 'gt', value: '0.5' }, r, NOW)).toBe(true);
    expect(evaluate({ field: 'company', op: 'gt', value: 3 }, r, NOW)).toBe(false);
    expect(evaluate({ field: 'company', op: 'is' }, r, NOW)).toBe(false);
    expect(evaluate({ bogus: true } as unknown as Condition, r, NOW)).toBe(false);
    expect(evaluate({ all: [null] } as unknown as Condition, r, NOW)).toBe(false);
    expect(evaluate({ all: [] }, r, NOW)).toBe(true);
    expect(evaluate({ any: [] }, r, NOW)).toBe(false);
  });

  it('any and not combine', () => {
    const c: Condition = { any: [{ field: 'city', op: 'is', value: 'Москва' }, { not: { field: 'relation', op: 'is', value: 'customer' } }] };
    expect(evaluate(c, row({ city: 'москва', relation: 'customer' }), NOW)).toBe(true);
    expect(evaluate(c, row({ city: 'Berlin', relation: 'customer' }), NOW)).toBe(false);
    expect(evaluate(c, row({ city: 'Berlin' }), NOW)).toBe(true);
    expect(ruleFields(c).sort()).toEqual(['city', 'relation']);
  });

  it('is-not is the exact negation of is, on any row (property)', () => {
    const arbRow = fc.record({
      company: fc.option(fc.constantFrom('Acme', 'acme', 'Globex', ''), { nil: undefined }),
      tieScore: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      lastContactAt: fc.option(fc.integer({ min: NOW - 400 * DAY, max: NOW }), { nil: undefined }),
      products: fc.array(fc.constantFrom('p-x', 'p-y')),
    });
    const arbLeaf = fc.record({
      field: fc.constantFrom('company', 'tieScore', 'daysSinceContact', 'product', 'nope'),
      value: fc.oneof(fc.constantFrom('Acme', 'p-x', '90'), fc.integer({ min: 0, max: 200 })),
    });
    fc.assert(fc.property(arbRow, arbLeaf, (r, l) => {
      const x = row({ company: r.company, tieScore: r.tieScore, lastContactAt: r.lastContactAt }, { products: r.products });
      if (l.field === 'nope') return evaluate({ ...l, op: 'is-not' }, x, NOW) === false;
      return evaluate({ ...l, op: 'is' }, x, NOW) === !evaluate({ ...l, op: 'is-not' }, x, NOW);
    }));
  });

  it('a compiled rule counts many rows without re-reading the rule', () => {
    const p = compile(boughtXQuiet, NOW);
    const rows = Array.from({ length: 1000 }, (_, i) => row({ id: `c${i}`, lastContactAt: NOW - i * DAY }, { products: i % 2 ? ['p-x'] : [] }));
    expect(rows.filter(p).length).toBe(rows.filter((_, i) => i % 2 === 1 && i > 90).length);
  });
});

describe('the filter bar as a condition', () => {
  it('an empty filter is no condition', () => {
    expect(filterToCondition({})).toBeUndefined();
    expect(filterToCondition({ company: '  ' })).toBeUndefined();
  });
  it('each filter becomes a clause, several network types are "any of"', () => {
    const c = filterToCondition({ networkTypes: ['team', 'referral-advocate'], city: 'Berlin', productId: 'p-x', minDaysSinceContact: 90 })!;
    expect(evaluate(c, row({ networkType: 'team', city: 'Berlin', lastContactAt: NOW - 90 * DAY }, { products: ['p-x'] }), NOW)).toBe(true);
    expect(evaluate(c, row({ networkType: 'team', city: 'Berlin', lastContactAt: NOW - 89 * DAY }, { products: ['p-x'] }), NOW)).toBe(false);
    expect(evaluate(c, row({ networkType: 'unclassified', city: 'Berlin', lastContactAt: NOW - 99 * DAY }, { products: ['p-x'] }), NOW)).toBe(false);
  });
  it('a smart group filter is its rule; a plain one is membership', () => {
    const rule: Condition = { field: 'relation', op: 'is', value: 'customer' };
    expect(filterToCondition({ groupId: 'g' }, rule)).toEqual(rule);
    expect(evaluate(filterToCondition({ groupId: 'g' })!, row({}, { groups: ['g'] }), NOW)).toBe(true);
  });
});
