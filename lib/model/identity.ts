// One person, one contact: how likely a profile (or another contact) is a given
// contact, and why; candidate search through blocking keys (never a scan of the
// book); duplicates; and the plan for merging two contacts (the DB layer runs it).
// Over 300 lines on purpose: one matcher; its score, blocking keys, duplicates and merge
// plan share the same normalisation and weights (docs/model.md).
import type { Contact } from '../domain/entities';
import type { Extraction } from '../extract/types';
import { profileUrlKey } from '../extract/urls';
import type { Reason } from './reason';
import { wordsOf } from './words';
import {
  compareNames, foldText, lookupKeys, parseName, keysOfParsed,
  type NameMatchKind, type ParsedName,
} from './names';

/** At or above: the UI may link the profile to the contact without asking. */
export const AUTO_LINK_THRESHOLD = 0.9;
/** At or above: shown as a likely match ("link to existing contact"). */
export const SUGGEST_THRESHOLD = 0.35;
/** At or above: two contacts are reported as probable duplicates. */
export const DUPLICATE_THRESHOLD = 0.5;

/**
 * Evidence weights, combined as a noisy-OR: score = 1 − Π(1 − wᵢ) over the
 * signals present, then multiplied by (1 − p) for each conflict p. A linked
 * canonical URL is certain and short-cuts to 1.
 */
export const MATCH_WEIGHTS = {
  name: {
    exact: 0.6, translit: 0.58, nickname: 0.45, initial: 0.35, fuzzy: 0.25, partial: 0.15,
  } satisfies Record<Exclude<NameMatchKind, 'none'>, number>,
  email: 0.9,
  phone: 0.8,
  /** the contact's e-mail domain is a website the profile shows */
  domain: 0.25,
  company: 0.35,
  city: 0.2,
  position: 0.1,
  /** conflicts: both sides known and different */
  nameConflict: 0.7,
  companyConflict: 0.15,
  cityConflict: 0.1,
} as const;

/** What a match compares: a profile read, or a contact. All fields optional. */
export interface MatchInput {
  name?: string;
  company?: string;
  position?: string;
  /** city or a "City, Country" location */
  location?: string;
  emails?: string[];
  phones?: string[];
  /** websites shown on the profile (hosts are compared with e-mail domains) */
  websites?: string[];
  /** canonical profile URLs known for this person */
  profileUrls?: string[];
}

function ok<T>(f: { status: string; value?: T } | undefined): T | undefined {
  return f && f.status === 'ok' ? (f.value as T) : undefined;
}

/** The match input of a profile read. E-mails shown as websites (mailto:) count as e-mails. */
export function matchInputFromExtraction(x: Extraction): MatchInput {
  const sites = ok<string[]>(x.fields.websites) ?? [];
  const emails = sites.filter((s) => /^mailto:|^[^/\s@]+@[^/\s@]+\.[^/\s@]+$/i.test(s)).map((s) => s.replace(/^mailto:/i, ''));
  return {
    name: ok<string>(x.fields.name),
    company: ok<string>(x.fields.company),
    position: ok<string>(x.fields.position),
    location: ok<string>(x.fields.location),
    emails,
    websites: sites.filter((s) => !emails.some((e) => s.endsWith(e))),
    profileUrls: x.profileUrl ? [x.profileUrl] : [],
  };
}

/** The match input of a contact (with the URLs of its linked profiles, if known). */
export function matchInputFromContact(c: Contact, profileUrls: string[] = []): MatchInput {
  return {
    name: c.name, company: c.company, position: c.position, location: c.city,
    emails: c.emails, phones: c.phones, profileUrls,
  };
}

/** A match input with its normalised forms computed once. */
export interface Prepared {
  input: MatchInput;
  name: ParsedName;
  company: string;
  city: string;
  position: string;
  emails: string[];
  phones: string[];
  domains: string[];
  emailDomains: string[];
  urls: string[];
}

const LEGAL_FORMS = new Set([
  'llc', 'inc', 'ltd', 'limited', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'nv', 'plc', 'corp',
  'corporation', 'co', 'company', 'oy', 'ab', 'as', 'spa', 'kg', 'ooo', 'zao', 'oao', 'pao', 'ao', 'ip',
  'the',
].map((w) => foldText(w)));

/**
 * Legal forms as words of a name, for telling an organisation's name from a person's (normCompany's
 * own list keys the stored contacts' organisations: a change to it needs the book's keys rebuilt).
 * Not the words that are also names, or parts of names in a phone book ("the", "as", "ab", "ao", "sa",
 * "co": "Marsh & Co").
 */
const LEGAL_WORDS = new Set([
  'llc', 'llp', 'pllc', 'inc', 'ltd', 'limited', 'gmbh', 'ag', 'sas', 'srl', 'bv', 'nv', 'plc', 'corp', 'corporation', 'oy', 'spa', 'kg', 'trust',
  'ltda', 'limitada', 'eirl', 'fzc', 'fze', 'fzco', 'pte', 'pty', 'pvt', 'sdn', 'bhd', 'jsc', 'pjsc', 'sarl', 'sro', 'kft', 'aps', 'aş', 'şti', 'tic',
  'ооо', 'оао', 'зао', 'пао', 'ао', 'ип', 'тоо', 'чп',
]);

/** Whether a name holds a legal form ("Co. Ltd", "GmbH", "ООО", "L.L.C.", "S.P.A."): an organisation's name. */
export function hasLegalForm(s: string): boolean {
  // (written with dots between its letters, a form is one word: "L.L.C." is llc)
  return [s, s.replace(/\./g, '')].some((t) => wordsOf(t).split(' ').some((w) => LEGAL_WORDS.has(w)));
}

/**
 * What people write where an employer goes that names no organisation: no account, so that those
 * who wrote it are no colleagues of one another (18 "Self-employed" LinkedIn connections are not
 * one account's stakeholders). Whole values only; folded as normCompany folds.
 */
const NO_ORGANISATION = new Set([
  'self-employed', 'self employed', 'selfemployed', 'self', 'freelance', 'freelancer', 'free lance', 'independent', 'independent consultant',
  'student', 'retired', 'unemployed', 'home', 'homemaker', 'housewife', 'stay at home', 'private', 'private person', 'private individual', 'individual',
  'selbstständig', 'selbständig', 'freiberufler', 'freiberuflich', 'rentner', 'privat', 'privatperson',
  'indépendant', 'retraité', 'étudiant', 'particulier', 'autónomo', 'autônomo', 'jubilado', 'aposentado', 'estudiante', 'estudante', 'particular', 'independiente',
  'частное лицо', 'физическое лицо', 'физ лицо', 'физлицо', 'пенсионер', 'пенсионерка', 'безработный', 'безработная', 'самозанятый', 'самозанятая',
  'студент', 'студентка', 'фрилансер', 'фриланс', 'домохозяйка',
].map((w) => foldText(w)));

/** Whether a company's name names no organisation ("Self-employed", "Student", "Частное лицо"). */
export function namesNoOrganisation(s: string): boolean {
  return s !== '' && companyOf(s) === null;
}

/**
 * The organisation key: the name folded, without its legal forms; empty for a name that names no
 * organisation (NO_ORGANISATION). Stored on contacts (lib/db/keys.ts) and on deals; every lookup
 * computes it anew, so a key stored under an older list is never asked for again and goes with the
 * record's next write.
 */
export function normCompany(s?: string): string {
  return s ? (companyOf(s) ?? '') : '';
}

/** A company's name folded once per spelling: its key, or null when it names no organisation. */
function companyOf(s: string): string | null {
  let k = companies.get(s);
  if (k === undefined) {
    const folded = foldText(s);
    k = NO_ORGANISATION.has(folded) ? null : folded
      .split(' ')
      .filter((w) => w && !LEGAL_FORMS.has(w))
      .join(' ');
    if (companies.size >= COMPANY_CACHE) companies.clear();
    companies.set(s, k);
  }
  return k;
}
// A book names a few thousand organisations, each on many contacts; an import asks for each
// row's whether it names one and then its key, and a tie refresh asks for each contact's several
// times: each spelling is folded once. Bounded.
const companies = new Map<string, string | null>();
const COMPANY_CACHE = 20_000;

/** Cities with several common spellings; folded on load. */
export const CITY_ALIASES: readonly (readonly string[])[] = [
  ['moscow', 'moskva', 'москва', 'moskau', 'moscou'],
  ['saint petersburg', 'st petersburg', 'st. petersburg', 'sankt-peterburg', 'санкт-петербург', 'спб', 'spb', 'питер', 'petersburg'],
  ['kyiv', 'kiev', 'киев', 'київ'],
  ['nizhny novgorod', 'nizhniy novgorod', 'нижний новгород'],
  ['yekaterinburg', 'ekaterinburg', 'екатеринбург'],
  ['almaty', 'алматы', 'alma-ata', 'алма-ата'],
  ['minsk', 'минск', 'мінск'],
  ['warsaw', 'warszawa', 'варшава'],
  ['prague', 'praha', 'прага'],
  ['munich', 'münchen', 'munchen', 'мюнхен'],
  ['vienna', 'wien', 'вена'],
  ['cologne', 'köln', 'koln'],
  ['new york', 'nyc', 'new york city', 'нью-йорк'],
  ['reykjavik', 'reykjavík', 'рейкьявик'],
  ['beijing', 'peking', '北京', 'пекин'],
  ['tbilisi', 'тбилиси'],
];

const cityIndex = (() => {
  const m = new Map<string, string>();
  for (const g of CITY_ALIASES) for (const n of g) m.set(foldText(n), foldText(g[0]));
  return m;
})();

/** The city part of a location ("Moscow, Russia" → moscow), folded, aliases resolved. */
export function normCity(s?: string): string {
  if (!s) return '';
  const first = s.split(/[,;(|]/)[0];
  const f = foldText(first.replace(/\b(city|region|area|oblast|g\.|город|г\.)\b/gi, ' '));
  return cityIndex.get(f) ?? cityIndex.get(foldText(first)) ?? f;
}

export function normEmail(s: string): string {
  return s.trim().toLowerCase();
}

/**
 * An address typed because the CRM wanted one and the rep had none — "a@a.com",
 * "xxx@xxx.com", "test@test.com", "no@email.com" (a real Salesforce export gave seven
 * people at four companies "a@a.com"): it names nobody, so it matches nobody and keys
 * nothing. Its name and its mailbox are each filler: one letter repeated, or a word
 * that says "none".
 */
export function placeholderEmail(s: string): boolean {
  const m = /^([^@\s]+)@([^.@\s]+)\.[^@\s]+$/.exec(normEmail(s));
  return !!m && filler(m[1]) && filler(m[2]);
}
const filler = (s: string) => /^(.)\1*$/.test(s) || FILLER.has(s);
const FILLER = new Set(['test', 'none', 'no', 'noemail', 'nomail', 'na', 'null', 'nil', 'unknown', 'email', 'mail', 'sample', 'fake', 'dummy', 'asdf', 'qwerty', 'nobody', 'noone']);

export function normPhone(s: string): string {
  const d = s.replace(/\D/g, '');
  // Russian trunk prefix 8 → country code 7; compare the last 10 digits otherwise.
  const ru = d.length === 11 && d[0] === '8' ? '7' + d.slice(1) : d;
  return ru.length > 10 ? ru.slice(-10) : ru;
}

function host(u: string): string {
  const m = /^(?:[a-z]+:\/\/)?(?:www\.)?([^/:?#\s]+)/i.exec(u.trim());
  return m ? m[1].toLowerCase() : '';
}

/** Free-mail domains say nothing about the employer. */
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'live.com', 'icloud.com',
  'mail.ru', 'yandex.ru', 'ya.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru', 'gmx.de', 'proton.me', 'protonmail.com',
]);

/** A profile URL's key for comparison (lib/extract/urls.ts owns the rule). */
const urlKey = (u: string): string => profileUrlKey(u) ?? u.trim();

const cache = new WeakMap<object, Prepared>();

export function prepare(input: MatchInput): Prepared {
  const hit = cache.get(input);
  if (hit) return hit;
  const emails = (input.emails ?? []).map(normEmail).filter((e) => e && !placeholderEmail(e));
  const p: Prepared = {
    input,
    name: parseName(input.name ?? ''),
    company: normCompany(input.company),
    city: normCity(input.location),
    position: input.position ? foldText(input.position) : '',
    emails,
    phones: (input.phones ?? []).map(normPhone).filter((x) => x.length >= 6),
    domains: (input.websites ?? []).map(host).filter(Boolean),
    emailDomains: emails.map((e) => e.split('@')[1] ?? '').filter((d) => d && !FREE_MAIL.has(d)),
    urls: (input.profileUrls ?? []).map(urlKey),
  };
  cache.set(input, p);
  return p;
}

export interface MatchResult {
  score: number;
  reasons: Reason[];
}

export interface MatchExtra {
  /** canonical profile URLs already linked to the contact */
  contactUrls?: string[];
}

/**
 * How likely `a` (a profile read or a contact) and the contact `b` are one person.
 * Symmetric in its signals; `b` may be a Contact or another MatchInput.
 */
export function scoreMatch(a: MatchInput | Prepared, b: Contact | MatchInput | Prepared, extra: MatchExtra = {}): MatchResult {
  const pa = 'input' in a ? a : prepare(a);
  const pb = 'input' in b ? b : prepare(isContact(b) ? matchInputFromContact(b, extra.contactUrls) : b);
  const reasons: Reason[] = [];
  const W = MATCH_WEIGHTS;

  const urls = pa.urls.filter((u) => pb.urls.includes(u) || (extra.contactUrls ?? []).map(urlKey).includes(u));
  if (urls.length) return { score: 1, reasons: [{ code: 'linked-url', detail: { url: urls[0] }, weight: 1 }] };

  let miss = 1;
  const add = (code: string, w: number, detail?: Reason['detail']) => {
    miss *= 1 - w;
    reasons.push({ code, weight: w, ...(detail ? { detail } : {}) });
  };
  let penalty = 1;
  const conflict = (code: string, p: number, detail?: Reason['detail']) => {
    penalty *= 1 - p;
    reasons.push({ code, weight: -p, ...(detail ? { detail } : {}) });
  };

  const email = pa.emails.find((e) => pb.emails.includes(e));
  if (email) add('email', W.email, { email });
  const phone = pa.phones.find((x) => pb.phones.includes(x));
  if (phone) add('phone', W.phone, { phone });

  const nm = compareNames(pa.name, pb.name);
  if (nm.kind !== 'none') {
    add(`name-${nm.kind}`, W.name[nm.kind], {
      a: nm.pairs.map((p) => p.a).join(' '),
      b: nm.pairs.map((p) => p.b).join(' '),
      pairs: nm.pairs.map((p) => `${p.a}~${p.b}:${p.match}`),
    });
  } else if (pa.name.full.length && pb.name.full.length && !email && !phone) {
    conflict('name-differs', W.nameConflict);
  }

  if (pa.company && pb.company) {
    if (pa.company === pb.company) add('company', W.company, { company: pa.input.company ?? pa.company });
    else conflict('company-differs', W.companyConflict, { a: pa.input.company ?? '', b: pb.input.company ?? '' });
  }
  const domain = pa.domains.find((d) => pb.emailDomains.includes(d)) ?? pb.domains.find((d) => pa.emailDomains.includes(d));
  if (domain) add('website-domain', W.domain, { domain });

  if (pa.city && pb.city) {
    if (pa.city === pb.city) add('city', W.city, { city: pa.input.location ?? pa.city });
    else conflict('city-differs', W.cityConflict, { a: pa.input.location ?? '', b: pb.input.location ?? '' });
  }
  if (pa.position && pa.position === pb.position) add('position', W.position, { position: pa.input.position ?? '' });

  const score = Math.max(0, Math.min(1, (1 - miss) * penalty));
  reasons.sort((x, y) => Math.abs(y.weight ?? 0) - Math.abs(x.weight ?? 0));
  return { score: round(score), reasons };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function isContact(x: Contact | MatchInput): x is Contact {
  return typeof (x as Contact).id === 'string' && typeof (x as Contact).createdAt === 'number';
}

export interface Candidate {
  contact: Contact;
  score: number;
  reasons: Reason[];
  /** score ≥ AUTO_LINK_THRESHOLD */
  autoLink: boolean;
}

/** Where candidates come from: contacts under any of these name keys, e-mails or phones. */
export interface CandidateLookup {
  byNameKeys(keys: string[]): Iterable<Contact>;
  byEmails?(emails: string[]): Iterable<Contact>;
  byPhones?(phones: string[]): Iterable<Contact>;
  /** contact id → canonical profile URLs linked to it */
  urlsOf?(contactId: string): string[];
}

export interface CandidateOptions {
  minScore?: number;
  limit?: number;
}

/** Ranks likely matches for `input` among the contacts the lookup returns. */
export function findCandidates(input: MatchInput | Prepared, lookup: CandidateLookup, opts: CandidateOptions = {}): Candidate[] {
  const p = 'input' in input ? input : prepare(input);
  const seen = new Map<string, Contact>();
  const collect = (cs: Iterable<Contact> | undefined) => {
    if (cs) for (const c of cs) seen.set(c.id, c);
  };
  const keys = lookupKeys(p.name);
  if (keys.length) collect(lookup.byNameKeys(keys));
  if (p.emails.length) collect(lookup.byEmails?.(p.emails));
  if (p.phones.length) collect(lookup.byPhones?.(p.phones));
  return rank(p, seen.values(), lookup.urlsOf, opts);
}

function rank(p: Prepared, contacts: Iterable<Contact>, urlsOf: ((id: string) => string[]) | undefined, opts: CandidateOptions, prepared?: (c: Contact) => Prepared): Candidate[] {
  const min = opts.minScore ?? SUGGEST_THRESHOLD;
  const out: Candidate[] = [];
  for (const c of contacts) {
    const urls = urlsOf?.(c.id) ?? [];
    const target = prepared ? prepared(c) : c;
    const r = scoreMatch(p, target, { contactUrls: urls });
    if (r.score >= min) out.push({ contact: c, score: r.score, reasons: r.reasons, autoLink: r.score >= AUTO_LINK_THRESHOLD });
  }
  out.sort((x, y) => y.score - x.score || (x.contact.id < y.contact.id ? -1 : 1));
  return opts.limit ? out.slice(0, opts.limit) : out;
}

/**
 * An in-memory blocking index over contacts, the same keys the IndexedDB index
 * holds: for tests, benches, and for a panel that keeps the book in memory.
 */
export class MatchIndex implements CandidateLookup {
  private contacts = new Map<string, { c: Contact; p: Prepared; keys: string[] }>();
  private byKey = new Map<string, Set<string>>();
  private byEmail = new Map<string, Set<string>>();
  private byPhone = new Map<string, Set<string>>();
  private urls = new Map<string, string[]>();

  constructor(contacts: Iterable<Contact> = []) {
    for (const c of contacts) this.add(c);
  }

  get size(): number {
    return this.contacts.size;
  }

  add(c: Contact, profileUrls: string[] = []): void {
    if (this.contacts.has(c.id)) this.remove(c.id);
    const p = prepare(matchInputFromContact(c, profileUrls));
    const keys = keysOfParsed(p.name);
    this.contacts.set(c.id, { c, p, keys });
    for (const k of keys) put(this.byKey, k, c.id);
    for (const e of p.emails) put(this.byEmail, e, c.id);
    for (const x of p.phones) put(this.byPhone, x, c.id);
    if (profileUrls.length) this.urls.set(c.id, profileUrls);
  }

  update(c: Contact, profileUrls?: string[]): void {
    this.add(c, profileUrls ?? this.urls.get(c.id) ?? []);
  }

  remove(id: string): void {
    const e = this.contacts.get(id);
    if (!e) return;
    for (const k of e.keys) drop(this.byKey, k, id);
    for (const m of e.p.emails) drop(this.byEmail, m, id);
    for (const x of e.p.phones) drop(this.byPhone, x, id);
    this.contacts.delete(id);
    this.urls.delete(id);
  }

  get(id: string): Contact | undefined {
    return this.contacts.get(id)?.c;
  }

  keysOf(id: string): string[] {
    return this.contacts.get(id)?.keys ?? [];
  }

  byNameKeys(keys: string[]): Contact[] {
    return this.ids(this.byKey, keys);
  }

  byEmails(emails: string[]): Contact[] {
    return this.ids(this.byEmail, emails.map(normEmail));
  }

  byPhones(phones: string[]): Contact[] {
    return this.ids(this.byPhone, phones.map(normPhone));
  }

  urlsOf(id: string): string[] {
    return this.urls.get(id) ?? [];
  }

  /** Ranked likely matches for a profile read or another contact. */
  candidates(input: MatchInput | Prepared, opts: CandidateOptions = {}): Candidate[] {
    const p = 'input' in input ? input : prepare(input);
    const ids = new Set<string>();
    const gather = (m: Map<string, Set<string>>, ks: string[]) => {
      for (const k of ks) for (const id of m.get(k) ?? []) ids.add(id);
    };
    gather(this.byKey, lookupKeys(p.name));
    gather(this.byEmail, p.emails);
    gather(this.byPhone, p.phones);
    const cs = [...ids].map((id) => this.contacts.get(id)!.c);
    return rank(p, cs, (id) => this.urlsOf(id), opts, (c) => this.contacts.get(c.id)!.p);
  }

  /** Every indexed contact with its prepared form (for baselines and duplicates). */
  entries(): Iterable<{ c: Contact; p: Prepared; keys: string[] }> {
    return this.contacts.values();
  }

  /** Every blocking key with its contact ids: name keys, then `e:` e-mails, `p:` phones. */
  *blocks(): Iterable<[string, ReadonlySet<string>]> {
    yield* this.byKey;
    for (const [k, s] of this.byEmail) yield [`e:${k}`, s];
    for (const [k, s] of this.byPhone) yield [`p:${k}`, s];
  }

  private ids(m: Map<string, Set<string>>, keys: string[]): Contact[] {
    const ids = new Set<string>();
    for (const k of keys) for (const id of m.get(k) ?? []) ids.add(id);
    return [...ids].map((id) => this.contacts.get(id)!.c);
  }
}

function put(m: Map<string, Set<string>>, k: string, id: string) {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(id);
}

function drop(m: Map<string, Set<string>>, k: string, id: string) {
  const s = m.get(k);
  if (!s) return;
  s.delete(id);
  if (!s.size) m.delete(k);
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
}

/** Blocks larger than this are skipped for word keys (`t:ivan`), never for pair keys. */
const MAX_WORD_BLOCK = 50;

/**
 * Probable duplicates in a book: only contacts sharing a blocking key (a name
 * pair key, a rare word key, an e-mail or a phone) are compared.
 */
export function findDuplicates(contacts: Iterable<Contact>, opts: { threshold?: number } = {}): DuplicatePair[] {
  const threshold = opts.threshold ?? DUPLICATE_THRESHOLD;
  const idx = new MatchIndex(contacts);
  const blocks: ReadonlySet<string>[] = [];
  for (const [k, s] of idx.blocks()) if (s.size > 1 && (!k.startsWith('t:') || s.size <= MAX_WORD_BLOCK)) blocks.push(s);
  const seen = new Set<string>();
  const out: DuplicatePair[] = [];
  const prep = new Map<string, Prepared>();
  for (const e of idx.entries()) prep.set(e.c.id, e.p);
  for (const block of blocks) {
    const ids = [...block].sort();
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const r = scoreMatch(prep.get(ids[i])!, prep.get(ids[j])!);
        if (r.score >= threshold) out.push({ a: ids[i], b: ids[j], score: r.score, reasons: r.reasons });
      }
  }
  out.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1));
  return out;
}

export interface MergeConflict {
  field: keyof Contact;
  kept: unknown;
  dropped: unknown;
}

export interface MergePlan {
  survivorId: string;
  removedId: string;
  /** the survivor as it should be stored (nameKeys recomputed) */
  merged: Contact;
  /** fields where both had different values; the survivor's was kept */
  conflicts: MergeConflict[];
  /** rows (notes, interactions, purchases, complaints, profiles, memberships,
   * overrides) whose contactId must change from removedId to survivorId */
  reassign: { from: string; to: string };
  reasons: Reason[];
}

const SCALARS = ['firstName', 'lastName', 'company', 'position', 'city', 'hometown', 'relation', 'crmId', 'birthday'] as const;
const LISTS = ['emails', 'phones', 'tags', 'languages', 'interests'] as const;

/**
 * Which contact survives and how the fields combine. The survivor is the one
 * imported from a CRM (it has a crmId), else the older one, else the smaller id.
 * Empty fields are filled from the other; lists are united; lastContactAt is the
 * later, createdAt the earlier.
 */
export function mergePlan(a: Contact, b: Contact, now: number): MergePlan {
  const aFirst = a.crmId && !b.crmId ? true : b.crmId && !a.crmId ? false : a.createdAt !== b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
  const [s, r] = aFirst ? [a, b] : [b, a];
  const reasons: Reason[] = [{ code: s.crmId && !r.crmId ? 'survivor-has-crm-id' : s.createdAt !== r.createdAt ? 'survivor-older' : 'survivor-id', detail: { survivorId: s.id } }];
  const merged: Contact = { ...s };
  const conflicts: MergeConflict[] = [];
  for (const f of SCALARS) {
    const sv = s[f];
    const rv = r[f];
    if (sv === undefined || sv === '') {
      if (rv !== undefined) (merged as Record<string, unknown>)[f] = rv;
    } else if (rv !== undefined && rv !== '' && JSON.stringify(sv) !== JSON.stringify(rv)) {
      conflicts.push({ field: f, kept: sv, dropped: rv });
    }
  }
  if (s.name !== r.name && parseName(r.name).full.length > parseName(s.name).full.length && compareNames(parseName(s.name), parseName(r.name)).kind === 'initial') {
    // "A. Kowalski" + "Adam Kowalski": keep the fuller name
    conflicts.push({ field: 'name', kept: r.name, dropped: s.name });
    merged.name = r.name;
  } else if (s.name !== r.name) {
    conflicts.push({ field: 'name', kept: s.name, dropped: r.name });
  }
  for (const f of LISTS) {
    const all = [...(s[f] ?? []), ...(r[f] ?? [])];
    if (all.length || s[f]) (merged as Record<string, unknown>)[f] = dedupe(all, f === 'emails' ? normEmail : f === 'phones' ? normPhone : (x) => x.toLowerCase());
  }
  merged.nameKeys = [...new Set([...keysOfParsed(parseName(merged.name)), ...keysOfParsed(parseName(r.name))])];
  merged.createdAt = Math.min(s.createdAt, r.createdAt);
  merged.updatedAt = now;
  const last = Math.max(s.lastContactAt ?? -Infinity, r.lastContactAt ?? -Infinity);
  if (Number.isFinite(last)) merged.lastContactAt = last;
  return { survivorId: s.id, removedId: r.id, merged, conflicts, reassign: { from: r.id, to: s.id }, reasons };
}

function dedupe(xs: string[], norm: (x: string) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const k = norm(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}
