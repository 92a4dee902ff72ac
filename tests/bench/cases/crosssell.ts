import { RuleCache, mineRules, suggest, type MineOptions } from '../../../lib/model/crosssell';
import { generateBook } from '../gen-book';
import { result, timePair, type BenchCase } from '../harness';

// Mining association rules over 100,000 purchases of 2,000 products (20,000
// contacts, ~9,000 of them customers) against the floor of any miner: one pass
// that counts products. Target ≤ 25×: FP-growth must build the baskets, a tree
// and the 2- and 3-itemsets on top of that pass; a miner within ~25 passes runs
// in the background in well under a second. Then one contact's suggestions from
// cached rules against re-mining (what the panel would wait for without the
// cache): target ≤ 0.01×.

const OPTS: MineOptions = { minSupport: 0.002, minConfidence: 0.2, maxLength: 3 };

const crosssell: BenchCase = {
  id: 'crosssell',
  async run() {
    const { products, purchases } = generateBook({ contacts: 20_000, products: 2_000, purchases: 100_000, seed: 7 });
    const count = () => {
      const m = new Map<string, number>();
      for (const p of purchases) m.set(p.productId, (m.get(p.productId) ?? 0) + 1);
      return m;
    };
    let rules = 0;
    const mine = () => (rules = mineRules(purchases, OPTS).length);
    const t = await timePair(mine, count, 5);

    const cache = new RuleCache(OPTS);
    const index = cache.get(purchases, 'v1');
    const mine1 = purchases.filter((p) => p.contactId === purchases[0].contactId);
    let n = 0;
    const s = await timePair(() => {
      for (let i = 0; i < 100; i++) n = suggest(mine1, products, cache.get(purchases, 'v1'), { limit: 10 }).length;
    }, () => mineRules(purchases, OPTS), 5);
    if (!n || index !== cache.peek()) throw new Error('no suggestions from cached rules');
    return [
      result({ name: `crosssell: mine ${rules} rules, 100k purchases × 2k products, vs counting pass`, samples: t, baselineIs: 'one pass counting purchases per product: the floor of any miner, which must at least count the items',  unit: 'ms', target: 25, better: 'lower', where: 'node' }),
      result({ name: 'crosssell: suggest for one contact (cached rules) vs re-mining', samples: { values: s.values.map((v) => v / 100), baselines: s.baselines }, baselineIs: 'mining the rules again for the one contact: what the panel waits for without a rule cache',  unit: 'ms', target: 0.01, better: 'lower', where: 'node' }),
    ];
  },
};

export default crosssell;
