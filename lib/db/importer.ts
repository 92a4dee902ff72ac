import type Dexie from 'dexie';
import { db, type TiewiseDB } from './database';
import { guarded, prepareContact } from './repo';
import type { Contact } from './schema';
import { type ImportInput, type ImportPlan, type ImportSummary, planImport, touchedContactIds } from '../import/apply';

// Applies a parsed import to the book in ONE read-write transaction over the
// tables it touches: the plan (lib/import/apply.ts) is made from the book as the
// transaction sees it, then written. Anything that goes wrong — a full disk, a
// cancel, a bug — aborts the transaction and the book is exactly as before.

export const IMPORT_TABLES = ['contacts', 'profiles', 'notes', 'interactions', 'purchases', 'products', 'complaints', 'deals'] as const;

/** The user cancelled while the import was being written: nothing was kept. */
export class ImportCancelled extends Error {
  constructor() {
    super('import-cancelled');
    this.name = 'ImportCancelled';
  }
}

export interface ApplyOptions {
  fileName: string;
  now?: number;
  /** checked between write chunks; an aborted signal rolls the whole import back */
  signal?: AbortSignal;
  /** rows per bulk write (progress and cancel granularity) */
  chunkSize?: number;
  /** rows written so far, of the total */
  onProgress?: (done: number, total: number) => void;
}

export interface ApplyResult {
  summary: ImportSummary;
  rejected: ImportPlan['rejected'];
  /** every contact the import added or changed */
  contactIds: string[];
}

export async function applyImport(input: ImportInput, opts: ApplyOptions, d: TiewiseDB = db()): Promise<ApplyResult> {
  const now = opts.now ?? Date.now();
  const chunk = opts.chunkSize ?? 5000;
  const check = () => {
    if (opts.signal?.aborted) throw new ImportCancelled();
  };
  check();
  return guarded(() =>
    d.transaction('rw', IMPORT_TABLES.map((t) => d.table(t)), async () => {
      const [contacts, profiles, products] = await Promise.all([
        d.contacts.toArray(),
        d.profiles.toArray(),
        d.products.toArray(),
      ]);
      const ids = contacts.length ? touchedContactIds(input, { contacts, profiles }) : [];
      const of = <T,>(t: Dexie.Table<T>) => (ids.length ? t.where('contactId').anyOf(ids).toArray() : Promise.resolve([] as T[]));
      const [notes, interactions, purchases, complaints] = await Promise.all([
        of(d.notes), of(d.interactions), of(d.purchases), of(d.complaints),
      ]);
      // the deals the file names again (a re-import, or a newer export of the same deals)
      const keys = input.kind === 'contacts' && 'deals' in input ? [...new Set((input.deals ?? []).map((x) => x.deal.key))] : [];
      const deals = keys.length ? await d.deals.where('key').anyOf(keys).toArray() : [];
      check();
      const plan = planImport(input, { contacts, profiles, products, notes, interactions, purchases, complaints, deals }, { fileName: opts.fileName, now });
      check();

      const writes: Array<[Dexie.Table, unknown[], 'add' | 'put']> = [
        [d.contacts, plan.contactsAdd.map((c) => prepareContact(c, now)) satisfies Contact[], 'add'],
        [d.contacts, plan.contactsUpdate, 'put'],
        [d.products, plan.productsAdd, 'add'],
        [d.profiles, plan.profilesAdd, 'add'],
        [d.notes, plan.notesAdd, 'add'],
        [d.interactions, plan.interactionsAdd, 'add'],
        [d.purchases, plan.purchasesAdd, 'add'],
        [d.complaints, plan.complaintsAdd, 'add'],
        [d.deals, plan.dealsAdd, 'add'],
        [d.deals, plan.dealsUpdate, 'put'],
      ];
      const total = writes.reduce((n, [, rows]) => n + rows.length, 0);
      let done = 0;
      for (const [table, rows, how] of writes) {
        for (let i = 0; i < rows.length; i += chunk) {
          check();
          const part = rows.slice(i, i + chunk);
          if (how === 'add') await table.bulkAdd(part);
          else await table.bulkPut(part);
          done += part.length;
          opts.onProgress?.(done, total);
        }
      }
      check();
      return {
        summary: plan.summary,
        rejected: plan.rejected,
        contactIds: [...new Set([...plan.contactsAdd.map((c) => c.id), ...plan.contactsUpdate.map((c) => c.id), ...plan.dealsAdd.map((x) => x.contactId), ...plan.dealsUpdate.map((x) => x.contactId)])],
      };
    }),
  );
}
