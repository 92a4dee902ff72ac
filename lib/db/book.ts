import Dexie, { cmp, type IntervalTree, type ObservabilitySet, type Table } from 'dexie';
import { db, type TiewiseDB } from './database';
import type { Contact, Group, Product } from '../domain/entities';
import { toRow, type BookRow } from '../book/row';
import type { SearchDoc } from '../book/search';
import type { BookGroup, BookModel } from '../book/model';

// Data access for the book page: reads the whole book into a BookModel in pages
// (never one giant array of full records), keeps it current from Dexie's own change
// feed (the `storagemutated` event, which fires for writes in this page and, through
// Dexie's broadcast, in the background and other pages), and reads full records
// for export.

const PAGE = 5000;

/** Rows and search documents for the given contacts (one query per table). */
export async function rowsFor(ids: readonly string[], d: TiewiseDB = db()): Promise<{ rows: BookRow[]; docs: SearchDoc[] }> {
  if (!ids.length) return { rows: [], docs: [] };
  const key = [...ids];
  const [contacts, profiles, purchases, memberships, notes] = await Promise.all([
    d.contacts.bulkGet(key),
    d.profiles.where('contactId').anyOf(key).toArray(),
    d.purchases.where('contactId').anyOf(key).toArray(),
    d.memberships.where('contactId').anyOf(key).toArray(),
    d.notes.where('contactId').anyOf(key).toArray(),
  ]);
  const facts = new Facts();
  for (const p of profiles) facts.push(facts.networks, p.contactId, p.network);
  for (const p of purchases) facts.push(facts.products, p.contactId, p.productId);
  for (const m of memberships) facts.push(facts.groups, m.contactId, m.groupId);
  for (const n of notes) facts.push(facts.notes, n.contactId, n.text);
  const live = contacts.filter((c): c is Contact => !!c);
  return { rows: live.map((c) => facts.row(c)), docs: live.map((c) => facts.doc(c)) };
}

class Facts {
  networks = new Map<string, string[]>();
  products = new Map<string, string[]>();
  groups = new Map<string, string[]>();
  notes = new Map<string, string[]>();
  push(m: Map<string, string[]>, id: string, v: string) {
    const a = m.get(id);
    if (a) a.push(v);
    else m.set(id, [v]);
  }
  row(c: Contact): BookRow {
    return toRow(c, { networks: this.networks.get(c.id), products: this.products.get(c.id), groups: this.groups.get(c.id) });
  }
  doc(c: Contact): SearchDoc {
    return { id: c.id, name: c.name, company: c.company, emails: c.emails, notes: this.notes.get(c.id)?.join('\n'), custom: c.custom?.map((x) => x.value) };
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function eachPage<T extends { id: string }>(table: Table<T, string, any>, fn: (rows: T[]) => void): Promise<void> {
  let last: string | undefined;
  for (;;) {
    const q = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
    const page = await q.limit(PAGE).toArray();
    if (!page.length) return;
    fn(page);
    last = page[page.length - 1].id;
    if (page.length < PAGE) return;
  }
}

export function toBookGroup(g: Group): BookGroup {
  return { id: g.id, name: g.name, color: g.color ?? '#4f6bed', rule: g.rule, createdAt: g.createdAt };
}

export async function listGroups(d: TiewiseDB = db()): Promise<BookGroup[]> {
  const gs = await d.groups.toArray();
  return gs.map(toBookGroup).sort((a, b) => a.name.localeCompare(b.name));
}

export async function listProducts(d: TiewiseDB = db()): Promise<Product[]> {
  return (await d.products.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads the whole book into the model, page by page. */
export async function loadBook(model: BookModel, d: TiewiseDB = db()): Promise<void> {
  const facts = new Facts();
  await eachPage(d.profiles, (ps) => ps.forEach((p) => facts.push(facts.networks, p.contactId, p.network)));
  await eachPage(d.purchases, (ps) => ps.forEach((p) => facts.push(facts.products, p.contactId, p.productId)));
  await eachPage(d.notes, (ns) => ns.forEach((n) => facts.push(facts.notes, n.contactId, n.text)));
  for (const m of await d.memberships.toArray()) facts.push(facts.groups, m.contactId, m.groupId);
  const rows: BookRow[] = [];
  const docs: SearchDoc[] = [];
  await eachPage(d.contacts, (cs) => {
    for (const c of cs) {
      rows.push(facts.row(c));
      docs.push(facts.doc(c));
    }
  });
  model.load(rows, docs, await listGroups(d));
}

/** What a batch of writes touched: contacts by id, or "everything", and whether groups changed. */
export interface BookChange {
  contacts: Set<string> | 'all';
  groups: boolean;
  products: boolean;
}

function pointKeys(tree: IntervalTree, out: unknown[]): boolean {
  if (!('from' in tree)) return true;
  const walk = (n: { from: unknown; to: unknown; l?: unknown; r?: unknown } | null | undefined): boolean => {
    if (!n) return true;
    if (cmp(n.from as never, n.to as never) !== 0) return false;
    out.push(n.from);
    return walk(n.l as never) && walk(n.r as never);
  };
  return walk(tree as never);
}

/** Reads Dexie's change set: which contacts of the book it touched. */
export function bookChange(parts: ObservabilitySet, dbName: string): BookChange | null {
  const prefix = `idb://${dbName}/`;
  const ids = new Set<string>();
  let all = false;
  let groups = false;
  let products = false;
  let any = false;
  for (const [part, tree] of Object.entries(parts)) {
    if (!part.startsWith(prefix) || !('from' in tree)) continue;
    const [table, index] = part.slice(prefix.length).split('/');
    const keys: unknown[] = [];
    const take = (ok: boolean, map: (k: unknown) => unknown = (k) => k) => {
      any = true;
      if (!ok) all = true;
      else for (const k of keys) if (typeof map(k) === 'string') ids.add(map(k) as string);
    };
    if (table === 'contacts' && (index === '' || index === ':dels')) take(pointKeys(tree, keys));
    else if (table === 'memberships' && (index === '' || index === ':dels')) take(pointKeys(tree, keys), (k) => (Array.isArray(k) ? k[1] : undefined));
    else if (['profiles', 'purchases', 'notes'].includes(table) && index === 'contactId') take(pointKeys(tree, keys));
    else if (['profiles', 'purchases', 'notes'].includes(table) && index === ':dels') {
      // a deletion names the row, not its contact: follow it with a full reload
      any = true;
      all = true;
    } else if (table === 'groups') {
      any = true;
      groups = true;
    } else if (table === 'products') {
      any = true;
      products = true;
    }
  }
  if (!any) return null;
  return { contacts: all ? 'all' : ids, groups, products };
}

/**
 * Keeps the model current: each committed change re-reads only the contacts it
 * touched (a change too wide to name them, or most of the book, reloads it).
 * Returns the unsubscribe.
 */
export function followBook(model: BookModel, d: TiewiseDB = db(), onError: (e: unknown) => void = console.error): () => void {
  let pending: BookChange | null = null;
  let running = false;
  const merge = (c: BookChange) => {
    if (!pending) pending = { contacts: c.contacts === 'all' ? 'all' : new Set(c.contacts), groups: c.groups, products: c.products };
    else {
      if (c.contacts === 'all' || pending.contacts === 'all') pending.contacts = 'all';
      else for (const id of c.contacts) pending.contacts.add(id);
      pending.groups ||= c.groups;
      pending.products ||= c.products;
    }
  };
  const run = async () => {
    if (running) return;
    running = true;
    try {
      while (pending) {
        const c: BookChange = pending;
        pending = null;
        if (c.contacts === 'all' || c.contacts.size > Math.max(2000, model.size / 2)) {
          await loadBook(model, d);
          continue;
        }
        const ids = [...c.contacts];
        if (ids.length) {
          const { rows, docs } = await rowsFor(ids, d);
          model.apply(ids, rows, docs);
        }
        if (c.groups) model.setGroups(await listGroups(d));
      }
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  };
  const listener = (parts: ObservabilitySet) => {
    const c = bookChange(parts, d.name);
    if (!c) return;
    merge(c);
    void run();
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}

/** Full contacts for export, in the given order. */
export async function contactsForExport(ids: readonly string[], d: TiewiseDB = db()): Promise<Contact[]> {
  const out: Contact[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    const page = await d.contacts.bulkGet(ids.slice(i, i + PAGE) as string[]);
    for (const c of page) if (c) out.push(c);
  }
  return out;
}
