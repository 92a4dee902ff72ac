// Runs inside Chromium (bundled by tests/bench/cases/import.ts). The file is fetched
// from the bench's own origin as a Blob and read as a stream, as the import worker
// reads a File.
//   value:    Blob stream → lib/import (detect, parse, map, in-file duplicates) →
//             the importer (match against the book, plan, ONE rw transaction).
//   baseline: the same Blob parsed with papaparse (header row, whole text), each row
//             written as it comes (a contact, and its note) with raw IndexedDB puts
//             into stores with the same indexes, one transaction: no detection,
//             mapping, duplicate check or matching against the book.
import Papa from 'papaparse';
import { SCHEMA_V3, TiewiseDB } from '@/lib/db/database';
import { applyImport } from '@/lib/db/importer';
import { keysForName } from '@/lib/db/keys';
import { readChunks } from '@/lib/import/read';

async function* chunks(b: Blob): AsyncIterable<Uint8Array> {
  const r = b.stream().getReader();
  for (;;) {
    const { done, value } = await r.read();
    if (done) return;
    yield value;
  }
}

function rawDb(name: string): Promise<IDBDatabase> {
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

function drop(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

async function viaImporter(blob: Blob, name: string) {
  const d = new TiewiseDB(name);
  await d.open();
  const t0 = performance.now();
  const report = await readChunks(chunks(blob), { format: 'csv' });
  const t1 = performance.now();
  const r = await applyImport(report, { fileName: 'bench.csv' }, d);
  const ms = performance.now() - t0;
  d.close();
  await drop(name);
  return { ms, parseMs: t1 - t0, summary: r.summary, rejected: r.rejected.length };
}

/** Parse with papaparse, build the stored objects straight from the rows (no mapping, no duplicates), raw puts. */
async function viaRaw(blob: Blob, name: string) {
  const idb = await rawDb(name);
  const t0 = performance.now();
  const text = await blob.text();
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const now = Date.now();
  const source = { kind: 'import', ref: 'bench.csv', at: now };
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(['contacts', 'notes'], 'readwrite');
    const c = tx.objectStore('contacts');
    const n = tx.objectStore('notes');
    for (const r of rows) {
      const id = crypto.randomUUID();
      const name = `${r['First Name']} ${r['Last Name']}`.trim() || r.Email;
      c.put({
        id, name, firstName: r['First Name'], lastName: r['Last Name'], emails: r.Email ? [r.Email.toLowerCase()] : [],
        phones: r['Phone Number'] ? [r['Phone Number']] : [], company: r['Company Name'], position: r['Job Title'], city: r.City,
        crmId: r['Record ID'], tags: [], nameKeys: keysForName(name), source, createdAt: now, updatedAt: now,
      });
      if (r.Notes) n.put({ id: crypto.randomUUID(), contactId: id, text: r.Notes, createdAt: now, updatedAt: now, source });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  idb.close();
  await drop(name);
  return ms;
}

let blob: Blob | undefined;

/** One importer run (value), in its own fresh browser. */
async function runValue(url: string, i: number) {
  blob ??= await (await fetch(url)).blob();
  const v = await viaImporter(blob, `bench-import-${i}`);
  return { ms: v.ms, parseMs: v.parseMs, bytes: blob.size, summary: v.summary, rejected: v.rejected };
}

/** The baseline over the same file, in its own fresh browser. */
async function runBaseline(url: string, i: number) {
  blob ??= await (await fetch(url)).blob();
  return viaRaw(blob, `bench-import-raw-${i}`);
}

Object.assign(globalThis, { runValue, runBaseline });
