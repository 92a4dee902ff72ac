// Tiewise's JSON import format: one object with arrays `contacts`, `notes`,
// `interactions`, `purchases`, `products`, `complaints` (a bare array is taken as
// contacts). Each entry is checked with zod; a bad entry is rejected with its
// collection, index, the physical line it starts on and the reason, the rest are
// accepted. Contacts go through the same "names nobody" rule and duplicate
// detection as a CSV. Entries refer to a contact by `contactId` (a Tiewise id, as in
// our own export), `email` or `crmId`; the DB layer resolves the reference.
import { z } from 'zod';
import { InteractionKind, ProductRelation } from '../db/schema';
import type { Duplicate } from './contacts';
import { DuplicateIndex, keysOf, mergeInto } from './dedupe';
import { type ContactRecord, MULTI_FIELDS } from './fields';
import { orderKeys } from './mapping';
import { ImportError, type Rejected } from './table';
import { parseDate } from './values';

const text = z.string();
const opt = text.optional();

/** epoch ms, or a date string (ISO, 15.03.2024, 15 Mar 2024…) */
const When = z.union([
  z.number().finite(),
  z.string().transform((s, ctx) => {
    const t = parseDate(s) ?? Date.parse(s);
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: 'custom', message: `date not understood: "${s}"` });
      return z.NEVER;
    }
    return t;
  }),
]);

const Ref = {
  contactId: opt,
  email: opt,
  crmId: opt,
};
const hasRef = (r: { contactId?: string; email?: string; crmId?: string }) => !!(r.contactId || r.email || r.crmId);
const refMessage = { message: 'names nobody: no contactId, email or crmId' };

export const JsonContact = z.looseObject({
  id: opt,
  name: opt,
  firstName: opt,
  middleName: opt,
  lastName: opt,
  email: opt,
  emails: z.array(text).optional(),
  phone: opt,
  phones: z.array(text).optional(),
  company: opt,
  position: opt,
  city: opt,
  country: opt,
  profileUrl: opt,
  profileUrls: z.array(text).optional(),
  website: opt,
  crmId: opt,
  notes: opt,
  birthday: opt,
  tags: z.union([text, z.array(text)]).optional(),
  stage: opt,
});
export type JsonContact = z.infer<typeof JsonContact>;

export const JsonNote = z.object({ ...Ref, text: text.min(1, 'no text'), at: When.optional() }).refine(hasRef, refMessage);
export type JsonNote = z.infer<typeof JsonNote>;

export const JsonInteraction = z
  .object({ ...Ref, kind: InteractionKind, direction: z.enum(['in', 'out']).default('out'), at: When, summary: z.string().default(''), subject: opt })
  .refine(hasRef, refMessage);
export type JsonInteraction = z.infer<typeof JsonInteraction>;

export const JsonPurchase = z
  .object({
    ...Ref,
    productId: opt,
    sku: opt,
    product: opt,
    at: When,
    quantity: z.number().default(1),
    amount: z.number().default(0),
    currency: opt,
  })
  .refine(hasRef, refMessage)
  .refine((p) => !!(p.productId || p.sku || p.product), { message: 'no product: no productId, sku or product name' });
export type JsonPurchase = z.infer<typeof JsonPurchase>;

export const JsonProduct = z.object({
  id: opt,
  sku: opt,
  name: text.min(1, 'no name'),
  price: z.number().optional(),
  currency: opt,
  relations: z.array(ProductRelation).default([]),
});
export type JsonProduct = z.infer<typeof JsonProduct>;

export const JsonComplaint = z
  .object({ ...Ref, subject: text.min(1, 'no subject'), state: z.enum(['open', 'in-progress', 'resolved']).default('open'), openedAt: When, closedAt: When.optional(), productId: opt })
  .refine(hasRef, refMessage);
export type JsonComplaint = z.infer<typeof JsonComplaint>;

const COLLECTIONS = ['contacts', 'notes', 'interactions', 'purchases', 'products', 'complaints'] as const;
type Collection = (typeof COLLECTIONS)[number];

export interface JsonRejected extends Rejected {
  collection: Collection;
  /** 0-based index in its array */
  index: number;
}

export interface JsonImportReport {
  kind: 'json';
  /** entries in all arrays */
  rows: number;
  accepted: number;
  duplicates: Duplicate[];
  rejected: JsonRejected[];
  contacts: ContactRecord[];
  /** Tiewise ids given in the file, parallel to contacts (for notes etc. that refer by contactId) */
  contactIds: (string | undefined)[];
  notes: JsonNote[];
  interactions: JsonInteraction[];
  purchases: JsonPurchase[];
  products: JsonProduct[];
  complaints: JsonComplaint[];
}

const KNOWN_CONTACT_KEYS = new Set(Object.keys(JsonContact.shape));

/** Throws ImportError when the text is not JSON or not an object/array. */
export function importJson(source: string): JsonImportReport {
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (e) {
    throw new ImportError(`not valid JSON: ${(e as Error).message}`);
  }
  const doc: Partial<Record<Collection, unknown>> = Array.isArray(data) ? { contacts: data } : (data as Record<string, unknown>);
  if (!doc || typeof doc !== 'object') throw new ImportError('the JSON is neither an object with contacts, notes… nor an array of contacts');
  const lines = entryLines(src);
  const out: JsonImportReport = {
    kind: 'json', rows: 0, accepted: 0, duplicates: [], rejected: [],
    contacts: [], contactIds: [], notes: [], interactions: [], purchases: [], products: [], complaints: [],
  };
  const contactLines: number[] = [];
  const index = new DuplicateIndex<number>();
  const schemas = { notes: JsonNote, interactions: JsonInteraction, purchases: JsonPurchase, products: JsonProduct, complaints: JsonComplaint } as const;

  for (const collection of COLLECTIONS) {
    const list = doc[collection];
    if (list === undefined) continue;
    const lineOf = (i: number) => lines.get(collection)?.[i] ?? 1;
    if (!Array.isArray(list)) {
      out.rows++;
      out.rejected.push({ collection, index: 0, line: lineOf(0), reason: `${collection} is not an array`, raw: JSON.stringify(list) });
      continue;
    }
    list.forEach((entry, i) => {
      out.rows++;
      const reject = (reason: string) => out.rejected.push({ collection, index: i, line: lineOf(i), reason, raw: JSON.stringify(entry) });
      if (collection === 'contacts') {
        const parsed = JsonContact.safeParse(entry);
        if (!parsed.success) return reject(describe(parsed.error, entry));
        const rec = toRecord(parsed.data);
        if (!rec) return reject('names nobody: no name and no e-mail');
        const keys = keysOf(rec);
        const dup = index.find(keys);
        if (dup) {
          mergeInto(out.contacts[dup.sameAs], rec);
          index.add(keysOf(out.contacts[dup.sameAs]), dup.sameAs);
          out.duplicates.push({ line: lineOf(i), sameAs: contactLines[dup.sameAs], by: dup.by });
          return;
        }
        index.add(keys, out.contacts.length);
        out.contacts.push(rec);
        out.contactIds.push(parsed.data.id);
        contactLines.push(lineOf(i));
        return;
      }
      const parsed = schemas[collection].safeParse(entry);
      if (!parsed.success) return reject(describe(parsed.error, entry));
      (out[collection] as unknown[]).push(parsed.data);
    });
  }
  out.accepted = out.rows - out.rejected.length - out.duplicates.length;
  return out;
}

function describe(err: z.ZodError, entry: unknown): string {
  return err.issues
    .map((i) => {
      const where = i.path.join('.');
      let value: unknown = entry;
      for (const k of i.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[k] : undefined;
      if (i.code === 'invalid_type' && value === undefined) return `${where} is missing`;
      if (i.code === 'invalid_type') return `${where} should be ${i.expected}, not ${JSON.stringify(value)}`;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}

function toRecord(c: JsonContact): ContactRecord | undefined {
  const rec: Record<string, unknown> = {};
  const custom = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'id') continue;
    if (!KNOWN_CONTACT_KEYS.has(k)) {
      if (typeof v === 'string' && v.trim()) custom[k] = v;
      continue;
    }
    if (typeof v === 'string' && v.trim() === '') continue;
    if (Array.isArray(v)) {
      const list = v.filter((x) => x.trim() !== '');
      if (k === 'tags') {
        if (list.length) rec.tags = list.join(', ');
      } else if (list.length) rec[k] = list;
      continue;
    }
    rec[k] = v;
  }
  for (const [one, many] of Object.entries(MULTI_FIELDS)) {
    const list = [...((rec[many] as string[] | undefined) ?? [])];
    if (typeof rec[one] === 'string' && !list.includes(rec[one] as string)) list.unshift(rec[one] as string);
    delete rec[many];
    if (list.length) rec[one] = list[0];
    if (list.length > 1) rec[many] = list;
  }
  const personal = [rec.firstName, rec.middleName, rec.lastName].filter((x): x is string => typeof x === 'string');
  const name = (rec.name as string | undefined) ?? (personal.length ? personal.join(' ') : undefined);
  if (!name && !rec.email) return undefined;
  const out = { ...rec, name: name ?? (rec.email as string) } as ContactRecord;
  if (Object.keys(custom).length) out.custom = custom;
  return orderKeys(out);
}

/** The physical line each entry of each top-level array starts on. */
function entryLines(src: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const stack: string[] = [];
  let line = 1;
  let inStr = false;
  let esc = false;
  let strStart = 0;
  let lastString = '';
  let key = '';
  let current: number[] | undefined;
  let expectEntry = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (inStr) {
      if (esc) esc = false;
      else if (c === '\\') esc = true;
      else if (c === '"') {
        inStr = false;
        lastString = src.slice(strStart + 1, i);
      }
      continue;
    }
    if (c === '\n' || c === '\r') {
      if (!(c === '\r' && src[i + 1] === '\n')) line++;
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    const entryDepth = stack[0] === '[' ? 1 : 2;
    if (current && expectEntry && stack.length === entryDepth && c !== ']' && c !== ',') {
      current.push(line);
      expectEntry = false;
    }
    switch (c) {
      case '"':
        inStr = true;
        strStart = i;
        break;
      case ':':
        if (stack.length === 1) key = lastString;
        break;
      case '[':
      case '{':
        if (c === '[' && stack.length === entryDepth - 1) {
          current = [];
          out.set(stack.length === 0 ? 'contacts' : key, current);
          expectEntry = true;
        }
        stack.push(c);
        break;
      case ']':
      case '}':
        stack.pop();
        if (stack.length === entryDepth - 1) current = undefined;
        break;
      case ',':
        if (current && stack.length === entryDepth) expectEntry = true;
        break;
    }
  }
  return out;
}
