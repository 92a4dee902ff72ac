// Runs inside Chromium (bundled by tests/bench/cases/db-write.ts), one side per
// fresh browser: writes N contacts through the data-access module or, as the
// baseline, the same objects with raw IndexedDB puts into a store with the same
// indexes.
import { SCHEMA_V2, TiewiseDB } from '@/lib/db/database';
import { addContacts, type NewContact } from '@/lib/db/contacts';

function contacts(n: number, seed: number): NewContact[] {
  const first = ['Anna', 'Иван', 'Maria', 'Ольга', 'John', 'Дмитрий', 'Elena', 'Sam'];
  const last = ['Kowalski', 'Петров', 'Garcia', 'Смирнова', 'Miller', 'Волков', 'Sokolova', 'Taylor'];
  return Array.from({ length: n }, (_, i) => ({
    id: `c-${seed}-${i}`,
    name: `${first[i % 8]} ${last[(i * 3) % 8]} ${i}`,
    emails: [`person${i}@example${i % 50}.com`],
    phones: [`+1 555 ${String(i).padStart(7, '0')}`],
    company: `Company ${i % 500}`,
    city: ['Berlin', 'Москва', 'Madrid', 'Chicago'][i % 4],
    relation: 'prospect' as const,
    source: { kind: 'import' as const, ref: 'bench.csv', at: 1 },
  }));
}

function rawStore(name: string): Promise<IDBDatabase> {
  // the same indexes the contacts table has (from Dexie's schema string)
  const spec = SCHEMA_V2.contacts.split(',').map((s) => s.trim());
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('contacts', { keyPath: 'id' });
      for (const idx of spec.slice(1)) {
        const multi = idx.startsWith('*');
        const clean = idx.replace(/^[*&]/, '');
        const keyPath = clean.startsWith('[') ? clean.slice(1, -1).split('+') : clean;
        store.createIndex(clean, keyPath, { multiEntry: multi });
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function rawPuts(objects: unknown[], name: string): Promise<number> {
  const idb = await rawStore(name);
  const t0 = performance.now();
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction('contacts', 'readwrite');
    const store = tx.objectStore('contacts');
    for (const o of objects) store.put(o);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  idb.close();
  return ms;
}

/** The module's side: its own database, the time, and what it stored (for the baseline to write). */
async function runModule(n: number, seed: number): Promise<{ ms: number; stored: unknown[] }> {
  const d = new TiewiseDB(`bench-module-${seed}`);
  await d.open();
  const list = contacts(n, seed);
  const t0 = performance.now();
  const stored = await addContacts(list, d);
  const ms = performance.now() - t0;
  d.close();
  return { ms, stored };
}

/** The baseline's side: exactly the objects the module stored, raw puts. */
async function runRaw(objects: unknown[], seed: number): Promise<number> {
  return rawPuts(objects, `bench-raw-${seed}`);
}

Object.assign(globalThis, { runModule, runRaw });
