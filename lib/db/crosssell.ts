import { db, type TiewiseDB } from './database';
import type { Product } from '../domain/entities';
import { getSetting, setSetting, type SettingValue } from './settings';
import { indexRules, mineRules, suggest, type MineOptions, type RuleIndex, type Suggestion } from '../model/crosssell';

// Cross-sell for one contact: the catalogue's own relations plus association
// rules mined from the whole book's purchases. The rules are mined off the
// panel's thread (a worker: mineAndStoreRules) and stored in the settings table,
// so they outlive the panel and the browser session; the panel only reads them
// and, when the purchases have changed since, asks for a new mining and shows
// the stored rules meanwhile. Reading 500,000 purchases never happens on the
// panel's main thread.

export const MINE_OPTIONS: MineOptions = { minSupport: 0.01, minConfidence: 0.2 };

type StoredRules = NonNullable<SettingValue<'crossSellRules'>>;

/** Changes whenever a purchase is added or removed (count, newest date, newest id). */
export async function purchasesVersion(d: TiewiseDB = db()): Promise<string> {
  const [count, last] = await Promise.all([d.purchases.count(), d.purchases.orderBy('at').last()]);
  return `${count}:${last?.at ?? 0}:${last?.id ?? ''}`;
}

function storedRules(d: TiewiseDB): Promise<StoredRules | undefined> {
  return getSetting('crossSellRules', d);
}

/** What identifies one mining's rules: stored beside them (a small row), compared before reading them. */
const stampOf = (r: StoredRules) => `${r.version}@${r.minedAt}`;

/** Mines the rules from every purchase and stores them, unless they are current. Returns whether it mined. */
export async function mineAndStoreRules(d: TiewiseDB = db(), now = Date.now()): Promise<boolean> {
  const version = await purchasesVersion(d);
  const current = await storedRules(d);
  if (current?.version === version) {
    // rules stored before their stamp was: stamp them, so the cards stop reading them each time
    if ((await getSetting('crossSellRulesStamp', d)) === undefined) await setSetting('crossSellRulesStamp', stampOf(current), d);
    return false;
  }
  const rules = mineRules(await d.purchases.toArray(), MINE_OPTIONS);
  const stored = { version, rules, minedAt: now } satisfies StoredRules;
  // the rules and their stamp together: a card never sees one without the other
  await d.transaction('rw', d.settings, () => Promise.all([
    setSetting('crossSellRules', stored, d),
    setSetting('crossSellRulesStamp', stampOf(stored), d),
  ]));
  return true;
}

// the index of the stored rules, built once per mining per page (and database)
let indexed: { db: string; stamp: string; index: RuleIndex } | null = null;
const EMPTY: RuleIndex = indexRules([]);

export interface CrossSell {
  suggestions: Suggestion[];
  products: Map<string, Product>;
}

/**
 * One contact's suggestions from the stored rules. With `checkRules`, the caller
 * has the rules checked (and re-mined if the purchases changed) off its thread,
 * and this reads only the contact's purchases, the catalogue and the stored
 * rules: counting 500,000 purchases for a version would hold IndexedDB up for
 * every other read of the card. Without it, the rules are checked and mined here
 * (Node, tests).
 */
export async function crossSellFor(contactId: string, limit = 5, d: TiewiseDB = db(), checkRules?: () => void): Promise<CrossSell> {
  if (checkRules) checkRules();
  else await mineAndStoreRules(d);
  // the rules (thousands, one row) are read and checked only when their stamp differs from
  // those this page has indexed: at 20,000 contacts reading and checking them took 15-30 ms
  // of every card; the stamp is a small row, and what the live query watches
  const cached = indexed?.db === d.name ? indexed : null;
  const [own, catalogue, stamp, first] = await Promise.all([
    d.purchases.where('contactId').equals(contactId).toArray(),
    d.products.toArray(),
    getSetting('crossSellRulesStamp', d),
    cached ? undefined : storedRules(d),
  ]);
  const products = new Map(catalogue.map((p) => [p.id, p]));
  if (own.length === 0) return { suggestions: [], products };
  let index = EMPTY;
  if (cached && stamp !== undefined && cached.stamp === stamp) index = cached.index;
  else {
    const rules = first ?? (await storedRules(d));
    if (rules) {
      const key = stampOf(rules);
      if (indexed?.db !== d.name || indexed.stamp !== key) indexed = { db: d.name, stamp: key, index: indexRules(rules.rules) };
      index = indexed.index;
    }
  }
  return { suggestions: suggest(own, catalogue, index, { limit }), products };
}
