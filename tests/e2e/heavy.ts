import type { Page } from 'playwright-core';
import type { Session } from '@/tools/browser';

// Seeds a contact with many notes and purchases straight into the extension's
// IndexedDB (from an extension page), and times the panel from a profile page's
// load to the merged contact on screen. Used by the E2E suite and the bench.

export async function seedHeavy(extPage: Page, contactId: string, notes: number, purchases: number): Promise<void> {
  await extPage.evaluate(async ([id, n, p]) => {
    const db = await new Promise<IDBDatabase>((ok, bad) => {
      const r = indexedDB.open('tiewise');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => bad(r.error);
    });
    const tx = db.transaction(['notes', 'purchases'], 'readwrite');
    const now = Date.now();
    const src = { kind: 'import', ref: 'heavy.csv', at: now };
    for (let i = 0; i < n; i++) {
      tx.objectStore('notes').put({ id: `${id}-heavy-n${i}`, contactId: id, text: `Heavy note ${i}: follow-up about rollout phase ${i % 7}.`, createdAt: now - i * 3_600_000, updatedAt: now - i * 3_600_000, source: src });
    }
    for (let i = 0; i < p; i++) {
      tx.objectStore('purchases').put({ id: `${id}-heavy-p${i}`, contactId: id, productId: ['p-desk-basic', 'p-scanner', 'p-dock', 'p-training'][i % 4], at: now - i * 86_400_000, quantity: 1 + (i % 3), amount: 100 + i, currency: 'EUR', source: src });
    }
    await new Promise<void>((ok, bad) => {
      tx.oncomplete = () => ok();
      tx.onerror = () => bad(tx.error);
    });
    db.close();
  }, [contactId, notes, purchases] as const);
}

/** Milliseconds from navigating `url` to `ready` being visible in the panel. */
export async function timePanelOpen(s: Session, panel: Page, url: string, ready: (panel: Page) => Promise<void>): Promise<number> {
  const page = await s.context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await ready(panel);
  const ms = Date.now() - t0;
  await page.close();
  return ms;
}
