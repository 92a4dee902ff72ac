// Tiewise's JSON import format: one object with arrays `contacts`, `notes`,
// `interactions`, `purchases`, `products`, `complaints` (a bare array is taken as
// contacts; Facebook's friends list, your_friends.json, is read as contacts too). Each
// entry is checked with zod; a bad entry is rejected with its collection, index, the
// physical line it starts on and the reason, the rest are accepted. Contacts go through
// the same "names nobody" rule and duplicate
// detection as a CSV. Entries refer to a contact by `contactId` (a Tiewise id, as in
// our own export), `email` or `crmId`; the DB layer resolves the reference.
// Over 300 lines on purpose: one format's reader: the schema of each collection and the
// line tracking every rejection reports, which they share.
import { z } from 'zod';
import { InteractionKind, ProductRelation } from '../domain/entities';
import { type Duplicate, nobody } from './contacts';
import { DuplicateIndex, keysOf, mergeInto, sameRecord } from './dedupe';
import { type ImportedContact, MULTI_FIELDS, nameOfParts } from './fields';
import { isGivenName, knownField, orderKeys } from './mapping';
import { ImportError, type Rejected } from './table';
import { parseTimestamp } from './values';
import { why, type Why } from './why';

const text = z.string();
const opt = text.optional();

/** epoch ms, or a date string (ISO, 15.03.2024, 15 Mar 2024…) */
const When = z.union([
  z.number().finite(),
  z.string().transform((s, ctx) => {
    const t = parseTimestamp(s) ?? Date.parse(s);
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
  connectedOn: opt,
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
  /** the collection, or the unknown top-level key the entry was under */
  collection: Collection | (string & {});
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
  contacts: ImportedContact[];
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
    throw new ImportError(why('jsonInvalidFile', { detail: (e as Error).message }));
  }
  // Instagram's "Download your information": followers (a list of {string_list_data: [{href, value, timestamp}]}) and
  // following or close friends ({"relationships_following": […]}) — usernames only: refused whole, said what it is
  const ig = instagramList(data);
  if (ig) throw new ImportError(why('instagramList', { file: ig }));
  // (Telegram Desktop's export: its contacts' list; its "about" and its frequent chats are no contacts)
  const telegram = telegramContacts(data);
  const doc: Partial<Record<Collection, unknown>> = Array.isArray(data) ? { contacts: data } : telegram ? { contacts: telegram } : (data as Record<string, unknown>);
  if (!doc || typeof doc !== 'object') throw new ImportError(why('jsonNotContacts'));
  const { lines, keyLines } = entryLines(src);
  const out: JsonImportReport = {
    kind: 'json', rows: 0, accepted: 0, duplicates: [], rejected: [],
    contacts: [], contactIds: [], notes: [], interactions: [], purchases: [], products: [], complaints: [],
  };
  const contactLines: number[] = [];
  const index = new DuplicateIndex<number>();
  const schemas = { notes: JsonNote, interactions: JsonInteraction, purchases: JsonPurchase, products: JsonProduct, complaints: JsonComplaint } as const;

  // a top-level key that is a collection in another case ("Contacts") is that collection;
  // any other is one rejected entry, said, never silently left out
  const keyOf = new Map<Collection, string>();
  const friends = facebookFriendsKey(data);
  const sfdx = salesforceRecordsKey(data);
  if (telegram) {
    keyOf.set('contacts', 'contacts');
    const at = telegramLines(src);
    lines.set('contacts', at.length === telegram.length ? at : []);
  } else if (friends) keyOf.set('contacts', friends);
  else if (sfdx) keyOf.set('contacts', sfdx);
  else if (!Array.isArray(data)) {
    for (const k of Object.keys(doc)) {
      const c = COLLECTIONS.find((x) => x === k) ?? COLLECTIONS.find((x) => x === k.trim().toLowerCase());
      if (c && !keyOf.has(c)) keyOf.set(c, k);
      else if (!c || keyOf.get(c) !== k) {
        out.rows++;
        out.rejected.push({ collection: k, index: 0, line: keyLines.get(k) ?? 1, ...why('jsonUnknownCollection', { key: k, known: COLLECTIONS.join(', ') }), raw: preview((doc as Record<string, unknown>)[k], 2000) });
      }
    }
  } else keyOf.set('contacts', 'contacts');

  for (const collection of COLLECTIONS) {
    const key = keyOf.get(collection);
    if (key === undefined) continue;
    const list = (doc as Record<string, unknown>)[key];
    const lineOf = (i: number) => lines.get(key)?.[i] ?? keyLines.get(key) ?? 1;
    if (!Array.isArray(list)) {
      out.rows++;
      out.rejected.push({ collection, index: 0, line: keyLines.get(key) ?? 1, ...why('jsonNotArray', { key }), raw: preview(list, 2000) });
      continue;
    }
    list.forEach((entry, i) => {
      out.rows++;
      const reject = (reason: Why) => out.rejected.push({ collection, index: i, line: lineOf(i), ...reason, raw: preview(entry, 100_000) });
      const depth = depthOf(entry, MAX_DEPTH);
      if (depth > MAX_DEPTH) return reject(why('jsonTooDeep', { max: MAX_DEPTH }));
      if (collection === 'contacts') {
        // a Salesforce record of another object (an Account's "Name" is a company's): no person
        const type = sfdx ? salesforceType(entry) : undefined;
        if (type !== undefined && !SALESFORCE_PEOPLE.has(type)) return reject(why('jsonNotPerson', { type }));
        const parsed = JsonContact.safeParse(telegram ? telegramContact(entry) : friends ? facebookFriend(entry) : entry);
        if (!parsed.success) return reject(why('jsonInvalid', { detail: describe(parsed.error, entry) }));
        const rec = toRecord(parsed.data);
        if (!rec) return reject(nobody(typeof parsed.data.phone === 'string' ? parsed.data.phone : undefined));
        const keys = keysOf(rec);
        const dup = index.find(keys, (i, by) => sameRecord(out.contacts[i], rec, by));
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
      if (!parsed.success) return reject(why('jsonInvalid', { detail: describe(parsed.error, entry) }));
      (out[collection] as unknown[]).push(parsed.data);
    });
  }
  out.accepted = out.rows - out.rejected.length - out.duplicates.length;
  return out;
}

/** Instagram's list of accounts (followers_1.json, following.json, close_friends.json): which, or undefined. */
function instagramList(data: unknown): string | undefined {
  const entryOf = (x: unknown) => !!x && typeof x === 'object' && Array.isArray((x as { string_list_data?: unknown }).string_list_data);
  if (Array.isArray(data)) return data.length > 0 && data.every(entryOf) ? 'followers' : undefined;
  if (!data || typeof data !== 'object') return undefined;
  const keys = Object.keys(data);
  const k = keys.find((x) => /^relationships_/.test(x));
  const list = k === undefined ? undefined : (data as Record<string, unknown>)[k];
  return k && keys.length === 1 && Array.isArray(list) && list.every(entryOf) ? k.replace(/^relationships_/, '').replace(/_/g, ' ') : undefined;
}

/**
 * Facebook's "Download your information" friends list (connections/friends/your_friends.json:
 * `{"friends_v2": [{"name", "timestamp"}]}`, `{"friends": …}` before 2021): its key, when
 * the file is one.
 */
function facebookFriendsKey(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  if (keys.length !== 1 || !/^friends(?:_v2)?$/.test(keys[0])) return undefined;
  const list = (data as Record<string, unknown>)[keys[0]];
  const friend = (e: unknown) => !!e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' && (typeof (e as { timestamp?: unknown }).timestamp === 'number' || (e as { timestamp?: unknown }).timestamp === undefined);
  return Array.isArray(list) && list.length > 0 && list.every(friend) ? keys[0] : undefined;
}

/**
 * Telegram Desktop's "Export Telegram data" (result.json): `{"about": …, "contacts": {"about": …, "list":
 * [{"first_name", "last_name", "phone_number", "date"}…]}, "frequent_contacts": …}`. Its contacts' list,
 * when the file is one.
 */
function telegramContacts(data: unknown): unknown[] | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const c = (data as { contacts?: unknown }).contacts;
  const list = c && typeof c === 'object' && !Array.isArray(c) ? (c as { list?: unknown }).list : undefined;
  const person = (e: unknown) => !!e && typeof e === 'object' && ('first_name' in e || 'last_name' in e) && 'phone_number' in e;
  return Array.isArray(list) && list.length > 0 && list.every(person) ? list : undefined;
}

/** The line of each Telegram contact: where the entry holding its "first_name" opens (one per entry, in order). */
function telegramLines(src: string): number[] {
  const out: number[] = [];
  let line = 1;
  let counted = 0; // lines are counted up to here
  for (let from = 0; ; ) {
    const i = src.indexOf('"first_name"', from);
    if (i < 0) return out;
    // (the entry's own line: where its "{" is)
    const open = Math.max(counted, src.lastIndexOf('{', i));
    for (; counted < open; counted++) if (src.charCodeAt(counted) === 10) line++;
    out.push(line);
    from = i + 1;
  }
}

/** A Telegram contact as a contact: its names, its number, the day it was added. */
function telegramContact(entry: unknown): unknown {
  const { first_name: first, last_name: last, phone_number: phone, date, date_unixtime: _unix, ...rest } = entry as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const day = typeof date === 'string' && /^\d{4}-\d\d-\d\d/.test(date) ? date.slice(0, 10) : undefined;
  return { firstName: text(first), lastName: text(last), phone: text(phone), ...(day ? { connectedOn: day } : {}), ...rest };
}

/**
 * The Salesforce CLI's data tree export (`sf data export tree`: `{"records": [{"attributes":
 * {"type": "Contact", "referenceId": …}, "FirstName": …}]}`): its key, when the file is one.
 */
function salesforceRecordsKey(data: unknown): string | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  if (keys.length !== 1 || keys[0] !== 'records') return undefined;
  const list = (data as Record<string, unknown>).records;
  return Array.isArray(list) && list.length > 0 && list.every((e) => salesforceType(e) !== undefined) ? 'records' : undefined;
}
function salesforceType(entry: unknown): string | undefined {
  const a = entry && typeof entry === 'object' ? (entry as { attributes?: { type?: unknown } }).attributes : undefined;
  return a && typeof a === 'object' && typeof a.type === 'string' ? a.type : undefined;
}
const SALESFORCE_PEOPLE = new Set(['Contact', 'Lead', 'User']);

/**
 * A Facebook friend as a contact: the name, the day you became friends (the timestamp is in seconds),
 * and what else the entry holds (older exports' "contact_info", an address the friend shared): an
 * address is the e-mail, anything else kept under its key.
 */
function facebookFriend(entry: unknown): unknown {
  const { name, timestamp, ...rest } = entry as { name: string; timestamp?: number } & Record<string, unknown>;
  const when = typeof timestamp === 'number' && Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp * 1000) : undefined;
  const out: Record<string, unknown> = { name: facebookText(name), ...(when && !Number.isNaN(when.getTime()) ? { connectedOn: when.toISOString().slice(0, 10) } : {}) };
  for (const [k, v] of Object.entries(rest)) {
    const text = typeof v === 'string' ? facebookText(v).trim() : v;
    if (k === 'contact_info' && typeof text === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) out.email = text;
    else if (text !== '' && text !== null && text !== undefined) out[k] = text;
  }
  return out;
}

/**
 * Facebook's export writes each byte of a name's UTF-8 as its own character ("Ã©" for
 * "é", "\u00c4\u0090" for "Đ"): read back as UTF-8. Text that is not such bytes stays as it is.
 */
export function facebookText(s: string): string {
  if (!/[\u0080-\u00ff]/.test(s) || /[^\u0000-\u00ff]/.test(s)) return s;
  const bytes = Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return s;
  }
}

function describe(err: z.ZodError, entry: unknown): string {
  return err.issues
    .map((i) => {
      const where = i.path.join('.');
      let value: unknown = entry;
      for (const k of i.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[k] : undefined;
      if (i.code === 'invalid_type' && value === undefined) return `${where} is missing`;
      if (i.code === 'invalid_type') return `${where} should be ${i.expected}, not ${preview(value, 80)}`;
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join('; ');
}

function toRecord(c: JsonContact): ImportedContact | undefined {
  const rec: Record<string, unknown> = {};
  const custom = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(c)) {
    if (k === 'id') continue;
    // a key of another tool (Salesforce's "FirstName", "Email", "MailingCity", "Title"; a CRM API's dump) is
    // read as a CSV's header would be, for a field the entry's own keys leave empty (zod's output lists the
    // schema's keys first, so those are set before any other tool's)
    const f = !KNOWN_CONTACT_KEYS.has(k) && (typeof v === 'string' || typeof v === 'number') ? knownField(k) : null;
    if (f && String(v).trim()) {
      const x = String(v);
      if (f in MULTI_FIELDS) {
        const many = MULTI_FIELDS[f as keyof typeof MULTI_FIELDS];
        if (rec[f] === undefined) rec[f] = x;
        else ((rec[many] as string[] | undefined) ??= []).push(x);
        continue;
      }
      if (rec[f] === undefined) {
        rec[f] = x;
        continue;
      }
    }
    if (!KNOWN_CONTACT_KEYS.has(k)) {
      // a nested value is kept as its JSON text, under its key
      if (typeof v === 'string') {
        if (v.trim()) custom[k] = v;
      } else if (v !== null && v !== undefined) custom[k] = preview(v, 100_000);
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
  // (the name beside a surname and no first name is the given name, as in a CSV: {"surname", "name", "patronymic"})
  if (typeof rec.name === 'string' && typeof rec.lastName === 'string' && rec.firstName === undefined && isGivenName(rec.name, rec.lastName)) {
    rec.firstName = rec.name;
    delete rec.name;
  }
  const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const name = (rec.name as string | undefined) ?? nameOfParts(text(rec.firstName), text(rec.middleName), text(rec.lastName));
  if (!name && !rec.email) return undefined;
  const out = { ...rec, name: name ?? (rec.email as string) } as ImportedContact;
  if (Object.keys(custom).length) out.custom = custom;
  return orderKeys(out);
}

/** How deep entries may nest (a contact is flat; a product's relations two levels). */
export const MAX_DEPTH = 32;

/** The nesting depth of a value, counted without recursion, stopping past `limit`. */
function depthOf(v: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > limit) return max;
    if (x && typeof x === 'object') for (const y of Object.values(x)) stack.push([y, d + 1]);
  }
  return max;
}

/** A value as JSON text for a message or a rejected entry: never throws, at most `max` characters. */
function preview(v: unknown, max: number): string {
  let t: string;
  try {
    t = JSON.stringify(v) ?? String(v);
  } catch {
    t = '(too deeply nested to show)';
  }
  return t.length > max ? t.slice(0, max) + '…' : t;
}

/** The physical line each entry of each top-level array starts on, and each top-level key's line. */
function entryLines(src: string): { lines: Map<string, number[]>; keyLines: Map<string, number> } {
  const out = new Map<string, number[]>();
  const keyLines = new Map<string, number>();
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
        if (stack.length === 1) {
          key = lastString;
          if (!keyLines.has(key)) keyLines.set(key, line);
        }
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
  return { lines: out, keyLines };
}
