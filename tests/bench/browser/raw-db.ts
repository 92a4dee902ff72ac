// What both import benches' browser sides share: a Blob read in chunks, and the raw
// IndexedDB floor (the contacts and notes stores with Tiewise's own indexes, no Dexie).
import { TiewiseDB } from '@/lib/db/database';

// (read as the import worker reads a File)
export { fileChunks as chunks } from '@/components/settings/run-import';

export function rawDb(name: string): Promise<IDBDatabase> {
  // the stores as the newest schema declares them (Dexie builds its tables' schemas
  // when the versions are declared; nothing is opened): every index an import writes
  const newest = new TiewiseDB(`${name}-schema-only`);
  const stores = ['contacts', 'notes'].map((t) => newest.table(t).schema);
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const schema of stores) {
        const os = req.result.createObjectStore(schema.name, { keyPath: schema.primKey.keyPath as string });
        for (const idx of schema.indexes) {
          os.createIndex(idx.name, idx.keyPath as string | string[], { multiEntry: !!idx.multi, unique: !!idx.unique });
        }
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export function drop(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}
