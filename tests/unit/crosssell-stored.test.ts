// Cross-sell rules are mined once and stored (issue 16): the panel reads the
// stored rules and never mines on its own thread; a new session (a new database
// connection) finds them without mining again.
import 'fake-indexeddb/auto';
import { TiewiseDB } from '@/lib/db/database';
import { crossSellFor, mineAndStoreRules } from '@/lib/db/crosssell';
import { generateBook } from '../bench/gen-book';

describe('stored cross-sell rules', () => {
  it('are mined once, kept between sessions, and read without mining by the panel', async () => {
    const name = `crosssell-${Date.now()}`;
    const d = new TiewiseDB(name);
    const b = generateBook({ contacts: 400, products: 40, purchases: 3000, seed: 3 });
    await d.contacts.bulkPut(b.contacts);
    await d.products.bulkPut(b.products);
    await d.purchases.bulkPut(b.purchases);
    const buyer = b.purchases[0].contactId;

    // the panel before any mining: asks for a check, shows the catalogue's relations only
    let asked = 0;
    const before = await crossSellFor(buyer, 5, d, () => asked++);
    expect(asked).toBe(1);
    expect(before.suggestions.every((s) => s.reasons.every((r) => r.code !== 'bought-together'))).toBe(true);

    expect(await mineAndStoreRules(d)).toBe(true);
    expect(await mineAndStoreRules(d)).toBe(false); // current: not mined again
    d.close();

    // a new session reads the stored rules
    const again = new TiewiseDB(name);
    const stored = (await again.settings.get('crossSellRules'))?.value as { rules: unknown[] };
    expect(stored.rules.length).toBeGreaterThan(0);
    const after = await crossSellFor(buyer, 5, again, () => asked++);
    expect(after.suggestions.some((s) => s.reasons.some((r) => r.code === 'bought-together'))).toBe(true);

    // a new purchase makes the stored rules stale: mined again
    await again.purchases.add({ ...b.purchases[1], id: 'new-purchase', at: b.purchases[1].at + 1 });
    expect(await mineAndStoreRules(again)).toBe(true);
  });
});
