// Runs inside Chromium (bundled by tests/bench/cases/import.ts). The file is fetched
// from the bench's own origin as a Blob and read as a stream, as the import worker
// reads a File.
//   value:    as the settings page imports: a Worker (import-worker.ts: started for the
//             preview, which it makes of the file's first 64 KB, its database open, all
//             before the clock starts) reads the Blob through lib/import (detect, parse, map, in-file
//             duplicates), asks the page's consent, and runs the importer (match against
//             the book, plan, ONE rw transaction, the tie fields of every imported
//             contact); then the page refreshes the book's other contacts at the
//             organisations the import touched, and the panel's lookup finds an imported
//             contact: "imported, ties computed, searchable".
//   baseline: the same Blob parsed with papaparse (header row, whole text), then
//             raw IndexedDB puts of exactly the contacts and notes the importer
//             stored (tie fields included) into stores with the same indexes, one
//             transaction: no detection, mapping, duplicate check, matching or model.
import Papa from 'papaparse';
import { TiewiseDB } from '@/lib/db/database';
import { refreshAllTies } from '@/lib/db/derive';
import { candidatesFor } from '@/lib/db/match';
import { emptyFields, type Extraction } from '@/lib/extract/types';
import type { ApplyResult } from '@/lib/db/importer';
import { drop, rawDb } from './raw-db';


type Reply = { type: 'ready' } | { type: 'read' } | { type: 'done'; result: ApplyResult; parseMs: number } | { type: 'error'; message: string };

/** The import worker as the user's click finds it: the preview made, its database open. */
function warmWorker(workerUrl: string, name: string, file: File): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerUrl);
    w.onmessage = (e: MessageEvent<Reply>) => (e.data.type === 'ready' ? resolve(w) : reject(new Error(JSON.stringify(e.data))));
    w.onerror = (e) => (w.terminate(), reject(new Error(e.message)));
    w.postMessage({ type: 'open', name, file });
  });
}

/** The import in the worker, as the settings page runs it: the file read, consent given, written. */
function inWorker(w: Worker, blob: Blob): Promise<{ result: ApplyResult; parseMs: number }> {
  return new Promise((resolve, reject) => {
    w.onmessage = (e: MessageEvent<Reply>) => {
      const m = e.data;
      if (m.type === 'read') return w.postMessage({ type: 'write' });
      w.terminate();
      if (m.type === 'done') resolve(m);
      else reject(new Error(m.type === 'error' ? m.message : m.type));
    };
    w.postMessage({ type: 'import', blob });
  });
}

/**
 * The importer, to usable: the import worker's read + plan + write (the tie fields of
 * the contacts it stored included), then refreshAllTies for the book's other contacts
 * at the organisations it touched (as the options page's tie worker runs it), then the
 * panel's lookup (candidatesFor) finds an imported contact. Returns the stored
 * contacts and notes for the baseline to write.
 */
async function viaImporter(blob: Blob, name: string, workerUrl: string) {
  const d = new TiewiseDB(name);
  await d.open();
  const w = await warmWorker(workerUrl, name, new File([blob], 'contacts.csv', { type: 'text/csv' }));
  const t0 = performance.now();
  const { result: r, parseMs } = await inWorker(w, blob);
  const t2 = performance.now();
  // the import stored its contacts with their tie fields; the book's other contacts at the organisations it touched follow
  await refreshAllTies(Date.now(), d, r.peerIds);
  const t3 = performance.now();
  const probe = await d.contacts.get(r.contactIds[Math.floor(r.contactIds.length / 2)]);
  const found = await candidatesFor(profileRead(probe!.name, probe!.company), 5, d);
  if (!found.some((c) => c.contact.id === probe!.id)) throw new Error('an imported contact is not found by candidatesFor');
  const ms = performance.now() - t0;
  const scored = await d.contacts.where('tieScore').aboveOrEqual(0).count();
  if (scored < r.contactIds.length) throw new Error(`ties computed for ${scored} of ${r.contactIds.length}`);
  const stored = { contacts: await d.contacts.toArray(), notes: await d.notes.toArray() };
  d.close();
  await drop(name);
  return { ms, parseMs, applyMs: t2 - t0 - parseMs, tiesMs: t3 - t2, summary: r.summary, rejected: r.rejected.length, stored };
}

/** Parse with papaparse (as the baseline's whole parse), then raw puts of the objects the importer stored: the whole time, and the read and parse's. */
async function viaRaw(blob: Blob, name: string, stored: { contacts: unknown[]; notes: unknown[] }) {
  const idb = await rawDb(name);
  const t0 = performance.now();
  const text = await blob.text();
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const parseMs = performance.now() - t0;
  if (rows.length < stored.contacts.length * 0.9) throw new Error('the baseline parsed too few rows');
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(['contacts', 'notes'], 'readwrite');
    const c = tx.objectStore('contacts');
    const n = tx.objectStore('notes');
    for (const o of stored.contacts) c.put(o);
    for (const o of stored.notes) n.put(o);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  const ms = performance.now() - t0;
  idb.close();
  await drop(name);
  return { ms, parseMs };
}

/** A profile read naming this person at this company (what the panel gets from a page). */
function profileRead(name: string, company?: string): Extraction {
  const fields = emptyFields();
  fields.name = { status: 'ok', value: name, via: 'bench' };
  if (company) fields.company = { status: 'ok', value: company, via: 'bench' };
  return { site: 'linkedin', kind: 'profile', profileUrl: 'https://www.linkedin.com/in/bench-probe/', lang: 'en', fields };
}

let blob: Blob | undefined;
let last: { contacts: unknown[]; notes: unknown[] } | undefined;

/** One importer run (value), in its own fresh browser; the worker's code is served beside the file. */
async function runValue(url: string, workerCodeUrl: string, i: number) {
  blob ??= await (await fetch(url)).blob();
  // a Blob URL: a worker of the page's own origin (its own IndexedDB), as the extension's is of the extension's
  const workerUrl = URL.createObjectURL(await (await fetch(workerCodeUrl)).blob());
  const v = await viaImporter(blob, `bench-import-${i}`, workerUrl);
  last = v.stored;
  return { ms: v.ms, parseMs: v.parseMs, applyMs: v.applyMs, tiesMs: v.tiesMs, bytes: blob.size, summary: v.summary, rejected: v.rejected };
}

/** The stored objects of the last importer run, as JSON (for the baseline's browser). */
function storedJson(): string {
  return JSON.stringify(last);
}

/** The baseline over the same file and the same stored objects, in its own fresh browser. */
async function runBaseline(url: string, storedUrl: string, i: number) {
  blob ??= await (await fetch(url)).blob();
  const stored = (await (await fetch(storedUrl)).json()) as { contacts: unknown[]; notes: unknown[] };
  return viaRaw(blob, `bench-import-raw-${i}`, stored);
}

Object.assign(globalThis, { runValue, runBaseline, storedJson });
