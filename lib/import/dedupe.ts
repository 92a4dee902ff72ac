// Duplicates within one file: the same e-mail (any case), the same CRM id, the
// same profile URL (profileUrlKey: canonical form), the same name at the same company, or
// the same name with the same phone number (a phone book's SIM copy beside its own). A
// duplicate fills the empty fields of the earlier record and is not stored itself (what it
// gives differently is kept in `custom` as "<field> 2"). When a key is enough is
// `sameRecord`'s rule: a shared mailbox is not one person, nor are two records the CRM
// keeps under different ids one by their name alone; a placeholder e-mail ("a@a.com")
// keys nothing.
import { freeKey, type ImportedContact, MULTI_FIELDS, phoneForms } from './fields';
import { canonicalProfileUrl, profileUrlKey } from '../extract/urls';
import { hasLegalForm, namesNoOrganisation, normCompany, normEmail, normPhone, placeholderEmail } from '../model/identity';
import { compareNames, parseName } from '../model/names';
import { wordsOf } from '../model/words';

export type DuplicateKind = 'email' | 'crmId' | 'profileUrl' | 'name+company' | 'name+phone';

const LEGAL_FORMS = /\b(ооо|оао|зао|пао|ао|ип|llc|inc|ltd|gmbh|corp|co|plc|sa|ag)\b/g;

export function normaliseName(s: string): string {
  return wordsOf(s).trim();
}

export function normaliseCompany(s: string): string {
  return normaliseName(s).replace(LEGAL_FORMS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * What a record is matched by: a kind, and the key the index holds — the kind and its value (for a
 * name's keys, name+company and name+phone, the normalised name and the company or the phone) as one
 * string, made once so that find and add hash it once.
 */
export type RecordKey = [by: DuplicateKind, key: string];
export type RecordKeys = RecordKey[];

const key = (by: DuplicateKind, value: string, other?: string): RecordKey => [by, other === undefined ? `${by}\u0000${value}` : `${by}\u0000${value}\u0000${other}`];

/** How many characters of a name a phone's SIM keeps. */
const SIM_NAME = 14;

/** What a record is matched by, most telling first. */
export function keysOf(r: ImportedContact): RecordKeys {
  const out: RecordKeys = [];
  for (const e of r.emails ?? (r.email ? [r.email] : [])) if (e.trim() && !placeholderEmail(e)) out.push(key('email', normEmail(e)));
  if (r.crmId?.trim()) out.push(key('crmId', r.crmId.trim()));
  for (const u of r.profileUrls ?? (r.profileUrl ? [r.profileUrl] : [])) {
    const c = profileUrlKey(u);
    if (c) out.push(key('profileUrl', c));
  }
  const personal = [r.firstName, r.lastName].filter(Boolean).join(' ') || (r.name !== r.email ? r.name : '');
  const name = normaliseName(personal);
  // (two namesakes who both wrote "Self-employed" share no organisation)
  const company = r.company && !namesNoOrganisation(r.company) ? normaliseCompany(r.company) : '';
  if (name && company) out.push(key('name+company', name, company));
  if (name) {
    // a phone's SIM keeps a name's first 14 characters ("Kwabena Mensahh" is "Kwabena Mensah" there): a
    // longer name is also keyed by them, so the SIM's copy of a card, with its number, finds the card
    const sim = personal.length > SIM_NAME ? normaliseName(personal.slice(0, SIM_NAME)) : '';
    for (const p of r.phones ?? (r.phone ? [r.phone] : [])) {
      // (a number a spreadsheet rounded, "7.70091E+11", is no number)
      if (normPhone(p).length < 6 || /e\+/i.test(p)) continue;
      for (const n of phoneForms(p)) {
        out.push(key('name+phone', name, n));
        if (sim && sim !== name) out.push(key('name+phone', sim, n));
      }
    }
  }
  return out;
}

export class DuplicateIndex<T> {
  /** by a key's one string */
  private readonly byKey = new Map<string, T>();

  /**
   * The earlier entry this record repeats, checking e-mail, CRM id, URL, then
   * name+company and name+phone; an entry `same` refuses (sameRecord) is not it.
   */
  find(keys: RecordKeys, same: (hit: T, by: DuplicateKind) => boolean = () => true): { sameAs: T; by: DuplicateKind } | undefined {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const hit = this.byKey.get(k[1]);
      if (hit !== undefined && same(hit, k[0])) return { sameAs: hit, by: k[0] };
    }
    return undefined;
  }

  add(keys: RecordKeys, entry: T): void {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i][1];
      if (!this.byKey.has(k)) this.byKey.set(k, entry);
    }
  }
}

/** Two records that carry different ids of their CRM. */
export function otherRecord(a: { crmId?: string }, b: { crmId?: string }): boolean {
  const x = a.crmId?.trim();
  const y = b.crmId?.trim();
  return !!x && !!y && x !== y;
}

/**
 * Whether a record found by `by` is the earlier one: the same CRM id is one person; the
 * same e-mail or profile is, unless the two are named and neither name is the other's
 * (a department's mailbox: five drivers at voditel@, two relatives at one clinic's
 * administrator@; one colleague's LinkedIn pasted into another's row), or the CRM keeps the two
 * under different ids and their names differ at all; the same name at the same company, or with the same phone, is not
 * when the CRM keeps the two under different ids (two "Accounts Payable" mailboxes at one
 * company, two namesakes).
 */
export function sameRecord(earlier: Named, r: Named, by: DuplicateKind): boolean {
  // (two rows the CRM keeps under different ids at one address, both named, are one only when named
  // alike: "Marie" and "Maria" at one family's mailbox are two; a row named by its address is not named)
  if (by === 'email' || by === 'profileUrl') return !namesConflict(earlier, r) && !(otherRecord(earlier, r) && namedApart(earlier, r));
  // by a SIM's cut of the name (keysOf): one name is the other's first 14 characters, not two longer
  // names that begin alike ("Daniel Whitmore" and "Daniel Whitmore 2" at one number)
  if (by === 'name+phone') {
    const [a, b] = [fullName(earlier), fullName(r)];
    if (normaliseName(a) !== normaliseName(b) && !simCut(a, b) && !simCut(b, a)) return false;
  }
  return (by !== 'name+company' && by !== 'name+phone') || (!otherRecord(earlier, r) && !otherProfiles(earlier, r) && !(otherAddresses(earlier, r) && !personalName(r)));
}

type Named = { crmId?: string; name?: string; firstName?: string; lastName?: string; email?: string; emails?: string[]; profileUrl?: string; profileUrls?: string[] };

/**
 * Two records that each link a profile on one network, none of them the other's: two accounts, two people by
 * their name alone (two "Jane Doe" at "Acme | Beta" among one's LinkedIn connections, each with her own /in/).
 */
export function otherProfiles(a: Named, b: Named): boolean {
  const on = (x: Named) => {
    const m = new Map<string, Set<string>>();
    for (const u of x.profileUrls ?? (x.profileUrl ? [x.profileUrl] : [])) {
      const p = canonicalProfileUrl(u);
      if (p) m.set(p.site, (m.get(p.site) ?? new Set()).add(p.profileUrl));
    }
    return m;
  };
  const [pa, pb] = [on(a), on(b)];
  for (const [site, urls] of pa) {
    const theirs = pb.get(site);
    if (theirs && ![...urls].some((u) => theirs.has(u))) return true;
  }
  return false;
}

/**
 * Two records that each give e-mail addresses, none of them the other's: a first name or a desk's
 * name and a company (or a phone) are then not enough to make them one (a NetSuite export's
 * "Lena" at lenaw@ and "LENA" at lena@ of one customer; "Email Proof" at two mailboxes
 * behind one switchboard); a person's full name is ("Rui Sousa" at his .com and .net addresses).
 */
export function otherAddresses(a: Named, b: Named): boolean {
  const of = (x: Named) => (x.emails ?? (x.email ? [x.email] : [])).filter((e) => e.includes('@') && !placeholderEmail(e)).map(normEmail);
  const ea = of(a);
  const eb = new Set(of(b));
  return ea.length > 0 && eb.size > 0 && !ea.some((e) => eb.has(e));
}

/** Words that name a mailbox or a desk, not a person ("Email Proof", "Accounts Payable"). */
const DESK_WORDS = new Set(['email', 'mail', 'proof', 'proofs', 'office', 'info', 'sales', 'support', 'admin', 'orders', 'order', 'accounts', 'accounting', 'billing', 'invoices', 'payable', 'receivable', 'team', 'reception', 'marketing', 'purchasing', 'service', 'customer', 'department', 'dept', 'staff', 'employees']);
/**
 * The same in Russian, by stem: its words change their ending with their place in the name
 * ("Отдел продаж", "Сотрудники отдела", "Приёмная директора", "Служба поддержки").
 */
const DESK_STEM = /^(?:отдел|офис|бухгалтер|приемн|продаж|заказ|снабжени|поддержк|сотрудник|служб|канцеляри|секретариат)/;

/**
 * A name that names one person: two words or more, none of them a desk's. A first name alone
 * ("Lena") or a desk ("Email Proof", "Office", "Сотрудники отдела") at one company is many people's.
 */
export function personalName(x: Named): boolean {
  const words = normaliseName(fullName(x)).split(' ').filter((w) => w.length > 1);
  return words.length >= 2 && !words.some((w) => DESK_WORDS.has(w) || DESK_STEM.test(w));
}

/**
 * Two records both named by a person's name (not just an address) that the model's name
 * rule (compareNames: order, initials, nicknames, transliteration, a typo) does not take
 * for one, and that share fewer than two words ("Jim Hartigan" is "James Hartigan";
 * "Ravi Menon EES 5" is "Ravi Menon Electrical S5"; "Сабиров Тимур Ринатович"
 * is not "Сабиров Ринат Ильдарович": a surname alone is a family).
 */
export function namesConflict(a: Named, b: Named): boolean {
  const fa = fullName(a);
  const fb = fullName(b);
  // (a record named by an address is not named; one named by its address's first half agrees with
  // a name it holds a word of: "petersandoval" with "Carlos Peter Sandoval", not "paulo" with "Gilberto Dantas")
  if (!fa.trim() || !fb.trim() || fa.includes('@') || fb.includes('@')) return false;
  if ((handleName(a) && handleHolds(fa, fb)) || (handleName(b) && handleHolds(fb, fa))) return false;
  // organisations' names (a legal form in either): one only when, legal forms aside, one holds every
  // word of the other — many share "Co. Ltd" and a trade's words ("Northstar Bio-Chemical Co. Ltd"
  // and "Eastriver Agrochemical Co. Ltd" at one freight agent's address are two)
  if (hasLegalForm(fa) || hasLegalForm(fb)) {
    const [ka, kb] = [normCompany(fa).split(' '), normCompany(fb).split(' ')];
    const holds = (x: string[], y: string[]) => y.every((w) => x.includes(w));
    return !holds(ka, kb) && !holds(kb, ka);
  }
  if (normaliseName(fa) === normaliseName(fb)) return false;
  const [pa, pb] = [parseName(fa), parseName(fb)];
  if (compareNames(pa, pb).kind !== 'none') return false;
  // names the matcher cannot line up (or read: Thai, Chinese, Arabic) are one when they share two
  // words, a typo aside ("Omar Pak Plumber", "Omar Plumber Pak"; "สุภาวดี ทองคำ", "สภาวดี ทองคำ"),
  // unless each holds a word the other does not: "Rui Cesar Lobo" and "Rui Ismael Lobo" at one
  // company's mailbox are two of a family
  const [wa, wb] = [fa, fb].map((f) => normaliseName(f).split(' ').filter((w) => w.length > 1));
  // (a typo is allowed only in a script the matcher cannot read: in Latin or Cyrillic it said no)
  const unread = !pa.tokens.length || !pb.tokens.length;
  const inOther = (w: string, other: string[]) => other.some((x) => x === w || (unread && oneEditApart(w, x)));
  if (wa.filter((w) => inOther(w, wb)).length < 2) return true;
  // (names as people write them: a phone book's labels, "Ravi Kumar Electrical Shop Market Road Home",
  // are one person's by two words)
  return nameShaped(fa) && nameShaped(fb) && wa.some((w) => !inOther(w, wb)) && wb.some((w) => !inOther(w, wa));
}

/** The same word, or (four letters or more) one typed with one letter added, dropped or changed. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // past the first difference the rest must agree: after a change, or after the longer's extra letter
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/** Both records carry a person's name (not an address, nor one made from it) and the names differ at all. */
function namedApart(a: Named, b: Named): boolean {
  const [fa, fb] = [fullName(a), fullName(b)];
  const named = (x: Named, f: string) => !!f.trim() && !f.includes('@') && !handleName(x);
  return named(a, fa) && named(b, fb) && normaliseName(fa) !== normaliseName(fb);
}

/**
 * The name a record gives: its parts, or the name shown when there are none — or when it has no first
 * name and the shown name holds its last name and more (a CRM's full "Person - Name" beside its
 * "Nachname" and no first name's column: "Rolf Keller" and "Keller" is Rolf Keller, never Keller).
 */
function fullName(x: Named): string {
  const parts = [x.firstName, x.lastName].filter(Boolean).join(' ');
  const shown = x.name !== x.email ? (x.name ?? '') : '';
  if (!parts) return shown;
  if (shown && !x.firstName) {
    const had = normaliseName(parts).split(' ');
    const words = normaliseName(shown).split(' ');
    if (words.length > had.length && had.every((w) => words.includes(w))) return shown;
  }
  return parts;
}

/**
 * A name that is one word the record's e-mail address holds before its "@", most of it — a display
 * name an address book made from the address ("petersandoval" for cpetersandoval@…), not
 * the person's name: it does not veto a merge with a name it holds a word of, nor stays the
 * display name beside a real one.
 */
export function handleName(x: Named): boolean {
  const words = normaliseName(fullName(x)).split(' ').filter(Boolean);
  if (words.length !== 1 || words[0].length < 3 || !x.email) return false;
  const local = normaliseName(x.email.split('@')[0]).replace(/ /g, '');
  // most of it: "anna" at annafamily@… may be Anna, one of a family sharing the mailbox
  return local.includes(words[0]) && words[0].length >= local.length * 0.6;
}

/** Whether a one-word handle holds a word (three letters or more) of the other name. */
function handleHolds(handle: string, other: string): boolean {
  const h = normaliseName(handle).replace(/ /g, '');
  return normaliseName(other).split(' ').some((w) => w.length >= 3 && h.includes(w));
}

/**
 * Whether a name holds every word of another and more ("Lotte de Vries" holds "lotte"), and is a
 * name as people write one: words of letters, at most five (not a CRM's "C1234 Acme : Ann Lee, C1234
 * Acme : Proof.", whose words hold "Ann Lee" too).
 */
function holdsAllWords(fuller: string, other: string): boolean {
  if (!nameShaped(fuller)) return false;
  const words = normaliseName(fuller).split(' ');
  const theirs = normaliseName(other).split(' ').filter(Boolean);
  return theirs.length > 0 && words.length > theirs.length && theirs.every((w) => words.includes(w));
}

/** A name as people write one: words of letters, at most five. */
function nameShaped(s: string): boolean {
  return /^[\p{L}\p{M}'’. -]+$/u.test(s.trim()) && normaliseName(s).split(' ').length <= 5;
}

/** Whether `cut` is `whole` as a SIM keeps it: its first 14 characters (and `whole` a name as people write one). */
function simCut(cut: string, whole: string): boolean {
  return cut.length === SIM_NAME && whole.length > SIM_NAME && whole.toLowerCase().startsWith(cut.toLowerCase()) && nameShaped(whole);
}

/** Whether two values of a field say the same: letter case aside ("ANNA" and "Anna"), but a CRM's id as written (Salesforce's are case-sensitive). */
function sameValue(field: string, a: string, b: string): boolean {
  if (field === 'crmId') return a.trim() === b.trim();
  // a name's part with a stray dot or in other case ("Sweety." and "sweety") is the same part
  if ((NAME_PARTS as readonly string[]).includes(field)) return normaliseName(a) === normaliseName(b);
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** When two values of a list field are the same thing written differently (also the import plan's keys: match.ts, to-contact.ts). */
export const SAME = {
  email: normEmail,
  phone: (v: string) => v.replace(/[^\d+]/g, ''),
  profileUrl: (v: string) => profileUrlKey(v) ?? v.trim(),
};

/**
 * Fills the earlier record's empty fields from the duplicate (lists are united); what the
 * duplicate says otherwise (another name, position, CRM id, address) is kept beside it in
 * `custom` as "<field> 2": nothing the file holds is dropped.
 */
/** The parts a name is split into: a handle's parts give way to the real name's. */
export const NAME_PARTS = ['firstName', 'middleName', 'lastName'] as const;

export function mergeInto(earlier: ImportedContact, dup: ImportedContact): void {
  const e = earlier as unknown as Record<string, unknown>;
  const d = dup as unknown as Record<string, unknown>;
  for (const [one, many] of Object.entries(MULTI_FIELDS)) {
    const a = (e[many] as string[] | undefined) ?? (e[one] ? [e[one] as string] : []);
    const b = (d[many] as string[] | undefined) ?? (d[one] ? [d[one] as string] : []);
    const all = [...a];
    const same = SAME[one as keyof typeof SAME];
    for (const v of b) if (!all.some((x) => same(x) === same(v))) all.push(v);
    if (all.length) e[one] = all[0];
    if (all.length > 1) e[many] = all;
  }
  /** a value the earlier record holds otherwise, kept as "<key> 2" (3, …) unless it is there already */
  const besides = (key: string, v: string) => {
    const c = (earlier.custom ??= Object.create(null) as Record<string, string>);
    const k = freeKey(c, key, true);
    for (let n = 2; `${key} ${n}` !== k; n++) if (c[`${key} ${n}`] === v) return;
    c[k] = v;
  };
  // a record named only by its e-mail (or by the address's first half, or an address typed where
  // the name goes) takes the duplicate's real name
  /** the duplicate's name replaced the earlier one as the fuller of the two */
  let fuller = false;
  const earlierUnnamed = !earlier.firstName && !earlier.lastName && earlier.name === earlier.email;
  const dupNamed = !!(dup.firstName || dup.lastName || dup.name !== dup.email);
  if (earlierUnnamed && dupNamed) e.name = dup.name;
  else if (dupNamed && (handleName(earlier) || earlier.name.includes('@')) && !handleName(dup) && !dup.name.includes('@')) {
    besides('name', earlier.name);
    for (const k of NAME_PARTS) delete e[k];
    e.name = dup.name;
  } else if (dupNamed && normaliseName(dup.name) !== normaliseName(earlier.name)) {
    // the same name, one fuller than the other ("lotte" and "Lotte de Vries"): the fuller one (the parts the
    // earlier record gives stay: a CRM's row may hold the whole name in its first-name column)
    if (holdsAllWords(dup.name, earlier.name) || simCut(earlier.name, dup.name)) {
      e.name = dup.name;
      fuller = true;
    }
    else if (!holdsAllWords(earlier.name, dup.name) && !simCut(dup.name, earlier.name)) besides('name', dup.name);
  }
  const dupHandle = handleName(dup) && !handleName(earlier);
  // a name's parts come from one record, never some from each ("Rudi bandung." as a first name beside
  // another card's "Rudi" / "bandung" read "Rudi bandung. bandung"): of two records naming the same
  // name, the one that splits it into more parts gives them all
  const partsOf = (x: Record<string, unknown>) => NAME_PARTS.filter((k) => typeof x[k] === 'string' && (x[k] as string).trim()).length;
  const earlierParts = partsOf(e);
  const theirParts = !dupHandle && normaliseName(String(e.name)) === normaliseName(dup.name) && (partsOf(d) > earlierParts || (fuller && partsOf(d) >= earlierParts));
  // (a SIM's copy cuts the parts with the name: no second value of them)
  const dupCut = simCut(dup.name, String(e.name));
  if (theirParts) for (const k of NAME_PARTS) if (d[k] === undefined) delete e[k];
  for (const [k, v] of Object.entries(d)) {
    if (k in MULTI_FIELDS || Object.values(MULTI_FIELDS).includes(k as never) || k === 'name' || k === 'custom') continue;
    if ((NAME_PARTS as readonly string[]).includes(k)) {
      if (dupHandle || dupCut) continue; // kept whole as "name 2"; or cut by a SIM
      if (theirParts) {
        e[k] = v;
        continue;
      }
      if (earlierParts && (e[k] === undefined || e[k] === '')) continue;
    }
    if (e[k] === undefined || e[k] === '') e[k] = v;
    // the CRM's other record of this person keeps its id, so a later sync by id still finds it
    else if (typeof v === 'string' && v.trim() && !sameValue(k, v, String(e[k]))) besides(k, v);
  }
  if (dup.custom) {
    const c = (earlier.custom ??= Object.create(null) as Record<string, string>);
    for (const [k, v] of Object.entries(dup.custom)) {
      if (!Object.hasOwn(c, k)) c[k] = v;
      else if (c[k].trim() !== v.trim()) besides(k, v);
    }
  }
}
