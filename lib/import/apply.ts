// What an import does to the book, decided before anything is written: each parsed
// record is matched against the existing contacts (Tiewise id, e-mail, CRM id,
// profile URL, then the identity matcher above AUTO_LINK_THRESHOLD), matched
// contacts get their EMPTY fields filled (lists are united, nothing is replaced),
// the rest become new contacts; notes, interactions, purchases, complaints and
// products are attached to the contact they name, and skipped when the book
// already has the same one (importing a file twice changes nothing the second
// time). A row whose contact cannot be found is rejected with its line and reason.
// Pure: the DB layer (lib/db/importer.ts) loads the book, runs the plan, writes it.
// Which contact a record is: match.ts; the fields it gives a contact: to-contact.ts.
// Over 300 lines on purpose: planImport is one pass over the input (contacts, then
// each kind of activity against the contacts it just made), read top to bottom.
import { newId as freshId } from '../domain/ids';
import type {
  Complaint, Contact, Deal, Interaction, Note, Product, Profile, Provenance, Purchase,
} from '../domain/entities';
import { normCompany } from '../model/identity';
import type { DealRecord } from './deals';
import { canonicalProfileUrl as socialProfile } from '../extract/urls';
import type { ContactRef } from './activity';
import type { CsvImportReport } from './csv-kind';
import { normaliseName } from './dedupe';
import { ImportIndex, matchRecord, type MatchKind } from './match';
import { contactFields, fillEmpty, urlsOf, type PlannedContact } from './to-contact';
import type { JsonImportReport } from './json';
import type { VcardReport } from './vcard';
import type { Rejected } from './table';
import { DAY } from '../domain/time';
import { isWhy, why, type Why } from './why';

export type ImportInput = CsvImportReport | JsonImportReport | VcardReport;

export interface ImportSummary {
  /** new contacts */
  added: number;
  /** records that matched a contact already in the book */
  merged: number;
  /** of those, contacts that gained a field */
  updated: number;
  /** rows merged into an earlier row of the same file */
  duplicates: number;
  rejected: number;
  notes: number;
  interactions: number;
  purchases: number;
  products: number;
  complaints: number;
  profiles: number;
  /** activity rows the book already had (a second import of the same file) */
  skipped: number;
  /** deals and leads added */
  deals: number;
  /** deals the book had that a newer export moved on (stage, amount, won or lost) */
  dealsUpdated: number;
}

export interface ImportPlan {
  contactsAdd: PlannedContact[];
  contactsUpdate: Contact[];
  profilesAdd: Profile[];
  notesAdd: Note[];
  interactionsAdd: Interaction[];
  purchasesAdd: Purchase[];
  productsAdd: Product[];
  complaintsAdd: Complaint[];
  dealsAdd: Deal[];
  dealsUpdate: Deal[];
  /** every rejected row: the parser's and the ones whose contact was not found */
  rejected: Rejected[];
  /** how each contact record was matched (parallel to the input's contact records) */
  matchedBy: (MatchKind | null)[];
  summary: ImportSummary;
}

/** The parts of the book an import reads. Activity lists may be limited to the contacts it touches. */
export interface BookSnapshot {
  contacts: Contact[];
  profiles: Pick<Profile, 'contactId' | 'url'>[];
  products?: Product[];
  notes?: Pick<Note, 'contactId' | 'text'>[];
  interactions?: Pick<Interaction, 'contactId' | 'kind' | 'at' | 'summary'>[];
  purchases?: (Pick<Purchase, 'contactId' | 'productId' | 'at' | 'amount' | 'quantity'> & Partial<Pick<Purchase, 'id' | 'dealId'>>)[];
  complaints?: Pick<Complaint, 'contactId' | 'subject' | 'openedAt'>[];
  /** the deals whose keys the import names (or all) */
  deals?: Deal[];
}

export interface PlanContext {
  /** the file name, for the facts' provenance */
  fileName: string;
  now: number;
  newId?: () => string;
}

/** The contacts an input would touch in the book as it is (to load their notes, purchases…). */
export function touchedContactIds(input: ImportInput, book: BookSnapshot): string[] {
  const index = new ImportIndex(book.contacts, book.profiles);
  const out = new Set<string>();
  const records = input.kind === 'json' ? input.contacts : input.kind === 'contacts' ? input.records : [];
  const fileIds = input.kind === 'json' ? input.contactIds : [];
  records.forEach((r, i) => {
    const m = matchRecord(r, index, fileIds[i]);
    if (m) out.add(m.contact.id);
  });
  const refs: ContactRef[] =
    input.kind === 'json'
      ? [...input.notes, ...input.interactions, ...input.purchases, ...input.complaints].map((x) => x as ContactRef & { contactId?: string })
      : input.kind === 'contacts' ? [] : input.records.map((r) => r.contact);
  for (const ref of refs) {
    const id = (ref as { contactId?: string }).contactId;
    if (id && index.get(id)) out.add(id);
    const r = resolveRef(ref, index);
    if (!isWhy(r)) out.add(r.id);
  }
  return [...out];
}

/** The contact a note or purchase names, or why it cannot be found. */
function resolveRef(ref: ContactRef & { contactId?: string }, index: ImportIndex, fileIds?: Map<string, string>): Contact | Why {
  if (ref.contactId) {
    const id = fileIds?.get(ref.contactId) ?? ref.contactId;
    const c = index.get(id);
    if (c) return c;
  }
  if (ref.email) {
    const c = index.findByEmail(ref.email);
    if (c) return c;
  }
  if (ref.crmId) {
    const c = index.findByCrmId(ref.crmId);
    if (c) return c;
  }
  if (ref.name) {
    const found = index.findByName(ref.name);
    if (found.length === 1) return found[0];
    if (found.length > 1) return why('namesake', { count: found.length, name: ref.name });
  }
  const said = ref.email ?? ref.crmId ?? ref.name ?? ref.contactId ?? '';
  return why('noSuchContact', { said });
}

/** Decides everything an import does. `book` is read only; the plan lists what to add and update. */
export function planImport(input: ImportInput, book: BookSnapshot, ctx: PlanContext): ImportPlan {
  const newId = ctx.newId ?? freshId;
  const now = ctx.now;
  const source: Provenance = { kind: 'import', ref: ctx.fileName, at: now };
  const index = new ImportIndex(book.contacts, book.profiles);
  const plan: ImportPlan = {
    contactsAdd: [], contactsUpdate: [], profilesAdd: [], notesAdd: [], interactionsAdd: [],
    purchasesAdd: [], productsAdd: [], complaintsAdd: [], dealsAdd: [], dealsUpdate: [], rejected: [...input.rejected], matchedBy: [],
    summary: {
      added: 0, merged: 0, updated: 0, duplicates: 'duplicates' in input ? input.duplicates.length : 0,
      rejected: 0, notes: 0, interactions: 0, purchases: 0, products: 0, complaints: 0, profiles: 0, skipped: 0,
      deals: 0, dealsUpdated: 0,
    },
  };
  const added = new Map<string, PlannedContact>();
  const updated = new Map<string, Contact>();
  const current = (id: string): Contact => (updated.get(id) ?? added.get(id) ?? index.get(id)) as Contact;

  // what the book already has, so a second import adds nothing
  const seen = new Set<string>();
  const dealPurchases = (book.purchases ?? []).filter((p) => p.dealId);
  for (const n of book.notes ?? []) seen.add(noteKey(n.contactId, n.text));
  for (const i of book.interactions ?? []) seen.add(interactionKey(i));
  for (const p of book.purchases ?? []) seen.add(purchaseKey(p));
  for (const c of book.complaints ?? []) seen.add(complaintKey(c));
  const once = (key: string): boolean => {
    if (seen.has(key)) {
      plan.summary.skipped++;
      return false;
    }
    seen.add(key);
    return true;
  };

  const addNote = (contactId: string, text: string, at = now) => {
    if (!text.trim() || !once(noteKey(contactId, text))) return;
    plan.notesAdd.push({ id: newId(), contactId, text, createdAt: at, updatedAt: at, source });
  };
  const touch = (id: string, patch: Partial<Contact>) => {
    const a = added.get(id);
    if (a) return void Object.assign(a, patch);
    const next = { ...current(id), ...patch };
    updated.set(id, next);
    index.put(next);
  };

  // contacts
  const records = input.kind === 'json' ? input.contacts : input.kind === 'contacts' ? input.records : [];
  const lines = input.kind === 'contacts' ? input.recordLines : [];
  const fileIds = new Map<string, string>();
  const jsonIds = input.kind === 'json' ? input.contactIds : [];
  const leads = input.kind === 'contacts' && input.entity === 'leads';
  const fileDeals = input.kind === 'contacts' && 'deals' in input ? (input.deals ?? []) : [];
  const wonBy = new Set(fileDeals.filter((x) => x.deal.status === 'won' && x.deal.kind === 'deal').map((x) => x.record));
  /** the contact each record became (parallel to records) */
  const recordIds: string[] = [];
  records.forEach((r, i) => {
    const fields = contactFields(r);
    // a lead is someone the team is selling to, whatever its status is called
    if (leads && !fields.relation) fields.relation = 'prospect';
    // someone with a deal: a customer once one is won, else someone being sold to
    if (input.kind === 'contacts' && input.entity === 'deals' && !fields.relation) fields.relation = wonBy.has(i) ? 'customer' : 'prospect';
    const m = matchRecord(r, index, jsonIds[i]);
    let id: string;
    if (m) {
      id = m.contact.id;
      plan.summary.merged++;
      plan.matchedBy.push(m.by);
      const base = current(id);
      const next = fillEmpty(base, fields, now);
      if (next) {
        if (added.has(id)) Object.assign(added.get(id)!, next);
        else {
          if (!updated.has(id)) plan.summary.updated++;
          updated.set(id, next);
        }
        index.put(next);
      }
    } else {
      id = jsonIds[i] && !index.get(jsonIds[i]!) ? jsonIds[i]! : newId();
      const c: PlannedContact = { ...fields, id, source: { ...source, ...(lines[i] ? { ref: `${ctx.fileName}:${lines[i]}` } : {}) }, createdAt: now, updatedAt: now };
      added.set(id, c);
      index.put(c);
      plan.matchedBy.push(null);
    }
    if (jsonIds[i]) fileIds.set(jsonIds[i]!, id);
    recordIds.push(id);
    for (const u of urlsOf(r)) {
      const social = socialProfile(u);
      if (!social) continue;
      if (index.contactOfUrl(social.profileUrl) !== undefined) continue; // already linked (to this contact or, by an earlier key, another)
      plan.profilesAdd.push({ id: newId(), contactId: id, network: social.site, url: social.profileUrl, linkedAt: now });
      index.putUrl(social.profileUrl, id);
    }
    if (r.notes) addNote(id, r.notes);
  });

  const reject = (line: number, reason: Why, raw: string, collection?: string) =>
    plan.rejected.push(collection ? { line, ...reason, raw, collection } as Rejected : { line, ...reason, raw });

  // products (JSON), then what refers to them
  const products = new Map<string, Product>();
  const productKeys = (p: Pick<Product, 'id' | 'sku' | 'name'>) => [`id:${p.id}`, ...(p.sku ? [`sku:${p.sku.trim().toLowerCase()}`] : []), `name:${normaliseName(p.name)}`];
  const findProduct = (q: { id?: string; sku?: string; name?: string }) =>
    (q.id && products.get(`id:${q.id}`)) || (q.sku && products.get(`sku:${q.sku.trim().toLowerCase()}`)) || (q.name && products.get(`name:${normaliseName(q.name)}`)) || undefined;
  const keepProduct = (p: Product) => {
    for (const k of productKeys(p)) if (!products.has(k)) products.set(k, p);
  };
  for (const p of book.products ?? []) keepProduct(p);
  const productFor = (q: { id?: string; sku?: string; name?: string; price?: number; currency?: string }): Product => {
    const found = findProduct(q);
    if (found) return found;
    const p: Product = { id: q.id && !products.has(`id:${q.id}`) ? q.id : newId(), name: q.name ?? q.sku ?? '', relations: [] };
    if (q.sku) p.sku = q.sku;
    if (q.price !== undefined) p.price = q.price;
    if (q.currency) p.currency = q.currency;
    plan.productsAdd.push(p);
    keepProduct(p);
    return p;
  };

  if (input.kind === 'json') {
    for (const p of input.products) {
      const existed = findProduct(p);
      if (existed) plan.summary.skipped++;
      else productFor({ ...p, id: p.id });
    }
    const refOf = (x: { contactId?: string; email?: string; crmId?: string }) => resolveRef(x, index, fileIds);
    input.notes.forEach((n, i) => {
      const c = refOf(n);
      if (isWhy(c)) return reject(1, { ...c, reason: `notes[${i}]: ${c.reason}` }, JSON.stringify(n), 'notes');
      addNote(c.id, n.text, n.at ?? now);
    });
    input.interactions.forEach((x, i) => {
      const c = refOf(x);
      if (isWhy(c)) return reject(1, { ...c, reason: `interactions[${i}]: ${c.reason}` }, JSON.stringify(x), 'interactions');
      const row: Interaction = { id: newId(), contactId: c.id, kind: x.kind, direction: x.direction, at: x.at, summary: x.summary, source };
      if (x.subject) row.subject = x.subject;
      if (!once(interactionKey(row))) return;
      plan.interactionsAdd.push(row);
      if ((current(c.id).lastContactAt ?? 0) < x.at) touch(c.id, { lastContactAt: x.at });
    });
    input.purchases.forEach((x, i) => {
      const c = refOf(x);
      if (isWhy(c)) return reject(1, { ...c, reason: `purchases[${i}]: ${c.reason}` }, JSON.stringify(x), 'purchases');
      const product = productFor({ id: x.productId, sku: x.sku, name: x.product });
      const row: Purchase = { id: newId(), contactId: c.id, productId: product.id, at: x.at, quantity: x.quantity, amount: x.amount, currency: x.currency ?? product.currency ?? 'USD', source };
      if (once(purchaseKey(row))) plan.purchasesAdd.push(row);
    });
    input.complaints.forEach((x, i) => {
      const c = refOf(x);
      if (isWhy(c)) return reject(1, { ...c, reason: `complaints[${i}]: ${c.reason}` }, JSON.stringify(x), 'complaints');
      const row: Complaint = { id: newId(), contactId: c.id, subject: x.subject, state: x.state, openedAt: x.openedAt, source };
      if (x.closedAt !== undefined) row.closedAt = x.closedAt;
      if (x.productId) row.productId = x.productId;
      if (once(complaintKey(row))) plan.complaintsAdd.push(row);
    });
  } else if (input.kind === 'notes' || input.kind === 'purchases') {
    const raws = (input as { recordRaws?: string[] }).recordRaws ?? [];
    input.records.forEach((x, i) => {
      const c = resolveRef(x.contact, index);
      if (isWhy(c)) return reject(input.recordLines[i], c, raws[i] ?? '');
      if (input.kind === 'notes') {
        const n = x as (typeof input.records)[number];
        addNote(c.id, n.text, n.at ?? now);
      } else {
        const p = x as Extract<ImportInput, { kind: 'purchases' }>['records'][number];
        const product = productFor({ sku: p.product.sku, name: p.product.name, currency: p.currency });
        const row: Purchase = { id: newId(), contactId: c.id, productId: product.id, at: p.at, quantity: p.quantity, amount: p.amount, currency: p.currency ?? product.currency ?? 'USD', source };
        // the same purchase the book already has as a won deal's
        if (dealPurchases.some((x) => samePurchase(x, row))) return void plan.summary.skipped++;
        if (once(purchaseKey(row))) plan.purchasesAdd.push(row);
      }
    });
  }

  // deals and leads: one per row, known again by its key; a won deal is a purchase
  const dealsByKey = new Map<string, Deal>();
  for (const x of book.deals ?? []) if (!dealsByKey.has(x.key)) dealsByKey.set(x.key, x);
  const purchasesOf = (contactId: string) => [
    ...(book.purchases ?? []).filter((x) => x.contactId === contactId),
    ...plan.purchasesAdd.filter((x) => x.contactId === contactId),
  ];
  const purchaseFor = (deal: Deal) => {
    const name = deal.product ?? deal.title;
    // no date, no purchase: a won deal at an unknown time is no recent purchase
    if (deal.kind !== 'deal' || deal.status !== 'won' || deal.purchaseId || !name || deal.closedAt === undefined) return;
    const product = productFor({ name, currency: deal.currency });
    const row: Purchase = {
      id: newId(), contactId: deal.contactId, productId: product.id, at: deal.closedAt, quantity: 1,
      amount: deal.amount ?? 0, currency: deal.currency ?? product.currency ?? '', source: deal.source, dealId: deal.id,
    };
    const same = purchasesOf(deal.contactId).find((x) => samePurchase(x, row));
    if (same?.id) deal.purchaseId = same.id;
    else if (!same) {
      plan.purchasesAdd.push(row);
      seen.add(purchaseKey(row));
      deal.purchaseId = row.id;
    }
  };
  for (const { record, deal: r } of fileDeals) {
    const contactId = recordIds[record];
    if (contactId === undefined) continue;
    const known = dealsByKey.get(r.key);
    const fresh = dealFields(r);
    if (known) {
      if (plan.dealsAdd.includes(known) || plan.dealsUpdate.includes(known)) {
        plan.summary.skipped++;
        continue;
      }
      const changed = (Object.keys(fresh) as (keyof typeof fresh)[]).some((k) => JSON.stringify(fresh[k]) !== JSON.stringify(known[k]));
      if (!changed) {
        plan.summary.skipped++;
        continue;
      }
      // a newer export of the same deal: its stage, amount or outcome moved on
      const next: Deal = { ...known, ...fresh, updatedAt: now };
      if (next.status !== 'won') delete next.closedAt;
      if (fresh.closedAt !== undefined) next.closedAt = fresh.closedAt;
      purchaseFor(next);
      dealsByKey.set(r.key, next);
      plan.dealsUpdate.push(next);
      continue;
    }
    const company = current(contactId)?.company;
    const deal: Deal = {
      id: newId(), contactId, key: r.key, kind: r.kind, ...fresh,
      ...(company ? { company, companyKey: normCompany(company) } : {}),
      source: { ...source, ref: `${ctx.fileName}:${r.line}` }, updatedAt: now,
    };
    purchaseFor(deal);
    dealsByKey.set(r.key, deal);
    plan.dealsAdd.push(deal);
  }

  plan.contactsAdd = [...added.values()];
  plan.contactsUpdate = [...updated.values()].filter((c) => !added.has(c.id));
  plan.rejected.sort((a, b) => a.line - b.line);
  const s = plan.summary;
  s.added = plan.contactsAdd.length;
  s.updated = plan.contactsUpdate.length;
  s.rejected = plan.rejected.length;
  s.notes = plan.notesAdd.length;
  s.interactions = plan.interactionsAdd.length;
  s.purchases = plan.purchasesAdd.length;
  s.products = plan.productsAdd.length;
  s.complaints = plan.complaintsAdd.length;
  s.profiles = plan.profilesAdd.length;
  s.deals = plan.dealsAdd.length;
  s.dealsUpdated = plan.dealsUpdate.length;
  return plan;
}

/** A deal's own fields from its row (everything but where it is stored). */
function dealFields(r: DealRecord): Omit<Deal, 'id' | 'contactId' | 'key' | 'kind' | 'source' | 'updatedAt' | 'company' | 'companyKey' | 'purchaseId'> {
  const out: ReturnType<typeof dealFields> = { status: r.status };
  for (const k of ['crmId', 'title', 'stage', 'amount', 'currency', 'product', 'owner', 'openedAt', 'closedAt', 'custom'] as const) {
    if (r[k] !== undefined) (out as Record<string, unknown>)[k] = r[k];
  }
  return out;
}

/**
 * The same purchase, as a won deal and as a purchases file may each give it: one
 * contact, one product, one calendar day, one amount (a deal without an amount
 * matches on the rest). Conservative: anything else is another purchase.
 */
function samePurchase(a: Pick<Purchase, 'contactId' | 'productId' | 'at' | 'amount'>, b: Pick<Purchase, 'contactId' | 'productId' | 'at' | 'amount'>): boolean {
  return a.contactId === b.contactId && a.productId === b.productId && Math.floor(a.at / DAY) === Math.floor(b.at / DAY) &&
    (a.amount === b.amount || !a.amount || !b.amount);
}

const noteKey = (contactId: string, text: string) => `n|${contactId}|${text.trim()}`;
const interactionKey = (i: Pick<Interaction, 'contactId' | 'kind' | 'at' | 'summary'>) => `i|${i.contactId}|${i.kind}|${i.at}|${i.summary}`;
const purchaseKey = (p: Pick<Purchase, 'contactId' | 'productId' | 'at' | 'amount' | 'quantity'>) => `p|${p.contactId}|${p.productId}|${p.at}|${p.amount}|${p.quantity}`;
const complaintKey = (c: Pick<Complaint, 'contactId' | 'subject' | 'openedAt'>) => `c|${c.contactId}|${c.subject}|${c.openedAt}`;
