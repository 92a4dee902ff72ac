import fc from 'fast-check';
import { FPGrowth } from 'node-fpgrowth';
import type { Product, Purchase } from '../../lib/domain/entities';
import { RuleCache, fpGrowth, indexRules, mineRules, purchasesVersion, suggest, type Rule } from '../../lib/model/crosssell';

let n = 0;
const src = { kind: 'import' as const, at: 0 };
const buy = (contactId: string, productId: string, at = 0): Purchase => ({
  id: `b${++n}`, contactId, productId, at, quantity: 1, amount: 1, currency: 'USD', source: src,
});
const baskets = (bs: Record<string, string[]>) => Object.entries(bs).flatMap(([c, ps]) => ps.map((p) => buy(c, p)));
const product = (id: string, relations: Product['relations'] = []): Product => ({ id, name: id, relations });

/**
 * Five customers:      A B C D
 *   t1: A B C          counts: A 4, B 4, C 2, D 2
 *   t2: A B                    AB 3, AC 2, BD 2, AD 1, BC 1, CD 0
 *   t3: A C                    ABC 1, ABD 1
 *   t4: B D
 *   t5: A B D
 */
const book = baskets({ t1: ['A', 'B', 'C'], t2: ['A', 'B'], t3: ['A', 'C'], t4: ['B', 'D'], t5: ['A', 'B', 'D', 'A'] });

describe('mineRules on a hand-computed basket set', () => {
  const rules = mineRules(book, { minSupport: 0.4, minConfidence: 0.5 });
  const find = (a: string[], c: string) => rules.find((r) => r.antecedent.join() === a.join() && r.consequent === c);

  it('finds exactly the rules above the thresholds', () => {
    expect(rules.map((r) => `${r.antecedent.join('+')}→${r.consequent}`).sort()).toEqual(['A→B', 'A→C', 'B→A', 'B→D', 'C→A', 'D→B']);
  });

  it('computes support, confidence and lift exactly', () => {
    expect(find(['A'], 'B')).toEqual({ antecedent: ['A'], consequent: 'B', count: 3, support: 3 / 5, confidence: 3 / 4, lift: 3 / 4 / (4 / 5) });
    expect(find(['C'], 'A')).toMatchObject({ count: 2, support: 0.4, confidence: 1, lift: 1.25 });
    expect(find(['B'], 'D')).toMatchObject({ count: 2, support: 0.4, confidence: 0.5, lift: 1.25 });
    expect(find(['A'], 'C')).toMatchObject({ confidence: 0.5, lift: 1.25 });
    expect(find(['A'], 'B')!.lift).toBeCloseTo(0.9375, 12);
  });

  it('mines 3-itemsets when support allows, with the 2-item antecedent', () => {
    const r = mineRules(book, { minSupport: 0.2, minConfidence: 0.5, minCount: 1 });
    expect(r.find((x) => x.antecedent.join() === 'A,C' && x.consequent === 'B')).toMatchObject({ count: 1, confidence: 0.5, support: 0.2, lift: 0.5 / 0.8 });
    expect(r.find((x) => x.antecedent.join() === 'B,C' && x.consequent === 'A')).toMatchObject({ confidence: 1, lift: 1.25 });
    expect(mineRules(book, { minSupport: 0.2, minConfidence: 0, minCount: 1, maxLength: 2 }).every((x) => x.antecedent.length === 1)).toBe(true);
  });

  it('an empty book has no rules', () => {
    expect(mineRules([], { minSupport: 0.1, minConfidence: 0.1 })).toEqual([]);
  });
});

describe('fpGrowth agrees with brute force and with node-fpgrowth', () => {
  const key = (xs: number[]) => [...xs].sort((a, b) => a - b).join(',');
  const arbTx = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 25 });

  it('brute force (property)', () => {
    fc.assert(
      fc.property(arbTx, fc.integer({ min: 1, max: 4 }), (txs, minCount) => {
        const { itemsets, order } = fpGrowth(txs, minCount, 3);
        const got = new Map(itemsets.map((s) => [key(s.items.map((r) => order[r])), s.count]));
        const want = new Map<string, number>();
        const items = [...new Set(txs.flat())];
        const subsets: number[][] = [];
        for (const a of items) {
          subsets.push([a]);
          for (const b of items) if (b > a) {
            subsets.push([a, b]);
            for (const c of items) if (c > b) subsets.push([a, b, c]);
          }
        }
        for (const s of subsets) {
          const c = txs.filter((t) => s.every((x) => t.includes(x))).length;
          if (c >= minCount) want.set(key(s), c);
        }
        expect(got).toEqual(want);
        expect(itemsets.length).toBe(got.size); // each itemset found once
      }),
    );
  });

  it('node-fpgrowth as an oracle (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbTx, fc.integer({ min: 1, max: 4 }), async (txs, minCount) => {
        const { itemsets, order } = fpGrowth(txs, minCount, 8);
        const got = new Map(itemsets.map((s) => [key(s.items.map((r) => order[r])), s.count]));
        const oracle = await new FPGrowth<number>((minCount - 0.5) / txs.length).exec(txs.map((t) => [...t]));
        expect(got).toEqual(new Map(oracle.map((s) => [key(s.items), s.support])));
      }),
      { numRuns: 60 },
    );
  });
});

describe('suggest', () => {
  const catalogue = [
    product('base'),
    product('pro', [{ kind: 'upgrade-of', productId: 'base' }]),
    product('case', [{ kind: 'accessory-to', productId: 'base' }]),
    product('v2', [{ kind: 'replaces', productId: 'v1' }]),
    product('v1'),
    product('cable'),
    product('mouse'),
  ];
  const rule = (antecedent: string[], consequent: string, confidence: number, lift: number): Rule => ({ antecedent, consequent, confidence, lift, support: 0.1, count: 10 });
  const rules = [
    rule(['base'], 'cable', 0.6, 3),
    rule(['base'], 'case', 0.5, 2),
    rule(['base'], 'mouse', 0.9, 1), // no better than chance
    rule(['base', 'cable'], 'mouse', 0.8, 5),
    rule(['v1'], 'base', 0.4, 2),
  ];

  it('ranks by relation bonus + confidence × (1 − 1/lift), with reasons', () => {
    const s = suggest(['base'], catalogue, rules);
    // an accessory that is also bought together (0.8 + 0.25) edges out a bare upgrade (1)
    expect(s.map((x) => x.productId)).toEqual(['case', 'pro', 'cable']);
    expect(s[1]).toEqual({ productId: 'pro', score: 1, reasons: [{ code: 'upgrade-of', detail: { fromProductId: 'base' } }] });
    expect(s[0].score).toBeCloseTo(0.8 + 0.5 * 0.5, 12);
    expect(s[0].reasons.map((r) => r.code)).toEqual(['accessory-to', 'bought-together']);
    expect(s[2].score).toBeCloseTo(0.6 * (2 / 3), 12);
    expect(s[2].reasons[0]).toEqual({ code: 'bought-together', detail: { fromProductId: 'base', fromProductIds: ['base'], confidence: 0.6, lift: 3, support: 0.1, count: 10 } });
  });

  it('uses multi-item antecedents only when all are owned', () => {
    const s = suggest(['base', 'cable'], catalogue, indexRules(rules));
    expect(s.find((x) => x.productId === 'mouse')!.score).toBeCloseTo(0.8 * 0.8, 12);
  });

  it('excludes what they own, and what an owned product upgrades or replaces', () => {
    const s = suggest([buy('x', 'pro'), buy('x', 'v2')], catalogue, rules).map((x) => x.productId);
    expect(s).not.toContain('base');
    expect(s).not.toContain('v1');
    expect(s).not.toContain('pro');
    const t = suggest(['v1'], catalogue, rules).map((x) => x.productId);
    expect(t).toEqual(['v2', 'base']);
  });

  it('works end to end from purchases', () => {
    const r = mineRules(book, { minSupport: 0.4, minConfidence: 0.5 });
    const abcd = ['A', 'B', 'C', 'D'].map((id) => product(id));
    // C→A: confidence 1, lift 1.25 → 1 × (1 − 1/1.25) = 0.2; A→B has lift < 1 and is ignored
    expect(suggest(['C'], abcd, r).map((x) => [x.productId, +x.score.toFixed(6)])).toEqual([['A', 0.2]]);
    expect(suggest(['A', 'C'], abcd, r)).toEqual([]);
    // a product no longer in the catalogue is not suggested; an empty catalogue means "not loaded", so rules alone count
    expect(suggest(['C'], [product('B')], r)).toEqual([]);
    expect(suggest(['C'], [], r).map((x) => x.productId)).toEqual(['A']);
  });
});

describe('RuleCache', () => {
  it('mines once per version and re-mines when purchases change', () => {
    const cache = new RuleCache({ minSupport: 0.4, minConfidence: 0.5 });
    expect(cache.peek()).toBeNull();
    const a = cache.get(book);
    expect(cache.get([...book])).toBe(a);
    expect(cache.mines).toBe(1);
    const more = [...book, buy('t6', 'C', 99)];
    expect(purchasesVersion(more)).not.toBe(purchasesVersion(book));
    const b = cache.get(more);
    expect(b).not.toBe(a);
    expect(cache.mines).toBe(2);
    expect(cache.peek()).toBe(b);
    expect(cache.get(more, 'db-v7')).not.toBe(b); // an explicit version is trusted as is
    expect(cache.get([], 'db-v7')).toBe(cache.peek());
  });
});
