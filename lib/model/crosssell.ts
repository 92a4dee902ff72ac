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
// Over 300 lines on purpose: one recommender; FP-growth's structures are private to the
// rule mining, and suggest() reads those rules with the catalogue's relations.
import type { Product, Purchase } from '../domain/entities';

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

/**
 * A compact FP-tree over item ranks (0 = most frequent), in parallel typed arrays
 * that grow by doubling and are reused across conditional trees (reset only
 * rewinds the node count and clears the items it touched, so mining allocates
 * almost nothing). Children are a first-child / next-sibling list (deep nodes
 * have few), except the root's, which are a dense array by rank.
 */
class FPTree {
  size = 1;
  item = new Int32Array(64).fill(-1);
  count = new Float64Array(64);
  parent = new Int32Array(64).fill(-1);
  next = new Int32Array(64).fill(-1);
  private firstChild = new Int32Array(64).fill(-1);
  private sibling = new Int32Array(64).fill(-1);
  private rootChild: Int32Array;
  /** item → last node of its node-link chain (-1: none) */
  heads: Int32Array;
  /** item → its count in this tree */
  totals: Float64Array;
  /** items present, in order of first insertion (the first `nPresent`) */
  present: Int32Array;
  nPresent = 0;

  constructor(k: number) {
    this.rootChild = new Int32Array(k).fill(-1);
    this.heads = new Int32Array(k).fill(-1);
    this.totals = new Float64Array(k);
    this.present = new Int32Array(k);
  }

  /** Empties the tree for reuse (one conditional tree per depth is alive at a time). */
  reset(): void {
    for (let j = 0; j < this.nPresent; j++) {
      const it = this.present[j];
      this.rootChild[it] = -1;
      this.heads[it] = -1;
      this.totals[it] = 0;
    }
    this.nPresent = 0;
    this.size = 1;
  }

  private grow(): void {
    const cap = this.item.length * 2;
    const g = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(cap);
      b.set(a);
      return b;
    };
    this.item = g(this.item);
    this.count = g(this.count);
    this.parent = g(this.parent);
    this.next = g(this.next);
    this.firstChild = g(this.firstChild);
    this.sibling = g(this.sibling);
  }

  /** Inserts `len` items of `buf` from `from` (root side first; from the end when `reversed`) with weight w. */
  insert(buf: ArrayLike<number>, from: number, len: number, w: number, reversed = false): void {
    let node = 0;
    for (let j = 0; j < len; j++) {
      const it = buf[reversed ? from + len - 1 - j : from + j];
      let child: number;
      if (node === 0) child = this.rootChild[it];
      else {
        child = this.firstChild[node];
        const item = this.item;
        const sibling = this.sibling;
        while (child !== -1 && item[child] !== it) child = sibling[child];
      }
      if (child === -1) {
        if (this.size === this.item.length) this.grow();
        child = this.size++;
        this.item[child] = it;
        this.count[child] = 0;
        this.parent[child] = node;
        if (this.heads[it] === -1) this.present[this.nPresent++] = it;
        this.next[child] = this.heads[it];
        this.firstChild[child] = -1;
        if (node === 0) {
          this.sibling[child] = -1;
          this.rootChild[it] = child;
        } else {
          this.sibling[child] = this.firstChild[node];
          this.firstChild[node] = child;
        }
        this.heads[it] = child;
      }
      this.count[child] += w;
      this.totals[it] += w;
      node = child;
    }
  }
}

/** Transactions in one flat array: transaction t is items[start[t]] … items[start[t + 1] - 1]. */
interface Packed {
  items: Int32Array;
  start: Int32Array;
  maxItem: number;
}

/**
 * Frequent itemsets (as item ranks into `order`) with count ≥ minCount and at
 * most maxLength items, by FP-growth. Items are small non-negative integers.
 */
export function fpGrowth(transactions: readonly (readonly number[])[], minCount: number, maxLength = 3): { itemsets: Itemset[]; order: number[] } {
  let total = 0;
  let maxItem = -1;
  for (const t of transactions) {
    total += t.length;
    for (const i of t) if (i > maxItem) maxItem = i;
  }
  const items = new Int32Array(total);
  const start = new Int32Array(transactions.length + 1);
  let o = 0;
  transactions.forEach((t, ti) => {
    start[ti] = o;
    for (const i of t) items[o++] = i;
  });
  start[transactions.length] = o;
  return fpGrowthPacked({ items, start, maxItem }, minCount, maxLength);
}

function fpGrowthPacked({ items, start, maxItem }: Packed, minCount: number, maxLength: number): { itemsets: Itemset[]; order: number[] } {
  const nt = start.length - 1;
  // support of each item (a transaction counts once, even with repeats)
  const freq = new Int32Array(maxItem + 1);
  const lastSeen = new Int32Array(maxItem + 1).fill(-1);
  for (let t = 0; t < nt; t++)
    for (let j = start[t]; j < start[t + 1]; j++) {
      const i = items[j];
      if (lastSeen[i] !== t) {
        lastSeen[i] = t;
        freq[i]++;
      }
    }
  const order: number[] = [];
  for (let i = 0; i <= maxItem; i++) if (freq[i] >= minCount) order.push(i);
  order.sort((a, b) => freq[b] - freq[a] || a - b);
  const rank = new Int32Array(maxItem + 1).fill(-1);
  order.forEach((i, r) => (rank[i] = r));
  const k = order.length + 1;
  const tree = new FPTree(k);
  let rs = new Int32Array(16);
  for (let t = 0; t < nt; t++) {
    const n = start[t + 1] - start[t];
    if (n > rs.length) rs = new Int32Array(n * 2);
    let m = 0;
    for (let j = start[t]; j < start[t + 1]; j++) {
      const r = rank[items[j]];
      if (r >= 0) rs[m++] = r;
    }
    const sorted = rs.subarray(0, m).sort();
    let len = 0;
    for (let j = 0; j < m; j++) if (j === 0 || sorted[j] !== sorted[j - 1]) rs[len++] = sorted[j];
    if (len) tree.insert(rs, 0, len, 1);
  }
  const out: Itemset[] = [];
  // one count array (and list of touched items) per depth, reset after use
  const scratch: Scratch = {
    counts: Array.from({ length: maxLength }, () => new Float64Array(k)),
    touched: Array.from({ length: maxLength }, () => new Int32Array(k)),
    trees: Array.from({ length: maxLength }, () => new FPTree(k)),
    buf: new Int32Array(k),
  };
  mine(tree, [], minCount, maxLength, out, scratch);
  return { itemsets: out, order };
}

interface Scratch {
  counts: Float64Array[];
  touched: Int32Array[];
  trees: FPTree[];
  buf: Int32Array;
}

function mine(tree: FPTree, prefix: number[], minCount: number, maxLength: number, out: Itemset[], scratch: Scratch): void {
  const counts = scratch.counts[prefix.length];
  const touched = scratch.touched[prefix.length];
  const { item, parent, next, count, present, nPresent } = tree;
  for (let pi = 0; pi < nPresent; pi++) {
    const it = present[pi];
    const total = tree.totals[it];
    if (total < minCount) continue;
    const set = [...prefix, it];
    out.push({ items: set, count: total });
    if (set.length >= maxLength) continue;
    // the conditional pattern base of `it`: every path above its nodes
    let nt = 0;
    for (let n = tree.heads[it]; n !== -1; n = next[n]) {
      const w = count[n];
      for (let p = parent[n]; p > 0; p = parent[p]) {
        const i = item[p];
        if (counts[i] === 0) touched[nt++] = i;
        counts[i] += w;
      }
    }
    if (set.length + 1 === maxLength) {
      // last level: the base's counts are the answer, no tree needed
      for (let j = 0; j < nt; j++) {
        const i = touched[j];
        if (counts[i] >= minCount) out.push({ items: [...set, i], count: counts[i] });
      }
    } else {
      const sub = scratch.trees[set.length];
      sub.reset();
      const buf = scratch.buf;
      for (let n = tree.heads[it]; n !== -1; n = next[n]) {
        let len = 0;
        for (let p = parent[n]; p > 0; p = parent[p]) if (counts[item[p]] >= minCount) buf[len++] = item[p];
        if (len) sub.insert(buf, 0, len, count[n], true);
      }
      if (sub.nPresent) mine(sub, set, minCount, maxLength, out, scratch);
    }
    for (let j = 0; j < nt; j++) counts[touched[j]] = 0;
  }
}

/**
 * Association rules with one consequent, mined from the whole book's purchases.
 * Products and customers become integers once, on the way in; itemsets are keyed
 * by numbers (ranks packed base k) and strings come back only for the rules out.
 */
export function mineRules(purchases: readonly Purchase[], opts: MineOptions): Rule[] {
  // transactions as product numbers, one per customer (in order of first purchase), packed flat
  const ids: string[] = [];
  const idOf = new Map<string, number>();
  const txOf = new Map<string, number>();
  const np = purchases.length;
  const pItem = new Int32Array(np);
  const pTx = new Int32Array(np);
  let sizes = new Int32Array(1024);
  let maxItem = -1;
  for (let j = 0; j < np; j++) {
    const p = purchases[j];
    let i = idOf.get(p.productId);
    if (i === undefined) {
      i = ids.length;
      ids.push(p.productId);
      idOf.set(p.productId, i);
      maxItem = i;
    }
    let t = txOf.get(p.contactId);
    if (t === undefined) {
      t = txOf.size;
      txOf.set(p.contactId, t);
      if (t === sizes.length) {
        const b = new Int32Array(t * 2);
        b.set(sizes);
        sizes = b;
      }
    }
    pItem[j] = i;
    pTx[j] = t;
    sizes[t]++;
  }
  const n = txOf.size;
  if (!n) return [];
  const start = new Int32Array(n + 1);
  for (let t = 0; t < n; t++) start[t + 1] = start[t] + sizes[t];
  const fill = start.slice(0, n);
  const items = new Int32Array(np);
  for (let j = 0; j < np; j++) items[fill[pTx[j]]++] = pItem[j];

  const minCount = Math.max(opts.minCount ?? 2, Math.ceil(opts.minSupport * n - 1e-9));
  const { itemsets, order } = fpGrowthPacked({ items, start, maxItem }, minCount, opts.maxLength ?? 3);
  const k = order.length;
  // each ranked product's place in string order: rules sort and print by id
  const byName = order.map((_, r) => r).sort((a, b) => cmp(ids[order[a]], ids[order[b]]));
  const lex = new Int32Array(k);
  byName.forEach((r, i) => (lex[r] = i));

  // itemset (ranks in string order) → count; packed into one number while it fits exactly
  const packs = (len: number) => len * Math.log2(k + 1) < 52;
  const keyOf = (rs: ArrayLike<number>, skip: number, len: number): number | string => {
    if (packs(len - (skip >= 0 ? 1 : 0))) {
      let key = 0;
      for (let j = 0; j < len; j++) if (j !== skip) key = key * (k + 1) + rs[j] + 1;
      return key;
    }
    let s = '';
    for (let j = 0; j < len; j++) if (j !== skip) s += rs[j] + ',';
    return s;
  };
  const single = new Float64Array(k);
  const counts = new Map<number | string, number>();
  const sets: Itemset[] = [];
  for (const s of itemsets) {
    if (s.items.length === 1) {
      single[s.items[0]] = s.count;
      continue;
    }
    s.items.sort((a, b) => lex[a] - lex[b]);
    sets.push(s);
    if (s.items.length < (opts.maxLength ?? 3)) counts.set(keyOf(s.items, -1, s.items.length), s.count);
  }
  const rules: (Rule & { c: number; a: number[] })[] = [];
  for (const s of sets) {
    const L = s.items.length;
    for (let ci = 0; ci < L; ci++) {
      const c = s.items[ci];
      const anteCount = L === 2 ? single[s.items[1 - ci]] : counts.get(keyOf(s.items, ci, L))!;
      const confidence = s.count / anteCount;
      if (confidence < opts.minConfidence) continue;
      const lift = confidence / (single[c] / n);
      const a = s.items.filter((_, j) => j !== ci);
      rules.push({
        antecedent: a.map((r) => ids[order[r]]), consequent: ids[order[c]], count: s.count, support: s.count / n, confidence, lift,
        c: lex[c], a: a.map((r) => lex[r]),
      });
    }
  }
  rules.sort((x, y) => y.confidence - x.confidence || y.lift - x.lift || y.count - x.count || x.c - y.c || cmpRanks(x.a, y.a));
  return rules.map(({ antecedent, consequent, count, support, confidence, lift }) => ({ antecedent, consequent, count, support, confidence, lift }));
}

/** Sorted string-order ranks compared as the joined ids would be: item by item, shorter first. */
function cmpRanks(a: number[], b: number[]): number {
  const m = Math.min(a.length, b.length);
  for (let j = 0; j < m; j++) if (a[j] !== b[j]) return a[j] - b[j];
  return a.length - b.length;
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
