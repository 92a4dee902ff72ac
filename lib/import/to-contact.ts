// A parsed record → the contact it describes: its fields as a contact keeps them (tags,
// birthday, stage → relation, custom columns; what cannot be read stays as the file wrote it),
// and an existing contact's EMPTY fields filled from it (lists are united, nothing replaced).
// Pure; the import plan (apply.ts) calls it for each record.
import type { Contact, Relation } from '../domain/entities';
import { normEmail } from '../model/identity';
import { nameKeys } from '../model/names';
import { SAME } from './dedupe';
import type { ImportedContact } from './fields';
import { parseTimestamp } from './values';

/** A new contact as the plan makes it; the DB layer fills nameKeys (prepareContact). */
export type PlannedContact = Omit<Contact, 'nameKeys'>;

export function emailsOf(r: ImportedContact): string[] {
  return (r.emails ?? (r.email ? [r.email] : [])).map((e) => e.trim()).filter(Boolean);
}
export function phonesOf(r: ImportedContact): string[] {
  return (r.phones ?? (r.phone ? [r.phone] : [])).map((p) => p.trim()).filter(Boolean);
}
export function urlsOf(r: ImportedContact): string[] {
  return (r.profileUrls ?? (r.profileUrl ? [r.profileUrl] : [])).map((u) => u.trim()).filter(Boolean);
}

const CUSTOMER = /customer|client|evangelist|won|клиент|покупател|заказчик|успешн/i;
const PROSPECT = /lead|prospect|subscriber|opportunit|qualified|new|лид|потенциальн|новый|переговор|сделк/i;
const PARTNER = /partner|партн[её]р/i;

/** A CRM's lifecycle stage → the rep's relation to the contact; unknown stages set nothing. */
export function relationOf(stage: string | undefined): Relation | undefined {
  if (!stage?.trim()) return undefined;
  if (PARTNER.test(stage)) return 'partner';
  if (CUSTOMER.test(stage)) return 'customer';
  if (PROSPECT.test(stage)) return 'prospect';
  return undefined;
}

/** "1990-03-15", "15.03.1990", Google's "--03-15" (no year) → a birthday; else undefined. */
export function birthdayOf(text: string | undefined): Contact['birthday'] {
  if (!text?.trim()) return undefined;
  const noYear = /^--(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (noYear) {
    const month = +noYear[1];
    const day = +noYear[2];
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { day, month } : undefined;
  }
  // a birthday is a day: a time written with it ("1985-01-28T00:00:00+05:00", Kontact's and Sabre's) says nothing of it
  const t = parseTimestamp(/^\s*(\d{4}-\d{1,2}-\d{1,2})[T ]\d/.exec(text)?.[1] ?? text);
  if (t === undefined) return undefined;
  const d = new Date(t);
  // a year no one living was born in is an address book's "no date" (Evolution writes 1000-01-01): kept as written, no birthday
  if (d.getUTCFullYear() < 1850) return undefined;
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}

/**
 * A tags cell → tags: "a, b", "a;b" (Outlook's Categories), Google's "a ::: b" labels.
 * Google's system group "* myContacts" ("* My Contacts" in its older export; every contact has it) is no tag; "* starred" is.
 */
export function tagsOf(text: string | undefined): string[] {
  if (!text) return [];
  const out = new Map<string, string>();
  for (const raw of text.split(/\s*:::\s*|[,;|]/)) {
    const t = raw.trim().replace(/^\*\s*/, '');
    if (!t || /^my\s*contacts$/i.test(t)) continue;
    if (!out.has(t.toLowerCase())) out.set(t.toLowerCase(), t);
  }
  return [...out.values()];
}

/** A record's custom columns as the contact keeps them: named pairs in file order. */
export function customOf(r: ImportedContact): NonNullable<Contact['custom']> {
  return r.custom ? Object.entries(r.custom).map(([name, value]) => ({ name, value })) : [];
}

/** The contact fields a record gives (the file's text, verbatim). */
export function contactFields(r: ImportedContact): Omit<PlannedContact, 'id' | 'source' | 'createdAt' | 'updatedAt'> {
  const out: Omit<PlannedContact, 'id' | 'source' | 'createdAt' | 'updatedAt'> = {
    name: r.name,
    emails: [...new Set(emailsOf(r).map(normEmail))],
    phones: [...new Set(phonesOf(r))],
    tags: tagsOf(r.tags),
  };
  if (r.firstName) out.firstName = r.firstName;
  if (r.middleName) out.middleName = r.middleName;
  if (r.lastName) out.lastName = r.lastName;
  if (r.company) out.company = r.company;
  if (r.position) out.position = r.position;
  if (r.city) out.city = r.city;
  if (r.country) out.country = r.country;
  if (r.website) out.website = r.website;
  if (r.crmId) out.crmId = r.crmId.trim();
  if (r.owner) out.owner = r.owner;
  if (r.stage) out.crmStatus = r.stage;
  const birthday = birthdayOf(r.birthday);
  if (birthday) out.birthday = birthday;
  const connected = r.connectedOn ? parseTimestamp(r.connectedOn) : undefined;
  if (connected !== undefined) out.connectedAt = connected;
  const relation = relationOf(r.stage);
  if (relation) out.relation = relation;
  const custom = customOf(r);
  if (custom.length) out.custom = custom;
  // a birthday, "Connected On" or stage that could not be read stays as the file wrote it
  const keep = (name: string, v: string | undefined, read: boolean) => {
    // Outlook writes "0/0/00" for "no date"
    if (v && !read && !/^0+[/.-]0+[/.-]0+$/.test(v.trim())) (out.custom ??= []).push({ name, value: v });
  };
  keep('Birthday', r.birthday, !!birthday);
  keep('Connected On', r.connectedOn, connected !== undefined);
  return out;
}

const FILLABLE = [
  'firstName', 'middleName', 'lastName', 'company', 'position', 'city', 'country', 'website', 'crmId', 'owner',
  'crmStatus', 'connectedAt', 'birthday', 'relation',
] as const;

/** The existing contact with its empty fields filled from the record; null when nothing changes. */
export function fillEmpty(c: Contact, fields: ReturnType<typeof contactFields>, now: number): Contact | null {
  const next: Contact = { ...c };
  let changed = false;
  for (const k of FILLABLE) {
    const v = fields[k];
    const cur = c[k];
    if (v !== undefined && (cur === undefined || cur === '')) {
      (next as Record<string, unknown>)[k] = v;
      changed = true;
    }
  }
  const unite = (a: string[], b: string[], same: (x: string) => string) => {
    const out = [...a];
    for (const v of b) if (!out.some((x) => same(x) === same(v))) out.push(v);
    return out;
  };
  for (const k of ['emails', 'phones', 'tags'] as const) {
    const same = k === 'phones' ? SAME.phone : k === 'emails' ? SAME.email : (x: string) => x.toLowerCase();
    const merged = unite(c[k] ?? [], fields[k] ?? [], same);
    if (merged.length !== (c[k] ?? []).length) {
      next[k] = merged;
      changed = true;
    }
  }
  // custom columns: a name the contact does not have yet is added; its own values stay
  if (fields.custom?.length) {
    const have = new Set((c.custom ?? []).map((x) => x.name));
    const add = fields.custom.filter((x) => !have.has(x.name));
    if (add.length) {
      next.custom = [...(c.custom ?? []), ...add];
      changed = true;
    }
  }
  // a contact known only by its e-mail takes the file's real name
  if (c.emails.map(normEmail).includes(normEmail(c.name)) && fields.name && !fields.emails.includes(normEmail(fields.name))) {
    next.name = fields.name;
    next.nameKeys = nameKeys(fields.name);
    changed = true;
  }
  if (!changed) return null;
  next.updatedAt = now;
  return next;
}
