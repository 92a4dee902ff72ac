// Cross-sell and up-sell: the catalogue's own relations (upgrade-of, accessory-to,
// replaces) and association rules mined from the whole book's purchases.
//
// Transactions are customers: each customer's set of products. Frequent itemsets
// come from FP-growth (Han, Pei & Yin 2000), bounded to itemsets of `maxLength`
// (default 3) so a low support can never explode; rules have one product as
// consequent (that is what the panel suggests).
//
// Why our own FP-growth and not node-fpgrowth: that package is sound on small
// inputs (the tests use it as an oracle) but imports Node's `events` (the
// extension bundle would need a polyfill), keys every item by JSON.stringify in
// its inner loops, has no length bound, and turns its support fraction into a
// count in place, so an instance cannot be run twice.
import type { Product, Purchase } from '../db/schema';

export interface Rule {
  /** sorted product ids */
  antecedent: string[];
  consequent: string;
  /** customers who bought antecedent ∪ consequent */
  count: number;
  /** count / customers */
  support: number;
  /** count / customers who bought the antecedent */
  confidence: number;
  /** confidence / support of the consequent alone; > 1: bought together more than by chance */
  lift: number;
}

export interface MineOptions {
  /** fraction of customers, 0..1 */
  minSupport: number;
  /** 0..1 */
  minConfidence: number;
  /** largest itemset mined (2 or 3 are sensible); default 3 */
  maxLength?: number;
  /** an absolute floor on the support count (default 2: one customer is not a pattern) */
  minCount?: number;
}

export interface Itemset {
  items: number[];
  count: number;
}

/** A compact FP-tree over item ranks (0 = most frequent). */
class FPTree {
  item: number[] = [-1];
  count: number[] = [0];
  parent: number[] = [-1];
  next: number[] = [-1];
  /** item → last node of its node-link chain */
  heads = new Map<number, number>();
  totals = new Map<number, number>();
  private children = new Map<number, number>();

  constructor(private readonly k: number) {}

  /** `items` in ascending rank order. */
  insert(items: readonly number[], w: number): void {
    let node = 0;
    for (const it of items) {
      const key = node * this.k + it;
      let child = this.children.get(key);
      if (child === undefined) {
        child = this.item.length;
        this.item.push(it);
        this.count.push(0);
        this.parent.push(node);
        this.next.push(this.heads.get(it) ?? -1);
        this.heads.set(it, child);
        this.children.set(key, child);
      }
      this.count[child] += w;
      this.totals.set(it, (this.totals.get(it) ?? 0) + w);
      node = child;
    }
  }

  /** The prefix paths of `it` (root side first) with their weights. */
  *prefixPaths(it: number): Generator<[number[], number]> {
    for (let n = this.heads.get(it) ?? -1; n !== -1; n = this.next[n]) {
      const path: number[] = [];
      for (let p = this.parent[n]; p > 0; p = this.parent[p]) path.push(this.item[p]);
      if (path.length) yield [path.reverse(), this.count[n]];
    }
  }
}

/**
 * Frequent itemsets (as item ranks into `order`) with count ≥ minCount and at
 * most maxLength items, by FP-growth.
 */
export function fpGrowth(transactions: readonly (readonly number[])[], minCount: number, maxLength = 3): { itemsets: Itemset[]; order: number[] } {
  const freq = new Map<number, number>();
  for (const t of transactions) for (const i of new Set(t)) freq.set(i, (freq.get(i) ?? 0) + 1);
  const order = [...freq].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
  const rank = new Map(order.map((i, r) => [i, r]));
  const tree = new FPTree(order.length + 1);
  for (const t of transactions) {
    const rs = [...new Set(t)].map((i) => rank.get(i)).filter((r): r is number => r !== undefined).sort((a, b) => a - b);
    if (rs.length) tree.insert(rs, 1);
  }
  const out: Itemset[] = [];
  mine(tree, [], minCount, maxLength, order.length + 1, out);
  return { itemsets: out, order };
}

function mine(tree: FPTree, prefix: number[], minCount: number, maxLength: number, k: number, out: Itemset[]): void {
  for (const [it, total] of tree.totals) {
    if (total < minCount) continue;
    const set = [...prefix, it];
    out.push({ items: set, count: total });
    if (set.length >= maxLength) continue;
    // the conditional pattern base of `it`
    const base = [...tree.prefixPaths(it)];
    const counts = new Map<number, number>();
    for (const [path, w] of base) for (const p of path) counts.set(p, (counts.get(p) ?? 0) + w);
    if (set.length + 1 === maxLength) {
      // last level: the base's counts are the answer, no tree needed
      for (const [p, c] of counts) if (c >= minCount) out.push({ items: [...set, p], count: c });
      continue;
    }
    const sub = new FPTree(k);
    for (const [path, w] of base) {
      const kept = path.filter((p) => (counts.get(p) ?? 0) >= minCount);
      if (kept.length) sub.insert(kept, w);
    }
    if (sub.totals.size) mine(sub, set, minCount, maxLength, k, out);
  }
}

/** Each customer's set of products. */
export function basketsOf(purchases: readonly Purchase[]): Map<string, Set<string>> {
  const m = new Map<string, Set<string>>();
  for (const p of purchases) {
    let s = m.get(p.contactId);
    if (!s) m.set(p.contactId, (s = new Set()));
    s.add(p.productId);
  }
  return m;
}

const SEP = '\u0001';

/** Association rules with one consequent, mined from the whole book's purchases. */
export function mineRules(purchases: readonly Purchase[], opts: MineOptions): Rule[] {
  const baskets = basketsOf(purchases);
  const ids: string[] = [];
  const idOf = new Map<string, number>();
  const txs: number[][] = [];
  for (const s of baskets.values()) {
    const t: number[] = [];
    for (const p of s) {
      let i = idOf.get(p);
      if (i === undefined) {
        i = ids.length;
        ids.push(p);
        idOf.set(p, i);
      }
      t.push(i);
    }
    txs.push(t);
  }
  const n = txs.length;
  if (!n) return [];
  const minCount = Math.max(opts.minCount ?? 2, Math.ceil(opts.minSupport * n - 1e-9));
  const { itemsets, order } = fpGrowth(txs, minCount, opts.maxLength ?? 3);
  const name = (r: number) => ids[order[r]];
  const counts = new Map<string, number>();
  const sets: { items: string[]; count: number }[] = [];
  for (const s of itemsets) {
    const items = s.items.map(name).sort();
    counts.set(items.join(SEP), s.count);
    if (items.length > 1) sets.push({ items, count: s.count });
  }
  const rules: Rule[] = [];
  for (const s of sets) {
    for (const c of s.items) {
      const ante = s.items.filter((x) => x !== c);
      const anteCount = counts.get(ante.join(SEP))!;
      const confidence = s.count / anteCount;
      if (confidence < opts.minConfidence) continue;
      const lift = confidence / (counts.get(c)! / n);
      rules.push({ antecedent: ante, consequent: c, count: s.count, support: s.count / n, confidence, lift });
    }
  }
  return rules.sort(
    (a, b) =>
      b.confidence - a.confidence || b.lift - a.lift || b.count - a.count ||
      cmp(a.consequent, b.consequent) || cmp(a.antecedent.join(SEP), b.antecedent.join(SEP)),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rules indexed by each antecedent product, so a suggestion reads only its own rules. */
export interface RuleIndex {
  rules: Rule[];
  byItem: Map<string, Rule[]>;
}

export function indexRules(rules: Rule[]): RuleIndex {
  const byItem = new Map<string, Rule[]>();
  for (const r of rules) {
    // file under the antecedent's first item only: every rule is reached once
    const k = r.antecedent[0];
    const list = byItem.get(k);
    if (list) list.push(r);
    else byItem.set(k, [r]);
  }
  return { rules, byItem };
}

export type SuggestionReason =
  | { code: 'upgrade-of' | 'accessory-to' | 'replaces'; detail: { fromProductId: string } }
  | {
      code: 'bought-together';
      detail: { fromProductId: string; fromProductIds: string[]; confidence: number; lift: number; support: number; count: number };
    };

export interface Suggestion {
  productId: string;
  score: number;
  reasons: SuggestionReason[];
}

/**
 * The ranking formula:
 *   score = max(RELATION_BONUS over the catalogue relations to owned products)
 *         + max(confidence × (1 − 1/lift) over rules whose antecedent is owned)
 * The rule term is in [0, 1): 0 at lift 1 (independence), 0.5·confidence at
 * lift 2, → confidence as lift grows; so a catalogue relation always ranks above
 * co-purchase evidence alone, and among equals the stronger rule wins.
 */
export const RELATION_BONUS = { 'upgrade-of': 1, replaces: 0.9, 'accessory-to': 0.8 } as const;

export interface SuggestOptions {
  limit?: number;
  /** rules at or below this lift are ignored (default 1) */
  minLift?: number;
  /** bought-together reasons kept per suggestion (default 3) */
  maxRuleReasons?: number;
}

const relIndexCache = new WeakMap<readonly Product[], Map<string, { productId: string; kind: Product['relations'][number]['kind'] }[]>>();

/** product id → products related to it, and how. */
function relationsTo(catalogue: readonly Product[]) {
  let m = relIndexCache.get(catalogue);
  if (m) return m;
  m = new Map();
  for (const p of catalogue)
    for (const r of p.relations ?? []) {
      const list = m.get(r.productId) ?? [];
      list.push({ productId: p.id, kind: r.kind });
      m.set(r.productId, list);
    }
  relIndexCache.set(catalogue, m);
  return m;
}

export function suggest(
  contactPurchases: readonly Purchase[] | readonly string[],
  catalogue: readonly Product[],
  rules: readonly Rule[] | RuleIndex,
  opts: SuggestOptions = {},
): Suggestion[] {
  const owned = new Set(contactPurchases.map((p) => (typeof p === 'string' ? p : p.productId)));
  const byId = new Map(catalogue.map((p) => [p.id, p]));
  // what they own makes these pointless: a product an owned one upgrades or replaces
  const excluded = new Set(owned);
  for (const o of owned)
    for (const r of byId.get(o)?.relations ?? []) if (r.kind === 'upgrade-of' || r.kind === 'replaces') excluded.add(r.productId);

  const acc = new Map<string, { bonus: number; rule: number; reasons: SuggestionReason[]; ruleReasons: { s: number; r: SuggestionReason }[] }>();
  const entry = (id: string) => {
    let e = acc.get(id);
    if (!e) acc.set(id, (e = { bonus: 0, rule: 0, reasons: [], ruleReasons: [] }));
    return e;
  };
  const rel = relationsTo(catalogue);
  for (const o of [...owned].sort())
    for (const r of rel.get(o) ?? []) {
      if (excluded.has(r.productId)) continue;
      const e = entry(r.productId);
      e.bonus = Math.max(e.bonus, RELATION_BONUS[r.kind]);
      e.reasons.push({ code: r.kind, detail: { fromProductId: o } });
    }

  const idx = Array.isArray(rules) ? indexRules(rules as Rule[]) : (rules as RuleIndex);
  const minLift = opts.minLift ?? 1;
  for (const o of owned)
    for (const r of idx.byItem.get(o) ?? []) {
      if (r.lift <= minLift || excluded.has(r.consequent) || !r.antecedent.every((a) => owned.has(a))) continue;
      if (catalogue.length && !byId.has(r.consequent)) continue; // no longer sold
      const s = r.confidence * (1 - 1 / r.lift);
      const e = entry(r.consequent);
      e.rule = Math.max(e.rule, s);
      e.ruleReasons.push({
        s,
        r: {
          code: 'bought-together',
          detail: {
            fromProductId: r.antecedent[0], fromProductIds: r.antecedent, confidence: r.confidence, lift: r.lift, support: r.support, count: r.count,
          },
        },
      });
    }

  const maxRule = opts.maxRuleReasons ?? 3;
  const out: Suggestion[] = [];
  for (const [productId, e] of acc) {
    e.ruleReasons.sort((a, b) => b.s - a.s);
    out.push({
      productId,
      score: e.bonus + e.rule,
      reasons: [...e.reasons.sort((a, b) => RELATION_BONUS[b.code as keyof typeof RELATION_BONUS] - RELATION_BONUS[a.code as keyof typeof RELATION_BONUS]), ...e.ruleReasons.slice(0, maxRule).map((x) => x.r)],
    });
  }
  out.sort((a, b) => b.score - a.score || cmp(a.productId, b.productId));
  return opts.limit ? out.slice(0, opts.limit) : out;
}

/** A cheap fingerprint of the purchases: count, latest time, and a hash of ids. */
export function purchasesVersion(purchases: readonly Purchase[]): string {
  let h = 2166136261;
  let last = 0;
  for (const p of purchases) {
    if (p.at > last) last = p.at;
    for (let i = 0; i < p.id.length; i++) h = Math.imul(h ^ p.id.charCodeAt(i), 16777619);
  }
  return `${purchases.length}:${last}:${(h >>> 0).toString(36)}`;
}

/**
 * Mined rules kept until the purchases change, so the panel never waits: `get`
 * re-mines only when the version differs (pass the DB's own change counter as the
 * version to skip even the fingerprint); `peek` returns the last rules at once,
 * possibly stale, for the panel to show while the background refreshes.
 */
export class RuleCache {
  private entry: { version: string; index: RuleIndex; minedAt: number } | null = null;
  mines = 0;

  constructor(private readonly opts: MineOptions) {}

  get(purchases: readonly Purchase[], version: string = purchasesVersion(purchases), now = 0): RuleIndex {
    if (this.entry && this.entry.version === version) return this.entry.index;
    this.mines++;
    const index = indexRules(mineRules(purchases, this.opts));
    this.entry = { version, index, minedAt: now };
    return index;
  }

  peek(): RuleIndex | null {
    return this.entry?.index ?? null;
  }

  get version(): string | null {
    return this.entry?.version ?? null;
  }

  invalidate(): void {
    this.entry = null;
  }
}
