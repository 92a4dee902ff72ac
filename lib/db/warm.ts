import { DB_NAME } from './name';

/**
 * Opens and at once closes the book, so that the browser has read its files from disk
 * by the time the page's own code opens it. Run first thing by a page that opens the
 * book (entrypoints/warm-book.ts, a plain script before the page's modules): the
 * browser's first open of a big book (300+ ms at 100,000 contacts) then overlaps the
 * evaluation of the page's code instead of following it; the browser keeps the files
 * open for a moment after the last connection closes. Changes nothing: a book that does
 * not exist yet is not created (the creation is aborted), and no connection is kept that
 * could hold up an upgrade. Resolves when done, whatever happened.
 */
export function warmBook(idb: IDBFactory, name = DB_NAME): Promise<void> {
  return new Promise((done) => {
    try {
      const req = idb.open(name);
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => {
        req.result.close();
        done();
      };
      req.onerror = (e) => {
        e.preventDefault(); // the aborted creation: expected, not an error to report
        done();
      };
      req.onblocked = () => done();
    } catch {
      done(); // no IndexedDB here (a private window may refuse it): the page says so itself
    }
  });
}
