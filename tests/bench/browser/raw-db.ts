// What both import benches' browser sides share: a Blob read in chunks, and the raw
// IndexedDB floor (the contacts and notes stores with Tiewise's own indexes, no Dexie).
import { SCHEMA_V3 } from '@/lib/db/database';

export async function* chunks(b: Blob): AsyncIterable<Uint8Array> {
  const r = b.stream().getReader();
  for (;;) {
    const { done, value } = await r.read();
    if (done) return;
    yield value;
  }
}

export function rawDb(name: string): Promise<IDBDatabase> {
  const stores = { contacts: SCHEMA_V3.contacts, notes: SCHEMA_V3.notes };
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      for (const [store, schema] of Object.entries(stores)) {
        const spec = schema.split(',').map((s) => s.trim());
        const os = req.result.createObjectStore(store, { keyPath: spec[0] });
        for (const idx of spec.slice(1)) {
          const multi = idx.startsWith('*');
          const clean = idx.replace(/^[*&]/, '');
          const keyPath = clean.startsWith('[') ? clean.slice(1, -1).split('+') : clean;
          os.createIndex(clean, keyPath, { multiEntry: multi, unique: idx.startsWith('&') });
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
