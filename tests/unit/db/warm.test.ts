import 'fake-indexeddb/auto';
import { CURRENT_VERSION, TiewiseDB } from '@/lib/db/database';
import { warmBook } from '@/lib/db/warm';

// The page's warm-up open of the book (lib/db/warm.ts) must change nothing: no book
// created where there was none, no connection left that could hold up an upgrade.
describe('warming the book before a page opens it', () => {
  it('creates no database where there is none: the first run still creates the book at the current version', async () => {
    await warmBook(indexedDB, 'warm-none');
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('warm-none');
    const db = new TiewiseDB('warm-none');
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect(await db.contacts.count()).toBe(0);
    db.close();
  });

  it('leaves an existing book as it was, with no connection open: the page opens it, and an upgrade is not blocked', async () => {
    const before = new TiewiseDB('warm-some');
    await before.open();
    await before.contacts.add({ id: 'c1', name: 'Ada Example' } as never);
    before.close();
    await warmBook(indexedDB, 'warm-some');
    const db = new TiewiseDB('warm-some');
    await db.open();
    expect((await db.contacts.get('c1'))?.name).toBe('Ada Example');
    db.close();
    // a later version opens at once: the warm-up kept no connection (it would block this)
    const blocked = vi.fn();
    const up = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('warm-some', CURRENT_VERSION * 10 + 1);
      r.onblocked = blocked;
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    expect(blocked).not.toHaveBeenCalled();
    expect(up.version).toBe(CURRENT_VERSION * 10 + 1);
    up.close();
  });

  it('settles without IndexedDB (a browser that refuses it): the page explains that itself', async () => {
    const broken = { open: () => { throw new DOMException('refused', 'InvalidStateError'); } } as unknown as IDBFactory;
    await expect(warmBook(broken, 'x')).resolves.toBeUndefined();
  });
});
