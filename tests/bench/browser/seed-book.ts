// Runs inside an extension page (bundled by tests/bench/cases/panel-big.ts):
// writes tests/bench/gen-book.ts's synthetic book straight into the extension's
// own database with raw IndexedDB puts, and links one customer (with purchases
// and notes) to the profile URL the bench then opens.
import { generateBook } from '../gen-book';
import { profileUrlKey } from '@/lib/extract/urls';

async function seedBook(opts: { contacts: number; purchases: number; products: number; url: string; now: number }): Promise<{ contactId: string; name: string; ms: number }> {
  const t0 = performance.now();
  const book = generateBook({ contacts: opts.contacts, products: opts.products, purchases: opts.purchases, seed: 16, now: opts.now });
  const bought = new Map<string, number>();
  for (const p of book.purchases) bought.set(p.contactId, (bought.get(p.contactId) ?? 0) + 1);
  const target = book.contacts.find((c) => c.relation === 'customer' && (bought.get(c.id) ?? 0) >= 4 && c.company)!;
  const db = await new Promise<IDBDatabase>((ok, bad) => {
    const r = indexedDB.open('tiewise');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => bad(r.error);
  });
  const put = (store: string, rows: unknown[]) => new Promise<void>((ok, bad) => {
    const tx = db.transaction(store, 'readwrite');
    const s = tx.objectStore(store);
    for (const r of rows) s.put(r);
    tx.oncomplete = () => ok();
    tx.onerror = () => bad(tx.error);
  });
  const src = { kind: 'import', ref: 'bench.csv', at: opts.now };
  for (let i = 0; i < book.contacts.length; i += 20_000) await put('contacts', book.contacts.slice(i, i + 20_000));
  await put('products', book.products);
  for (let i = 0; i < book.purchases.length; i += 50_000) await put('purchases', book.purchases.slice(i, i + 50_000));
  const DAY = 86_400_000;
  await put('notes', Array.from({ length: 12 }, (_, i) => ({
    id: `bench-note-${i}`, contactId: target.id, createdAt: opts.now - i * 9 * DAY, updatedAt: opts.now - i * 9 * DAY, source: src,
    text: ['Loves sailing; going to Crete in the summer.', 'Kids play ice hockey.', 'Asked about the Gen 2 rollout.', 'Follow up after the trade fair.'][i % 4],
  })));
  await put('interactions', Array.from({ length: 8 }, (_, i) => ({
    id: `bench-ix-${i}`, contactId: target.id, kind: i % 2 ? 'meeting' : 'email', direction: i % 3 ? 'in' : 'out', at: opts.now - (5 + i * 20) * DAY, summary: 'Rollout review', source: src,
  })));
  await put('profiles', [{ id: 'bench-profile', contactId: target.id, network: 'facebook', url: profileUrlKey(opts.url) ?? opts.url, linkedAt: opts.now }]);
  db.close();
  return { contactId: target.id, name: target.name, ms: performance.now() - t0 };
}

Object.assign(globalThis, { seedBook });
