import { db, type TiewiseDB } from './database';
import type { Product } from '../domain/entities';

// The product catalogue, as the purchases name it.

/** The products with these ids, in their order (undefined where one is gone). */
export async function productsByIds(ids: string[], d: TiewiseDB = db()): Promise<(Product | undefined)[]> {
  return d.products.bulkGet(ids);
}
