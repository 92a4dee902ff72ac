import type Dexie from 'dexie';
import { db, type TiewiseDB } from './database';
import { prepareContact } from './contacts';
import { guarded } from './errors';
import { deriveTies, openDealsByOrg, repContext } from './derive';
import type { Complaint, Contact, Deal, Interaction, Note, Profile, Purchase, TagOverride } from '../domain/entities';
import { normCompany } from '../model/identity';
import type { RepContext } from '../model/tie';
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
  /** the new records' keys (default: a fresh UUID each) */
  newId?: () => string;
}

export interface ApplyResult {
  summary: ImportSummary;
  rejected: ImportPlan['rejected'];
  /** every contact the import added or changed (stored with their tie fields computed) */
  contactIds: string[];
  /** contacts the import did not change at an organisation it touched: their ties may have changed (a new champion there) */
  peerIds: string[];
}

export async function applyImport(input: ImportInput, opts: ApplyOptions, d: TiewiseDB = db()): Promise<ApplyResult> {
  const now = opts.now ?? Date.now();
  const chunk = opts.chunkSize ?? 5000;
  const check = () => {
    if (opts.signal?.aborted) throw new ImportCancelled();
  };
  check();
  return guarded(() =>
    d.transaction('rw', [...IMPORT_TABLES.map((t) => d.table(t)), d.overrides, d.settings], async () => {
      // what the tie fields need from the rest of the book is read now: a read asked after
      // the writes below would wait in the transaction until they were all stored
      const [contacts, profiles, products, rep, openByOrg] = await Promise.all([
        d.contacts.toArray(),
        d.profiles.toArray(),
        d.products.toArray(),
        repContext(d),
        openDealsByOrg(d),
      ]);
      const ids = contacts.length ? touchedContactIds(input, { contacts, profiles }) : [];
      const of = <T,>(t: Dexie.Table<T, string, unknown>): Promise<T[]> => (ids.length ? t.where('contactId').anyOf(ids).toArray() : Promise.resolve([] as T[]));
      const [notes, interactions, purchases, complaints, theirDeals] = await Promise.all([
        of(d.notes), of(d.interactions), of(d.purchases), of(d.complaints), of(d.deals),
      ]);
      // the deals the file names again (a re-import, or a newer export of the same deals)
      const keys = input.kind === 'contacts' && 'deals' in input ? [...new Set((input.deals ?? []).map((x) => x.deal.key))] : [];
      const deals = keys.length ? await d.deals.where('key').anyOf(keys).toArray() : [];
      check();
      const plan = planImport(input, { contacts, profiles, products, notes, interactions, purchases, complaints, deals }, { fileName: opts.fileName, now, newId: opts.newId });
      check();
      // Written in chunks, each issued without waiting for the one before: the database
      // stores one chunk while this page prepares the next. The rows that need no tie
      // fields go first, so the database is busy with them while the ties are computed.
      const total = plan.contactsAdd.length + plan.contactsUpdate.length + plan.productsAdd.length + plan.profilesAdd.length + plan.notesAdd.length +
        plan.interactionsAdd.length + plan.purchasesAdd.length + plan.complaintsAdd.length + plan.dealsAdd.length + plan.dealsUpdate.length;
      let done = 0;
      const inFlight: Promise<unknown>[] = [];
      const write = (table: Dexie.Table, rows: unknown[], how: 'add' | 'put') => {
        for (let i = 0; i < rows.length; i += chunk) {
          check();
          const part = rows.slice(i, i + chunk);
          const p = (how === 'add' ? table.bulkAdd(part) : table.bulkPut(part)).then(() => {
            done += part.length;
            opts.onProgress?.(done, total);
            check();
          });
          p.catch(() => undefined); // awaited below; a failure aborts the transaction
          inFlight.push(p);
        }
      };
      write(d.products, plan.productsAdd, 'add');
      write(d.profiles, plan.profilesAdd, 'add');
      write(d.notes, plan.notesAdd, 'add');
      write(d.interactions, plan.interactionsAdd, 'add');
      write(d.purchases, plan.purchasesAdd, 'add');
      write(d.complaints, plan.complaintsAdd, 'add');
      write(d.deals, plan.dealsAdd, 'add');
      write(d.deals, plan.dealsUpdate, 'put');
      // A write reaches the database once the outbox middleware has read whether the book is
      // shared (outbox.ts): a read placed after the writes answers after that, so waiting for
      // one lets the database store those rows while the tie fields below are computed.
      await d.settings.count();
      const overrides = plan.contactsUpdate.length ? await d.overrides.bulkGet(plan.contactsUpdate.map((c) => c.id)) : [];
      check();
      const added = plan.contactsAdd.map((c) => prepareContact(c, now)) satisfies Contact[];

      // the tie fields, computed here from what the plan and the book hold (while the
      // rows above are stored), so the contacts are written once and usable when the import says done
      const peerIds = withTies(added, plan, { contacts, profiles, notes, interactions, purchases, complaints, deals: theirDeals }, overrides, rep, now, openByOrg);
      write(d.contacts, added, 'add');
      write(d.contacts, plan.contactsUpdate, 'put');
      await Promise.all(inFlight);
      check();
      return {
        summary: plan.summary,
        rejected: plan.rejected,
        contactIds: [...new Set([...added.map((c) => c.id), ...plan.contactsUpdate.map((c) => c.id), ...plan.dealsAdd.map((x) => x.contactId), ...plan.dealsUpdate.map((x) => x.contactId)])],
        peerIds,
      };
    }),
  );
}

interface Existing {
  contacts: Contact[];
  profiles: Profile[];
  notes: Note[];
  interactions: Interaction[];
  purchases: Purchase[];
  complaints: Complaint[];
  /** the touched contacts' deals */
  deals: Deal[];
}

/**
 * Sets the derived tie fields on the contacts the import adds (`added`) and
 * changes (plan.contactsUpdate), from their rows in the book and in the plan.
 * Returns the ids of the book's other contacts at the organisations the import
 * touched (their peers changed; refreshAllTies brings them up to date).
 */
function withTies(
  added: Contact[], plan: ImportPlan, book: Existing, overrides: (TagOverride | undefined)[], rep: RepContext | undefined, now: number,
  openByOrg: Map<string, Deal[]>,
): string[] {
  const group = <T extends { contactId: string }>(...lists: T[][]) => {
    const m = new Map<string, T[]>();
    for (const list of lists) for (const r of list) {
      const a = m.get(r.contactId);
      if (a) a.push(r);
      else m.set(r.contactId, [r]);
    }
    return m;
  };
  const notes = group(book.notes, plan.notesAdd);
  const interactions = group(book.interactions, plan.interactionsAdd);
  const purchases = group(book.purchases, plan.purchasesAdd);
  const complaints = group(book.complaints, plan.complaintsAdd);
  // deals as they will be: the book's, moved on by the plan's updates, and the plan's new ones
  const dealById = new Map<string, Deal>();
  for (const x of [...book.deals, ...plan.dealsUpdate, ...plan.dealsAdd]) dealById.set(x.id, x);
  const deals = group([...dealById.values()]);
  for (const x of [...plan.dealsUpdate, ...plan.dealsAdd]) {
    if (!x.companyKey) continue;
    const list = (openByOrg.get(x.companyKey) ?? []).filter((y) => y.id !== x.id);
    openByOrg.set(x.companyKey, x.status === 'open' ? [...list, x] : list);
  }
  const batch = [...added, ...plan.contactsUpdate];
  const ids = new Set(batch.map((c) => c.id));
  const profiles = group(book.profiles.filter((p) => ids.has(p.contactId)), plan.profilesAdd);
  const override = new Map(plan.contactsUpdate.map((c, i) => [c.id, overrides[i]]));
  const ties = deriveTies(batch.map((c) => ({
    contact: c, notes: notes.get(c.id), interactions: interactions.get(c.id), purchases: purchases.get(c.id),
    complaints: complaints.get(c.id), profiles: profiles.get(c.id), override: override.get(c.id), deals: deals.get(c.id),
  })), rep, now, book.contacts, openByOrg);
  for (const c of batch) Object.assign(c, ties.get(c.id));
  const orgs = new Set(batch.map((c) => normCompany(c.company)).filter(Boolean));
  // a contact the import gave (or moved on) a deal without changing the contact itself: refreshed after, with its account
  const dealt = new Set([...plan.dealsAdd, ...plan.dealsUpdate].map((x) => x.contactId).filter((id) => !ids.has(id)));
  for (const x of [...plan.dealsAdd, ...plan.dealsUpdate]) if (x.companyKey) orgs.add(x.companyKey);
  return book.contacts.filter((c) => !ids.has(c.id) && (dealt.has(c.id) || orgs.has(normCompany(c.company)))).map((c) => c.id);
}
