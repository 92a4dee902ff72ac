// Runs inside Chromium (bundled by tests/bench/cases/import-xlsx.ts). The workbook is
// fetched from the bench's own origin as a Blob and read as a stream, as the import
// worker reads a File.
//   value:    Blob stream → lib/import (zip directory check, empty rows out, the sheet
//             read by read-excel-file, header/kind/preset detection, mapping, in-file
//             duplicates) → the importer (match against the book, plan, ONE rw transaction).
//   baseline: the same Blob read by read-excel-file alone (the fair floor: the library's
//             own unzip + XML parse), each row written as it comes (a contact and its
//             note) with raw IndexedDB puts into stores with the same indexes, one
//             transaction: no detection, mapping, duplicate check or matching.
// Each returns the JS heap (performance.memory) before and after, to show it is flat.
import readXlsxFile from 'read-excel-file/universal';
import { TiewiseDB } from '@/lib/db/database';
import { applyImport } from '@/lib/db/importer';
import { keysForName } from '@/lib/db/keys';
import { readChunks } from '@/lib/import/read';
import { chunks, drop, rawDb } from './raw-db';


const heap = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

async function viaImporter(blob: Blob, name: string) {
  const d = new TiewiseDB(name);
  await d.open();
  const before = heap();
  const t0 = performance.now();
  const report = await readChunks(chunks(blob), { format: 'xlsx' });
  const t1 = performance.now();
  const r = await applyImport(report, { fileName: 'bench.xlsx' }, d);
  const ms = performance.now() - t0;
  const after = heap();
  d.close();
  await drop(name);
  return { ms, parseMs: t1 - t0, summary: r.summary, rejected: r.rejected.length, heapBefore: before, heapAfter: after };
}

async function viaRaw(blob: Blob, name: string) {
  const idb = await rawDb(name);
  const before = heap();
  const t0 = performance.now();
  const [sheet] = await readXlsxFile(await blob.arrayBuffer());
  const [header, ...rows] = sheet.data.map((row) => row.map((v) => (v === null ? '' : String(v))));
  const col = (h: string) => header.indexOf(h);
  const [first, last, email, phone, company, title, city, id, notes] = ['First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'City', 'Record ID', 'Notes'].map(col);
  const now = Date.now();
  const source = { kind: 'import', ref: 'bench.xlsx', at: now };
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(['contacts', 'notes'], 'readwrite');
    const c = tx.objectStore('contacts');
    const n = tx.objectStore('notes');
    for (const r of rows) {
      const cid = crypto.randomUUID();
      const nm = `${r[first]} ${r[last]}`.trim() || r[email];
      c.put({
        id: cid, name: nm, firstName: r[first], lastName: r[last], emails: r[email] ? [r[email].toLowerCase()] : [],
        phones: r[phone] ? [r[phone]] : [], company: r[company], position: r[title], city: r[city],
        crmId: r[id], tags: [], nameKeys: keysForName(nm), source, createdAt: now, updatedAt: now,
      });
      if (r[notes]) n.put({ id: crypto.randomUUID(), contactId: cid, text: r[notes], createdAt: now, updatedAt: now, source });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  const after = heap();
  idb.close();
  await drop(name);
  return { ms, heapBefore: before, heapAfter: after };
}

let blob: Blob | undefined;

async function runValue(url: string, i: number) {
  blob ??= await (await fetch(url)).blob();
  const v = await viaImporter(blob, `bench-import-xlsx-${i}`);
  return { ...v, bytes: blob.size };
}

async function runBaseline(i: number) {
  return viaRaw(blob!, `bench-import-xlsx-raw-${i}`);
}

Object.assign(globalThis, { runValue, runBaseline });
