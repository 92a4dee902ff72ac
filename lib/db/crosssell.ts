import { db, type TiewiseDB } from './database';
import type { Product } from './schema';
import { RuleCache, suggest, type Suggestion } from '../model/crosssell';

// Cross-sell for one contact: the catalogue's own relations plus association
// rules mined from the whole book's purchases. Rules are cached per page and
// re-mined only when the purchases change (their count or newest date).

const cache = new RuleCache({ minSupport: 0.01, minConfidence: 0.2 });

async function purchasesVersion(d: TiewiseDB): Promise<string> {
  const [count, last] = await Promise.all([d.purchases.count(), d.purchases.orderBy('at').last()]);
  return `${d.name}:${count}:${last?.at ?? 0}:${last?.id ?? ''}`;
}

export interface CrossSell {
  suggestions: Suggestion[];
  products: Map<string, Product>;
}

export async function crossSellFor(contactId: string, limit = 5, d: TiewiseDB = db()): Promise<CrossSell> {
  const [own, catalogue, version] = await Promise.all([
    d.purchases.where('contactId').equals(contactId).toArray(),
    d.products.toArray(),
    purchasesVersion(d),
  ]);
  const products = new Map(catalogue.map((p) => [p.id, p]));
  if (own.length === 0) return { suggestions: [], products };
  const rules = cache.version === version ? cache.peek()! : cache.get(await d.purchases.toArray(), version);
  return { suggestions: suggest(own, catalogue, rules, { limit }), products };
}
