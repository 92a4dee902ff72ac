// The contact fields an import can fill, the record shape it produces, and how a
// header name is normalised for matching ("E-mail Address" ~ "email address" ~ "EmailAddress").
import { normPhone } from '../model/identity';
import { wordsOf } from '../model/words';

export const CONTACT_FIELDS = [
  'name', 'firstName', 'middleName', 'lastName', 'email', 'phone', 'company', 'position',
  'city', 'country', 'profileUrl', 'website', 'crmId', 'notes', 'birthday', 'tags', 'stage', 'connectedOn', 'owner',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Fields several columns may feed (E-mail 1, E-mail 2…); the first value goes to the field, all of them to the plural. */
export const MULTI_FIELDS = { email: 'emails', phone: 'phones', profileUrl: 'profileUrls' } as const;

/**
 * A contact as an import would store it. Values are the file's text, verbatim.
 * Empty cells are left out. `emails`/`phones`/`profileUrls` appear only when a row
 * has more than one; `custom` keeps every column no field took, under the file's own
 * column name (a null-prototype object: a column named "__proto__" is a column).
 */
export interface ImportedContact {
  name: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  email?: string;
  emails?: string[];
  phone?: string;
  phones?: string[];
  company?: string;
  position?: string;
  city?: string;
  country?: string;
  profileUrl?: string;
  profileUrls?: string[];
  website?: string;
  crmId?: string;
  notes?: string;
  birthday?: string;
  tags?: string;
  stage?: string;
  connectedOn?: string;
  /** the CRM user the contact belongs to ("Contact owner", "Ответственный") */
  owner?: string;
  custom?: Record<string, string>;
}

/** Which field each column feeds, by column index; null = the column goes to `custom`. */
export type ColumnMapping = (ContactField | null)[];

/** Lower-cased, ё→е, everything but letters and digits dropped: "E-mail 1 - Value" → "email1value". */
export function headerKey(header: string): string {
  return wordsOf(header, '');
}

/** A header's key with its Latin letters' accents dropped ("Teléfono", "Prénom", "Organização"; a Cyrillic й stays itself). */
export function plainKey(header: string): string {
  return headerKey(header).normalize('NFD').replace(/([a-z])[\u0300-\u036f]+/g, '$1').normalize('NFC');
}

/**
 * Numeric character references an exporter left in its text (Yahoo writes "O&#39;Brien")
 * → the characters; anything else, and a reference to no character, stays as written.
 */
export function numericRefs(v: string): string {
  if (!v.includes('&#')) return v;
  return v.replace(/&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));/g, (m, dec: string | undefined, hex: string | undefined) => {
    const n = dec ? parseInt(dec, 10) : parseInt(hex!, 16);
    return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : m;
  });
}

/**
 * The first of "<name>", "<name> 2", "<name> 3"… that `custom` does not hold yet (from
 * "<name> 2" when `numbered`): a second value of one name is kept beside the first.
 */
export function freeKey(custom: Record<string, string>, name: string, numbered = false): string {
  let k = numbered ? `${name} 2` : name;
  for (let n = numbered ? 3 : 2; Object.hasOwn(custom, k); n++) k = `${name} ${n}`;
  return k;
}

/** Marks that set a text's direction (a phone book writes "\u202A0703 000 0000\u202C"): no one's text in a number or an address. */
const DIRECTION_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function withoutDirectionMarks(v: string): string {
  return v.replace(DIRECTION_MARKS, '');
}

/** A value that is an e-mail address and nothing else. */
export const EMAIL_SHAPE = /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/;
/** The e-mail addresses written in a text ("ann@example.cn; bob@example.com"), as EMAIL_SHAPE has one. */
export const ADDRESSES = new RegExp(EMAIL_SHAPE.source.slice(1, -1), 'g');

/** Shopify's apostrophe before a number (so a spreadsheet keeps it text) is not part of it; nor are direction marks, an old Google vCard's "//" before it, nor a dial pause at its end. */
export function numberText(v: string): string {
  // (a phone's dial pause or wait left at the end, "+91 90000 00000w", "555 0100,": no part of the number)
  const t = withoutDirectionMarks(v).replace(/^(?:'|\/\/)(?=[+\d(])/, '').replace(/(\d)[,;pw]+\s*$/i, '$1');
  // a tel: URI (vCard 4.0's TEL;VALUE=uri, RFC 3966): the number, and its extension as people write it
  const uri = /^\s*tel:([^;]*)(.*)$/i.exec(t);
  if (!uri) return t;
  const ext = /;ext=([^;]+)/i.exec(uri[2]);
  return ext ? `${uri[1]} ext. ${ext[1]}` : uri[1];
}

/** A phone number written as one: digits, spaces, + ( ) - . / — at least six digits. */
const PHONE_SHAPE = /^\+?[\d\s().\-/]+$/;

/** A date in a text: "10/1/2014", "12.03.1985", "1985-03-12", "9/6/16" — day and month in either order, each in its range ("12-34-56" is none). */
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
export const DATE_IN_TEXT = new RegExp(`(?<![\\d./-])(?:(?:${DAY}[./-]${MONTH}|${MONTH}[./-]${DAY})[./-](?:\\d{4}|\\d{2})|\\d{4}[./-]${MONTH}[./-]${DAY})(?![\\d./-])`);

/** Whether a value is a phone number and nothing else ("0800 000 0001", "+234 800 000 0000"); a date ("10/1/2014") is none. */
export function phoneShaped(x: string): boolean {
  const t = numberText(x.trim());
  return PHONE_SHAPE.test(t) && (t.match(/\d/g)?.length ?? 0) >= 6 && !DATE_ONLY.test(t);
}
const DATE_ONLY = new RegExp(`^\\s*(?:${DATE_IN_TEXT.source})\\s*$`);

/** Two-digit country calling codes (ITU E.164); 1 and 7 are the one-digit ones, every other code has three. */
const CC2 = new Set(['20', '27', '30', '31', '32', '33', '34', '36', '39', '40', '41', '43', '44', '45', '46', '47', '48', '49', '51', '52', '53', '54', '55', '56', '57', '58', '60', '61', '62', '63', '64', '65', '66', '81', '82', '84', '86', '90', '91', '92', '93', '94', '95', '98']);

/**
 * The length of the country code an international number's digits begin with: the codes are prefix-free, so
 * one is right ("201102441234" is Egypt's 20, never a "201").
 */
function countryCodeLength(d: string): number {
  return d[0] === '1' || d[0] === '7' ? 1 : CC2.has(d.slice(0, 2)) ? 2 : 3;
}

/**
 * Two ways of writing one number: the same digits ("+54 9 223 555-0101", "+5492235550101"), or one of the
 * forms phoneForms gives each ("03001234567", "+923001234567": one shop's two phone columns).
 */
export function samePhone(a: string, b: string): boolean {
  const [x, y] = [a.replace(/\D/g, ''), b.replace(/\D/g, '')];
  if (x === y) return x.length > 0;
  const theirs = phoneForms(b);
  return phoneForms(a).some((f) => f.length >= 7 && theirs.includes(f));
}

/**
 * The forms one number takes for a name's match: as compared everywhere (normPhone), and its
 * national number when it is written with a trunk 0 ("0422 479 248") or with a country code
 * ("+61 422 479 248") — a shop's customer who typed it both ways is one person, and so is a Czech
 * member written "+420 732…" and "732…".
 */
export function phoneForms(p: string): string[] {
  const n = normPhone(p);
  let at = 0;
  while (p.charCodeAt(at) === 32) at++;
  const c = p.charCodeAt(at);
  if (c === 43 || (c === 48 && p.charCodeAt(at + 1) === 48)) {
    // +CC… or 00CC…: the number past its country code (countryCodeLength: one of one, two or three digits is
    // right, never a guess at each — Egypt's "0020 110 244 1234" past a "201" would be another number's
    // "102441234"), when eight digits or more remain
    const d = p.replace(/\D/g, '').slice(c === 43 ? 0 : 2);
    const cc = countryCodeLength(d);
    return d.length - cc >= 8 && d.slice(cc) !== n ? [n, d.slice(cc)] : [n];
  }
  if (c === 48 || c === 40) {
    // 0… or (0…): the number past its trunk 0
    const d = p.replace(/\D/g, '');
    if (d.length >= 9 && d.charCodeAt(0) === 48 && d.charCodeAt(1) !== 48) return [n, d.slice(1)];
  }
  return [n];
}

/**
 * A number typed where a CRM wanted one and the person gave none: only zeros ("000000000", "+0 000 000"),
 * or the digits counted up ("12", "123", "1234", "123456789"), or more digits than any number has.
 */
export function placeholderPhone(x: string): boolean {
  if (/^[\s()+./-]*0[0\s()+./-]*$/.test(x)) return true;
  const digits = x.replace(/[\s()+./-]/g, '');
  // (no number is dialled with more than 17 digits, an international prefix and 15: a Huawei backup's "00012345678901234567890";
  // nor is one digit seven times over, "2222222222"; nor a spreadsheet's rounding of one, "6.39E+11")
  return (digits.length >= 2 && ['0123456789', '1234567890'].some((s) => s.startsWith(digits))) || /^(\d)\1{6,}$/.test(digits) ||
    /^\s*\d+(?:[.,]\d+)?e\+?\d+\s*$/i.test(x) || digits.replace(/\D/g, '').length > 17;
}

/** A name in a script written family name first: Chinese, Japanese (kana too), Korean. */
const FAMILY_FIRST = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・\s]+$/u;

/**
 * The name shown for a record that gives only its parts: first, middle, last, stray spaces not doubled
 * ("Anna " + "Berg"); in Chinese, Japanese and Korean the family name first, as they write it
 * (佐藤 + 太郎: "佐藤 太郎"). Undefined when there are no parts.
 */
export function nameOfParts(first: string | undefined, middle: string | undefined, last: string | undefined): string | undefined {
  const parts = [first, middle, last].map((x) => x?.replace(/\s+/g, ' ').trim()).filter((x): x is string => !!x);
  if (!parts.length) return undefined;
  // (a look at the first letter before the script test: 100k rows of Latin or Cyrillic names skip it)
  if (first?.trim() && last?.trim() && parts.every((x) => x.charCodeAt(0) >= 0x2e80 && FAMILY_FIRST.test(x))) parts.unshift(parts.pop()!);
  return parts.join(' ');
}

export function isBlank(v: string | undefined): boolean {
  return v === undefined || v.trim() === '';
}
