// vCards (.vcf: Google Contacts, Apple, Outlook, Android export these) → the same
// contact records a CSV gives, every card accounted for: rows = accepted +
// duplicates + rejected. A card's line is the line of its BEGIN:VCARD. Each card is
// parsed by ical.js (Mozilla's RFC 6350 / vCard 3.0 parser, also used by
// Thunderbird); vCard 2.1's own grammar — bare parameters ("TEL;CELL"), QUOTED-
// PRINTABLE values with soft line breaks, CHARSET — is rewritten into 3.0 first,
// line by line, since the library reads 3.0 and 4.0 only. A broken BEGIN/END, a card
// the library cannot read, or one that names nobody is one rejected record with its
// line and raw text. Values are kept verbatim; a property with no field of its own,
// or a second one of a field that takes one (a second ORG, TITLE, FN, BDAY), goes to
// `custom` under its vCard name; a value the library cannot read as its type
// ("TZ:1:00", "BDAY:15.03.1980") is kept as the text the card holds. Binary
// properties (PHOTO, LOGO, SOUND, KEY) are not a contact's text and are left out. A file
// that is not UTF-8 is read in the encoding decode.ts finds, but a card that names one
// legacy CHARSET on its properties is read in that one, its values without a CHARSET too.
import ICAL from 'ical.js';
import type { ContactRows } from './contacts';
import { nobody } from './contacts';
import { type Encoding, decodeBytes, detectEncoding, encodingOfLabel } from './decode';
import { DuplicateIndex, keysOf, mergeInto, NAME_PARTS, sameRecord } from './dedupe';
import { EMAIL_SHAPE, freeKey, type ImportedContact, nameOfParts, numberText, numericRefs, phoneShaped, placeholderPhone, samePhone, withoutDirectionMarks } from './fields';
import { NO_NAME, noCompany, noJob, orderKeys, titleOnly } from './mapping';
import { isWhy, why, type Why } from './why';

export interface VcardReport extends ContactRows {
  kind: 'contacts';
  entity: 'contacts';
  format: 'vcard';
}

/** A card longer than this many lines is taken for a missing END:VCARD. */
const MAX_CARD_LINES = 5000;
const SOCIAL = /^https?:\/\/([a-z0-9-]+\.)*(linkedin\.com|vk\.com|vkontakte\.ru|facebook\.com|fb\.com)\//i;

/**
 * A vCard's bytes with every UTF-8 character a fold split (RFC 6350 lets a line be folded
 * inside one: ownCloud's "…\xC3" CR LF SPACE "\xA9…") whole again: the continuation bytes
 * after the fold's space moved before its line break. Unfolded, the text is the same bytes
 * in the same order, whatever the encoding; decoded before unfolding, the split letter was
 * two replacement characters (and the file no valid UTF-8 for the encoding's guess).
 */
function joinFoldedCharacters(b: Uint8Array): Uint8Array {
  let out: Uint8Array | undefined;
  for (let i = 0; i < b.length; i++) {
    const at = out ?? b;
    if (at[i] !== 0x0a || (at[i + 1] !== 0x20 && at[i + 1] !== 0x09)) continue;
    let j = i + 2;
    while (j < at.length && (at[j] & 0xc0) === 0x80) j++;
    const n = j - (i + 2);
    const brk = at[i - 1] === 0x0d ? i - 1 : i;
    if (!n || brk === 0 || at[brk - 1] < 0x80) continue;
    out ??= b.slice();
    const tail = out.slice(i + 2, j);
    out.copyWithin(brk + n, brk, i + 2);
    out.set(tail, brk);
    i = j - 1;
  }
  return out ?? b;
}

/** A vCard file's bytes read: split characters joined, the encoding found (decode.ts), the cards read. */
/**
 * A jCard file (RFC 7095: vCard as JSON, `["vcard", [properties]]`, or a list of them) as the vCard
 * text it stands for, read then as any vCard file; null when the text is no jCard.
 */
export function jcardText(text: string): string | null {
  if (!/^\uFEFF?\s*\[\s*(?:\[\s*)?"vcard"/i.test(text.slice(0, 200))) return null;
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const cards = Array.isArray(data) && typeof data[0] === 'string' ? [data] : Array.isArray(data) ? data : [];
  if (!cards.length || !cards.every((c) => Array.isArray(c) && String(c[0]).toLowerCase() === 'vcard' && Array.isArray(c[1]))) return null;
  return cards.map((c) => new ICAL.Component(c as unknown[]).toString()).join('\r\n') + '\r\n';
}

export function readVcardBytes(bytes: Uint8Array): VcardReport {
  const joined = joinFoldedCharacters(bytes);
  const whole = decodeBytes(joined, declaredCharset(joined));
  if (whole.encoding === 'utf-8' || whole.encoding.startsWith('utf-16')) return readVcards(whole.text);
  // (Hebrew in Windows-1255 with no CHARSET anywhere looks Russian to the guess: its letters are Cyrillic's small ones)
  const file = whole.encoding === 'windows-1251' && looksHebrew1255(joined) ? 'windows-1255' : whole.encoding;
  return readVcards(inCardCharsets(joined, file) ?? (file === whole.encoding ? whole.text : decodedIn(joined, file)));
}

/** Bytes as text in an encoding by its label: decode.ts's reading when it is one of its own, else the platform's. */
function decodedIn(bytes: Uint8Array, label: string): string {
  const enc = encodingOfLabel(label);
  return enc ? decodeBytes(bytes, enc).text : new TextDecoder(label).decode(bytes);
}

/** A charset label's canonical name (the Encoding Standard's: "Windows-1253", "cp1253" → "windows-1253"); undefined for one not read. */
function canonicalCharset(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/**
 * The one legacy charset (not UTF-8, not ASCII) a card names on its properties (a Nokia's "LABEL;CHARSET=Windows-1253;
 * ENCODING=QUOTED-PRINTABLE:…"): the one its values without a CHARSET are written in too (its N and FN, raw bytes).
 * Undefined when it names none, or several.
 */
function cardCharset(text: string): string | undefined {
  const names = new Set<string>();
  // (Samsung names it inside a label's parentheses: "TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,…)")
  for (const m of text.matchAll(/[;(,]CHARSET="?([\w.:-]+)/gi)) {
    const c = canonicalCharset(m[1]);
    if (c !== 'utf-8' && !/^(?:us-)?ascii$/i.test(m[1])) names.add(c ?? m[1].toLowerCase());
  }
  const [only] = names;
  return names.size === 1 && canonicalCharset(only) ? only : undefined;
}

/**
 * The file's text with each card that names a legacy charset other than the file's (one Greek card, "LABEL;CHARSET=
 * Windows-1253", its name's bytes without one, in a file the guess read as Windows-1251) read in its own: its raw bytes
 * are that charset's, not the guess's. Cards are cut at their BEGIN and END lines, ASCII in every encoding read here.
 * Undefined when no card needs it (the file's text as decoded whole is the same).
 */
function inCardCharsets(bytes: Uint8Array, file: string): string | undefined {
  const latin = new TextDecoder('latin1').decode(bytes); // one character a byte: its indices are the bytes'
  const fileCanonical = canonicalCharset(file);
  const parts: string[] = [];
  let at = 0;
  let changed = false;
  for (const m of latin.matchAll(/^[ \t]*BEGIN:VCARD[ \t]*\r*$[\s\S]*?^END:VCARD\b/gim)) {
    const own = cardCharset(m[0]);
    const from = m.index;
    const to = from + m[0].length;
    const card = bytes.subarray(from, to);
    if (!own || own === fileCanonical || !card.some((b) => b >= 0x80) || detectEncoding(card).encoding === 'utf-8') continue;
    parts.push(decodedIn(bytes.subarray(at, from), file), decodedIn(card, own));
    at = to;
    changed = true;
  }
  if (!changed) return undefined;
  parts.push(decodedIn(bytes.subarray(at), file));
  return parts.join('');
}

/** Hebrew's final letters (ך ם ן ף ץ) in Windows-1255, and the same letters' other forms (כ מ נ פ צ). */
const FINAL_1255 = new Set([0xea, 0xed, 0xef, 0xf3, 0xf5]);
const NONFINAL_1255 = new Set([0xeb, 0xee, 0xf0, 0xf4, 0xf6]);

/** Bytes past ASCII that are punctuation in Windows-1251 and -1255 alike (‘ ’ “ ” • – —, no-break space, ¤/₪, « »): no letters, between words. */
const PUNCTUATION_1255 = new Set([0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0xa0, 0xa4, 0xab, 0xbb]);

/**
 * Whether bytes the guess took for Windows-1251 are Hebrew in Windows-1255: every letter past ASCII one of Hebrew's
 * (0xE0–0xFA, Russian's small letters а–ъ there; none of its capitals, ы ь э ю я, ё), or a direction mark; and every
 * word spelled as Hebrew is — a final letter (ך ם ן ף ץ, Russian's к н п у х) only at a word's end, the other form
 * of it (כ מ נ פ צ, Russian's л о р ф ц) never there. Russian breaks that in nearly every name, capitals aside
 * ("анна": н inside; "петров": п inside). Two words at least.
 */
function looksHebrew1255(b: Uint8Array): boolean {
  let words = 0;
  const letter = (c: number | undefined) => c !== undefined && c >= 0x80 && !PUNCTUATION_1255.has(c);
  for (let i = 0; i < b.length; ) {
    if (!letter(b[i])) {
      i++;
      continue;
    }
    let j = i;
    while (letter(b[j])) j++;
    const letters = [...b.subarray(i, j)].filter((c) => c !== 0xfd && c !== 0xfe); // (LRM, RLM)
    // (a geresh after a word, "צ'": the letter before it is no word's end)
    const geresh = b[j] === 0x27 || b[j] === 0x60 || b[j] === 0x92;
    for (let k = 0; k < letters.length; k++) {
      const c = letters[k];
      if (c < 0xe0 || c > 0xfa) return false;
      const end = k === letters.length - 1;
      if (FINAL_1255.has(c) && !end) return false;
      if (NONFINAL_1255.has(c) && end && !geresh) return false;
    }
    if (letters.length) words++;
    i = j;
  }
  return words >= 2;
}

/**
 * The one charset a file's cards give their values (old Japanese phones: "N;CHARSET=SHIFT_JIS:"
 * and the name's bytes as they are), when its bytes are not UTF-8: the whole file is read in it,
 * so a name's bytes are never taken for another encoding's letters, and a Shift_JIS character's
 * 0x5C byte never for the backslash that escapes a separator. Undefined when the cards name
 * none, or several, or the bytes are UTF-8.
 */
function declaredCharset(bytes: Uint8Array): Encoding | undefined {
  const text = new TextDecoder('latin1').decode(bytes);
  const labels = new Set<string>();
  for (const m of text.matchAll(/;CHARSET=([\w-]+)/gi)) labels.add(m[1].toLowerCase());
  if (labels.size !== 1) return undefined;
  const enc = encodingOfLabel([...labels][0]);
  if (!enc || enc === 'utf-8' || detectEncoding(bytes).encoding === 'utf-8') return undefined;
  return enc;
}

export function readVcards(text: string): VcardReport {
  const out: VcardReport = { kind: 'contacts', entity: 'contacts', format: 'vcard', rows: 0, accepted: 0, duplicates: [], rejected: [], records: [], recordLines: [] };
  const index = new DuplicateIndex<number>();
  // (iOS writes CR CR LF: one line break, not a blank line between every two lines; a lone CR
  // breaks lines only in a file with no LF at all, classic Mac OS's: Thunderbird keeps one typed
  // inside a value, "X-CUSTOM3:custom<CR>3", and a break there would lose the card)
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(body.includes('\n') ? /\r*\n/ : /\r/);
  let start = -1;
  const reject = (line: number, reason: Why, raw: string) => {
    out.rows++;
    out.rejected.push({ line, ...reason, raw });
  };
  const card = (from: number, to: number) => {
    const raw = lines.slice(from, to + 1).join('\r\n');
    out.rows++;
    const made = toRecord(raw);
    if (isWhy(made)) {
      out.rejected.push({ line: from + 1, ...made, raw });
      return;
    }
    const keys = keysOf(made);
    const dup = index.find(keys, (i, by) => sameRecord(out.records[i], made, by));
    if (dup) {
      const earlier = out.records[dup.sameAs];
      mergeInto(earlier, made);
      index.add(keysOf(earlier), dup.sameAs);
      out.duplicates.push({ line: from + 1, sameAs: out.recordLines[dup.sameAs], by: dup.by });
      return;
    }
    index.add(keys, out.records.length);
    out.records.push(made);
    out.recordLines.push(from + 1);
  };
  /** inside an AGENT's card (RFC 2426: "AGENT:BEGIN:VCARD", its lines folded under it, " END:VCARD" its last) */
  let agent = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim().toUpperCase();
    // (its folded BEGIN and END are the AGENT's value, no card's)
    if (agent && /^[ \t]/.test(lines[i])) {
      if (/^END:VCARD$/.test(l)) agent = false;
      continue;
    }
    agent = start >= 0 && /^(?:[\w-]+\.)?AGENT(?:;[^:]*)?:BEGIN:VCARD$/.test(l);
    if (l === 'BEGIN:VCARD') {
      if (start >= 0) reject(start + 1, why('vcardNoEndBeforeNext'), lines.slice(start, i).join('\r\n'));
      start = i;
    } else if (/^END:VCARD[^\p{L}\p{N}]*$/u.test(l)) {
      // (a phone tool left "END:VCARD." at a card's end: the card is whole all the same)
      lines[i] = 'END:VCARD';
      if (start < 0) reject(i + 1, why('vcardEndWithoutBegin'), lines[i]);
      else card(start, i);
      start = -1;
    } else if (start >= 0 && i - start > MAX_CARD_LINES) {
      reject(start + 1, why('vcardNoEndWithin', { max: MAX_CARD_LINES }), lines.slice(start, start + 50).join('\r\n') + '…');
      start = -1;
    }
  }
  if (start >= 0) reject(start + 1, why('vcardNoEndAtAll'), lines.slice(start, start + 200).join('\r\n'));
  out.accepted = out.records.length;
  return out;
}

/** Properties Apple's Contacts writes for itself (vCard names, lower case). */
const APPLE_OPAQUE = /^(?:x-addressing-grammar|x-imagehash|x-imagetype|x-shared-photo-display-pref|x-abuid|x-abshowas|x-ablabel|x-abadr|vnd-\d+-[\w-]+)$/;

/** One card's text → a record, or why it is rejected. */
function toRecord(raw: string): ImportedContact | Why {
  let comp: ICAL.Component;
  try {
    comp = new ICAL.Component(ICAL.parse(as30(raw)) as unknown as unknown[]);
  } catch (e) {
    return why('unreadableBecause', { detail: (e as Error).message });
  }
  const r: Record<string, unknown> = {};
  const custom = Object.create(null) as Record<string, string>;
  const keep = (name: string, v: string) => {
    if (!v.trim()) return;
    // the same value again under the same name (Samsung writes each ADR twice) says nothing more
    for (let k = name, n = 2; Object.hasOwn(custom, k); k = `${name} ${n++}`) if (custom[k] === v) return;
    custom[freeKey(custom, name)] = v;
  };
  /** N's honorific prefix and suffix ("Dr.", "Jr."): kept when the shown name leaves them out */
  const honorifics: [string, string][] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  /** service codes (USSD, "*777#", "#123#"): numbers to dial, after the card's real ones */
  const codes: string[] = [];
  /** Samsung's copy of each address (X-SAMSUNGADR), kept when no ADR says the same */
  const samsungAdrs: string[] = [];
  const addresses = new Set<string>();
  /** how many preferred ones lead each list, in the card's order */
  const pref = { emails: 0, phones: 0 };
  const urls: string[] = [];
  /** a number typed where a text goes (ORG, TITLE): one of the numbers to call */
  /** numbers typed where the organisation or the job goes: the card's to call, after its own TELs (an account number may be one) */
  const strays: string[] = [];
  const strayNumber = (x: string) => {
    const tel = numberText(x).trim();
    if (!strays.includes(tel)) strays.push(tel);
  };
  const seen = new Map<string, string>();
  /** Apple's card of an organisation (X-ABShowAs:COMPANY) */
  let showsCompany = false;
  /** what the card is (4.0's KIND, Apple's X-ADDRESSBOOKSERVER-KIND): a person unless it says otherwise */
  let kind = 'individual';
  /** the city and country came from the address the card prefers */
  let prefAdr = false;
  for (const p of comp.getAllProperties()) {
    const name = p.name.toLowerCase();
    const values = valuesOf(p);
    const first = values[0] ?? [];
    const text = first.join(' ').trim();
    /** the label Apple or Google gave a grouped value ("item1.X-ABLabel:Anniversary"), as30 passes it on */
    const label = String(p.getParameter(LABEL) ?? '');
    if (name === 'x-abshowas' && /^company$/i.test(text)) showsCompany = true;
    if ((name === 'kind' || name === 'x-addressbookserver-kind') && text) kind = text.toLowerCase();
    // a field that takes one value: a second one (two ORGs, two TITLEs) is kept beside it, not lost
    if (ONE.has(name) && text) {
      const before = seen.get(name);
      if (before !== undefined) {
        if (before !== text) keep(p.name.toUpperCase(), text);
        continue;
      }
      seen.set(name, text);
    }
    switch (name) {
      // (KIND and Apple's X-ADDRESSBOOKSERVER-KIND: read above, what the card is)
      case 'version': case 'prodid': case 'rev': case 'kind': case 'x-addressbookserver-kind':
        break;
      case 'fn':
        if (text) r.name = oneLine(first.join(''));
        break;
      case 'n': {
        // (a part Google's export cut, a "?" after each emoji or styled letter: no part at all; the name is FN's)
        const [family, given, additional, prefix, suffix] = first.map(oneLine).map((x) => (GOOGLE_CUT.test(x) ? '' : x));
        if (first.some((x) => GOOGLE_CUT.test(x))) keep('N', first.join(';'));
        if (prefix?.trim()) honorifics.push(['Name Prefix', prefix]);
        if (suffix?.trim()) honorifics.push(['Name Suffix', suffix]);
        // an Indonesian or Malay phone book's form of address typed as the given name, the name after it
        // ("N:Arisan;Kak;Evi;;" is Evi Arisan, addressed as Kak), or a courtesy title typed there, a given
        // name after it or none ("N:Doe;M.;Jean;;", "N:Doe;Dr;;;", a phone in Côte d'Ivoire): the prefix it is
        const g = given?.trim() ?? '';
        if (g && !prefix?.trim() && ((additional?.trim() && ADDRESS_FORM.test(g)) || titleOnly(g))) {
          honorifics.push(['Name Prefix', given!]);
          if (additional?.trim()) r.firstName = additional;
          if (family?.trim()) r.lastName = family;
          break;
        }
        if (given?.trim()) r.firstName = given;
        // (3.0 parts several middle names with commas: "Richter,James" is two names; an escaped
        // comma, "Richter\, James", is a comma in one)
        const parted = ((p.jCal as unknown[])[3] as unknown[] | undefined)?.[2];
        if (Array.isArray(parted)) r.middleName = parted.map((x) => oneLine(String(x))).filter(Boolean).join(' ') || undefined;
        else if (additional?.trim()) r.middleName = additional;
        if (family?.trim()) r.lastName = family;
        break;
      }
      case 'email': {
        // (what is no address is kept, not mailed: as in a CSV's e-mail column)
        // (a stray dot or comma after it, Yahoo's "jo@example.com.", is no part of it: as a CSV's cell is read)
        const address = withoutDirectionMarks(text).trim().replace(/[,;.]+$/, '');
        // (a phone book's "null" is no value)
        if (/^null$/i.test(address)) break;
        if (address && !address.includes('@')) keep('EMAIL', text.replace(/\\"/g, '"'));
        // (an address the card marks obsolete — Google's X-Obsolete — goes last, never first, however preferred)
        else if (address && !emails.includes(address)) emails.splice(obsolete(p) ? emails.length : preferred(p) ? pref.emails++ : emails.length, 0, address);
        break;
      }
      case 'tel': {
        // a fax is no number to call (kept, as a CSV's fax column is); the one the card prefers
        // (TYPE=PREF, 4.0's PREF=1) is the main one
        const ts = types(p);
        if (ts.includes('fax') && !ts.some((t) => /^(?:voice|cell)$/.test(t))) keep('FAX', text);
        // an assistant's number (Apple's "AssistantPhone" label, Outlook's TYPE=X-ASSISTANT) is not the person's own
        else if (/assistant/i.test(label) || ts.some((t) => /^(?:x-)?assistant$/.test(t))) keep(`TEL (${label || 'Assistant'})`, numberText(text).trim());
        else {
          const tel = numberText(text).trim();
          // a placeholder number ("000000000") or no digit at all (a Mac card's lone "§") is no one's
          // to call: kept, never the main number (as in a CSV's phone column)
          if (tel && (placeholderPhone(tel) || !/\d/.test(tel))) keep('TEL', tel);
          // a name typed with the number ("TEL;CELL:Budi Wati 6281200000002"): the number, the text kept as written
          else if (/\p{L}{2}/u.test(tel.replace(/\b(?:ext|extn|доб)\b\.?/gi, '')) && /\d{7,}/.test(tel.replace(/[\s().-]/g, ''))) {
            keep('TEL', tel);
            const n = /\+?\d[\d\s().-]{5,}\d/.exec(tel)?.[0].trim();
            if (n && !phones.some((x) => samePhone(x, n))) phones.push(n);
          }
          // a sender's name with a few digits ("DM-012345", an Indian SMS header) is no number to call: kept
          // (a number spelled in letters after its digits, "1-800-FLOWERS", is one)
          else if (/^\p{L}{2}/u.test(tel)) keep('TEL', tel);
          // a service code (a balance's "*777#", "#123#") is dialled, never the person's number: after the card's real ones
          else if (/^[*#][\d*#]*#$/.test(tel.replace(/\s+/g, ''))) {
            if (!codes.includes(tel)) codes.push(tel);
          } else if (tel && !phones.some((x) => samePhone(x, tel))) phones.splice(preferred(p) ? pref.phones++ : phones.length, 0, tel);
        }
        break;
      }
      case 'org':
        // a number typed where the organisation goes is a number to call, no company
        if (first[0]?.trim() && phoneShaped(first[0])) strayNumber(first[0]);
        // (a courtesy title where the organisation goes, an iPhone's "ORG:Mr;Mr", "ORG:السيد;السيد": no company, kept)
        else if (first[0]?.trim() && (noCompany(first[0].trim()) || GOOGLE_CUT.test(first[0]) || EMAIL_SHAPE.test(first[0].trim()))) {
          keep('ORG', first.map((x) => x.trim()).filter(Boolean).join(';'));
          break;
        } else if (first[0]?.trim()) r.company = first[0].trim();
        if (first.slice(1).some((x) => x.trim())) keep('Department', first.slice(1).filter((x) => x.trim()).join(', '));
        break;
      case 'title':
        // a number typed where the job title goes is a number to call (as in ORG), no position
        if (text && phoneShaped(text)) strayNumber(text);
        // (an academic or courtesy title alone, Yahoo's "TITLE:Dr.", is no job: kept, as a CSV's)
        else if (text && noJob(text)) keep('TITLE', text);
        else if (text) r.position = first.join('').trim();
        break;
      case 'adr': {
        // post office box; extended; street; locality; region; postal code; country (Google adds an eighth:
        // the same address formatted, "Leeds, West Yorkshire\nGB" — kept only when the seven are empty)
        // the city and country of the address the card prefers (TYPE=PREF, PREF=1), else of its first
        const [, , , city, , , country] = first;
        const mine = preferred(p) && !prefAdr && (!!city?.trim() || !!country?.trim());
        if (mine) prefAdr = true;
        if (city?.trim() && (r.city === undefined || mine)) r.city = city;
        if (country?.trim() && (r.country === undefined || mine)) r.country = country;
        const parts = first.length > 7 && first.slice(0, 7).some((x) => x.trim()) ? first.slice(0, 7) : first;
        const address = parts.map((x) => x.trim()).filter(Boolean).join(', ');
        addresses.add(address);
        keep('Address', address);
        break;
      }
      case 'x-samsungadr':
        // (Samsung writes each address twice, "X-SAMSUNGADR;HOME:;;12 Main St;…" after its ADR: the copy says nothing more)
        samsungAdrs.push(unescaped(p, values.map((v) => v.join(';')).join(';')));
        break;
      case 'agent': {
        // an AGENT's card (RFC 2426, "AGENT:BEGIN:VCARD…END:VCARD"): the person who acts for this one, no contact of
        // its own — kept as who they are ("Sam Poe, sam@example.com, +1 555 0100"), its text when it names no one
        const t = unescaped(p, values.map((v) => v.join(';')).join(', ')).trim();
        const agent = /^BEGIN:VCARD/i.test(t) ? toRecord(t.replace(/\r?\n/g, '\r\n')) : undefined;
        if (agent && !isWhy(agent)) keep('AGENT', [agent.name, agent.email, agent.phone].filter(Boolean).join(', '));
        else keep('AGENT', t);
        break;
      }
      case 'bday':
        // a birthday with no year: a placeholder year, 1604 (Apple's, with or without its X-APPLE-OMIT-YEAR;
        // Thunderbird's CardBook writes "16040101") or 0000 — no one alive was born then
        if (text) {
          const noYear = /^(?:0000|1604)-?(\d\d)-?(\d\d)$/.exec(text);
          // (the parser reads Yahoo's unpadded "1954615" as "1954-15": its written form decides)
          const written = /^(?:[\w-]+\.)?BDAY(?:;[^:\r\n]*)?:(\d{5,7})\s*$/im.exec(raw)?.[1];
          // (two readings, "1954111": kept as written, no birthday guessed)
          if (written && !noYear && !unpadded(written)) keep('BDAY', written);
          else r.birthday = noYear ? `--${noYear[1]}-${noYear[2]}` : (written && unpadded(written)) || text;
        }
        break;
      case 'note': {
        // the parser splits a note at its commas (2.1 and careless 3.0 exporters leave them unescaped):
        // all of it, joined back; a stray \" some exporters write is a quote; Yahoo's leading space and
        // trailing blank lines dropped
        const note = values.map((v) => v.join('')).join(',').replace(/\\"/g, '"').trim();
        if (note) r.notes = r.notes ? `${r.notes}\n${note}` : note;
        break;
      }
      case 'url': case 'x-socialprofile':
        // Google writes "https\://…" (3.0's escaped colon); a URI value is not unescaped for us
        if (text) urls.push(text.replace(/\\([:,;\\])/g, '$1'));
        break;
      case 'categories': {
        const tags = values.flat().map((x) => x.trim()).filter(Boolean);
        if (tags.length) r.tags = tags.join(', ');
        break;
      }
      case 'sound':
        // (old Japanese phones write the name's reading as text there: "SOUND;X-IRMC-N:ｱﾝﾄﾞｳ;ﾛｲﾄﾞ;;;")
        if (types(p).includes('x-irmc-n')) keep('Phonetic Name', values.flat().join(';').split(';').map((x) => x.trim()).filter(Boolean).join(' '));
        break;
      case 'photo': case 'logo': case 'key':
        break; // binary or a link to it: not a contact's text
      default:
        // Apple's bookkeeping (its labels' codes "_$!<HomePage>!$_", image hashes, base64 plists): no one's text
        if (APPLE_OPAQUE.test(name)) break;
        // (Outlook's business card's layout, "X-MS-OL-DESIGN:<card xmlns=…>": how the card is drawn, no one's text)
        if (name === 'x-ms-ol-design') break;
        keep(name === UNREAD_LINE.toLowerCase() ? 'vCard line' : label ? `${p.name.toUpperCase()} (${label})` : p.name.toUpperCase(), unescaped(p, values.map((v) => v.join(';')).join(', ')));
    }
  }
  for (const a of samsungAdrs) {
    const address = a.split(';').map((x) => x.trim()).filter(Boolean).join(', ');
    if (!addresses.has(address)) keep('X-SAMSUNGADR', a);
  }
  for (const u of new Set(urls)) {
    // a link of another scheme is no web page (iOS's WhatsApp profile "x-apple:+91%2098…"): kept as written
    if (/^[a-z][\w+.-]*:/i.test(u) && !/^https?:/i.test(u)) keep('URL', u);
    else if (SOCIAL.test(u)) ((r.profileUrls as string[] | undefined) ??= []).push(u);
    else if (r.website === undefined) r.website = u;
    else keep('URL', u);
  }
  const profiles = r.profileUrls as string[] | undefined;
  delete r.profileUrls;
  if (profiles?.length) {
    r.profileUrl = profiles[0];
    if (profiles.length > 1) r.profileUrls = profiles;
  }
  // a card the phone book names by its number ("FN:+234 800 000 0000", "N:0001;0800;000"): that number is the
  // name, no first or last name, and the number to call when the card has no other
  const partsText = NAME_PARTS.map((k) => r[k]).filter((x): x is string => typeof x === 'string' && !!x.trim()).join(' ');
  if (partsText && phoneShaped(partsText)) {
    if (typeof r.name !== 'string') r.name = partsText;
    for (const k of NAME_PARTS) delete r[k];
  }
  if (typeof r.name === 'string' && phoneShaped(r.name) && !phones.length) phones.push(numberText(r.name).trim());
  phones.push(...strays.filter((t) => !phones.some((x) => samePhone(x, t))), ...codes.filter((c) => !phones.includes(c)));
  // (an extension or a short number, "1872", never leads a card's real numbers: its CELL does)
  const short = (t: string) => t.replace(/\D/g, '').length < 5;
  phones.sort((a, b) => Number(short(a)) - Number(short(b)));
  if (emails.length) r.email = emails[0];
  if (emails.length > 1) r.emails = emails;
  if (phones.length) r.phone = phones[0];
  if (phones.length > 1) r.phones = phones;
  // dashes, dots or a separator's comma alone (a phone book's placeholder, "N:;\,;;;") name no one; an emoji or a
  // sign the owner typed ("@ #") does
  const named = (x: unknown): x is string => typeof x === 'string' && !/^[\s\-–—.,;:]*$/.test(x) && !NO_NAME.test(x.trim());
  for (const k of ['name', 'firstName', 'middleName', 'lastName']) if (r[k] !== undefined && !named(r[k])) delete r[k];
  // an address split at its dots into N ("N:example;lena;l.x@mail.;;") beside it whole as FN: pieces of
  // the FN, no name's parts (Sony Ericsson's "Коваль@CS" is one; an address alone in N is the only name)
  // (Android splits it at its last dot too: "N:com;jane.roe@example;;;")
  if (typeof r.name === 'string' && r.name.includes('@') && NAME_PARTS.some((k) => { const v = String(r[k] ?? ''); return /@[^\s@]*\./.test(v) || (/^[^\s@]+@[^\s@]+$/.test(v) && String(r.name).toLowerCase().includes(v.toLowerCase())); })) for (const k of NAME_PARTS) delete r[k];
  const parts = [r.firstName, r.middleName, r.lastName].filter(named);
  // Apple's card shown as its company (X-ABShowAs:COMPANY) that names a person in N ("N:Doe;Jane;;;", "FN:Acme Travel",
  // "ORG:Acme Travel;"): the person at the company; its FN is only how Apple shows the company
  if (showsCompany && parts.length && typeof r.name === 'string' && typeof r.company === 'string' && oneLine(r.name).toLowerCase() === oneLine(r.company).toLowerCase()) {
    delete r.name;
  }
  // an address as the shown name beside a person's name in N (Roundcube writes the address when the
  // display name is left blank): the person's name; an address the card does not list too is kept
  if (typeof r.name === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.name.trim()) && parts.length && !parts.some((x) => x.includes('@'))) {
    if (!emails.some((e) => e.toLowerCase() === String(r.name).trim().toLowerCase())) keep('FN', r.name);
    delete r.name;
  }
  // an address as the only name (a card a mail program made from a message: "FN:Jane.Roe@example.net",
  // its N the address too): the card names no person; the address is one of theirs
  if (typeof r.name === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(r.name.trim()) && !parts.length) {
    const a = r.name.trim();
    if (!emails.some((e) => e.toLowerCase() === a.toLowerCase())) emails.push(a);
    if (emails.length) r.email = emails[0];
    if (emails.length > 1) r.emails = emails;
    delete r.name;
  }
  // a card of a group (4.0's KIND:group, Apple's X-ADDRESSBOOKSERVER-KIND:group) or a place (KIND:location)
  // is no person; an organisation's (KIND:org, Apple's X-ABShowAs:COMPANY with no person named) is the
  // company's own record
  const shown = (r.name as string | undefined) ?? (r.company as string | undefined) ?? '';
  if (kind === 'group') return why('vcardGroup', { name: shown });
  if (kind === 'location') return why('vcardLocation', { name: shown });
  if ((kind === 'org' || (showsCompany && !parts.length)) && (typeof r.company === 'string' || typeof r.name === 'string')) return why('companyRecord', { company: String(r.company ?? r.name) });
  // a card with no name but its organisation (a business's number in an Android phone book) is the organisation's
  const part = (x: unknown) => (named(x) ? x : undefined);
  // (a card named by its nickname only: "NICKNAME:Johnny", as the phone shows it)
  const name = (r.name as string | undefined) ?? nameOfParts(part(r.firstName), part(r.middleName), part(r.lastName)) ?? part(custom.NICKNAME) ?? (r.company as string | undefined);
  if (!name && !r.email) return nobody(r.phone as string | undefined);
  r.name = name ?? r.email;
  // a person's own name as their organisation ("FN:John Smith", "ORG:John Smith": a phone's card made from the name) is
  // no company, as in a CSV: kept as written
  // (also a name in one of N's slots, "N:Karim Fathy;;;;": a name of two words or more beside the same ORG)
  if (parts.length && / /.test(oneLine(String(r.name))) && typeof r.company === 'string' && oneLine(r.company).toLowerCase() === oneLine(String(r.name)).toLowerCase()) {
    keep('ORG', r.company);
    delete r.company;
  }
  // (under the names Google's CSV gives them)
  for (const [k, v] of honorifics) if (!String(r.name).includes(v.trim())) keep(k, v);
  // a card with a ROLE and no TITLE (a directory converted from a spreadsheet writes only ROLE): that is the position
  if (r.position === undefined && custom.ROLE !== undefined && custom['ROLE 2'] === undefined) {
    r.position = custom.ROLE;
    delete custom.ROLE;
  }
  if (Object.keys(custom).length) r.custom = custom;
  return orderKeys(r as unknown as ImportedContact);
}

/**
 * Google Contacts' vCard export writes a "?" after each character beyond the Basic Multilingual Plane (an
 * emoji, a styled letter) in N and ORG and cuts the text by as many ("FN:🍩🍩Andie", "N:;🍩?🍩?And;;;"):
 * such a part is no one's name or company. FN is written whole.
 */
const GOOGLE_CUT = /[\u{10000}-\u{10FFFF}]\?/u;

/** Indonesian and Malay forms of address a phone book puts before a name (Kak, Bang, Pak, Bu, Mas, Mbak…). */
const ADDRESS_FORM = /^(?:kak|bang|bg|pak|bapak|bu|ibu|mas|mbak|mba|dik|adik|om|tante|abang|encik|cik|puan)\.?$/i;

/** A property the library has no type for (X-…) comes with its escapes: the text they stand for. */
function unescaped(p: ICAL.Property, v: string): string {
  return p.type === 'unknown' ? v.replace(/\\([nN,;:\\"])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)) : v;
}

/**
 * A name is one line: a line break typed into it ("Роман\nСущик") is a space; a space a phone left at
 * its end is not its text, nor a doubled one inside ("Zuzana  B.", as a CSV's name is read), nor the
 * direction marks an Android phone book wraps it in ("\u202BAna Ejemplo\u202C\u200E").
 */
const oneLine = (s: string) => withoutDirectionMarks(s).replace(/\s+/g, ' ').trim();

/**
 * Yahoo's date without its zeros ("1954615" is 15 June 1954, "195485" 5 August): the one reading whose
 * month and day are a month and a day; none when two are ("1954111": 1 November or 11 January).
 */
function unpadded(t: string): string | null {
  const m = /^(\d{4})(\d{1,4})$/.exec(t);
  if (!m || m[2].length === 4) return null;
  const pad = (x: string) => x.padStart(2, '0');
  const readings = [1, 2].map((k) => [m[2].slice(0, k), m[2].slice(k)]).filter(([mo, d]) => d.length >= 1 && d.length <= 2 && +mo >= 1 && +mo <= 12 && +d >= 1 && +d <= 31);
  return readings.length === 1 ? `${m[1]}-${pad(readings[0][0])}-${pad(readings[0][1])}` : null;
}

/** Whether the card marks this value its preferred one: TYPE=PREF (2.1 and 3.0) or PREF=1 (4.0). */
function preferred(p: ICAL.Property): boolean {
  return types(p).includes('pref') || String(p.getParameter('pref') ?? '') === '1';
}

/** Whether the card marks this value no longer in use (Google's "EMAIL;PREF;X-Obsolete:…", a bare parameter). */
function obsolete(p: ICAL.Property): boolean {
  return types(p).includes('x-obsolete') || p.getParameter('x-obsolete') !== undefined;
}

/** A property's TYPE parameters, lower case ("TEL;TYPE=WORK,FAX" and 2.1's "TEL;FAX;WORK" alike, once rewritten). */
function types(p: ICAL.Property): string[] {
  return ([] as unknown[]).concat(p.getParameter('type') ?? []).map((t) => String(t).toLowerCase());
}

/** The parameter as30 gives a grouped property its label under (Apple's and Google's X-ABLabel). */
const LABEL = 'x-tiewise-label';

/** Properties a contact has one of; a second one goes to `custom`. */
const ONE = new Set(['fn', 'n', 'org', 'title', 'bday']);

/**
 * A property's values as text lists; a value the library cannot read as its type
 * ("TZ:1:00" as a UTC offset, "BDAY:15.03.1980" as a date) is the text the card holds.
 */
function valuesOf(p: ICAL.Property): string[][] {
  // (Google writes "\:" in text, an escape vCard 3.0 does not have: the colon it stands for; the
  // library leaves 3.0's "\;" in a text value as written — Evolution's, Apple's and Lotus Notes' notes
  // have them: the semicolon it stands for)
  // (KAddressBook parts several values of one field with U+E000, "JaneAim\uE000janeaim2": two, as people write them)
  const text = (v: unknown) => String(v ?? '').replace(/\\([:;])/g, '$1').replace(/\s*\uE000\s*/g, '; ');
  const list = (vs: unknown[]) => vs.map((v) => (Array.isArray(v) ? v.map(text) : [text(v)]));
  // a time written without colons ("1996-04-15T201243+04:00", DAVx5's BDAY) the library reads
  // wrong (20:24:43): kept as the card writes it
  const raw = (p.jCal as unknown[]).slice(3);
  if (/date/.test(p.type) && raw.some((v) => typeof v === 'string' && /T\d{6}/.test(v))) return list(raw);
  try {
    return list(p.getValues());
  } catch {
    return list((p.jCal as unknown[]).slice(3));
  }
}

/** The start of a property line as phones write it: a known name (or an X- one) in capitals, its parameters, a colon. */
const PROPERTY_START = /^(?:[A-Za-z0-9-]+\.)?(?:BEGIN|END|VERSION|N|FN|TEL|EMAIL|ADR|LABEL|ORG|TITLE|ROLE|NOTE|URL|BDAY|PHOTO|LOGO|NICKNAME|CATEGORIES|UID|REV|SOUND|KEY|GEO|TZ|MAILER|AGENT|CLASS|SOURCE|NAME|PRODID|SORT-STRING|IMPP|X-[A-Z0-9-]+)(?:;[^:]*)?:/;

/** A card's line that is no property, as the rewrite passes it on (kept in `custom` as "vCard line"). */
const UNREAD_LINE = 'X-TIEWISE-UNREAD-LINE';

/** A property whose text a stray line after it continues: an address, its label, a note. */
const CONTINUED = /^(?:ADR|LABEL|NOTE)[;,:]/i;

/**
 * vCard 2.1 → 3.0, line by line: folded lines unfolded, QUOTED-PRINTABLE decoded
 * (soft breaks joined, bytes read in the CHARSET given), bare parameters named
 * TYPE=, VERSION set to 3.0. A 3.0 or 4.0 card passes through unchanged but for
 * bare parameters, which some exporters write in 3.0 too.
 */
function as30(raw: string): string {
  const src = raw.split('\r\n');
  const logical: string[] = [];
  // the legacy charset the card names elsewhere: its values' bytes when a value names none
  const own = cardCharset(raw);
  /** the last line an AGENT's card as RFC 2426 has it, "AGENT:BEGIN:VCARD", its card's lines folded under it */
  let agentCard = false;
  for (let i = 0; i < src.length; i++) {
    let line = src[i];
    // a blank line is no property (and a folded line after it continues the property before it)
    if (!line.trim()) continue;
    if (/^[ \t]/.test(line) && logical.length) {
      // (an AGENT's card, RFC 2426's "AGENT:BEGIN:VCARD" with its lines folded under it: each of its lines one
      // line of the value, as 3.0 writes an embedded card, "\n" between them)
      const agentLine = agentCard && /^(?:[A-Za-z0-9-]+\.)?[A-Za-z][A-Za-z0-9-]*(?:\\?;[^:]*)?:/.test(line.slice(1));
      logical[logical.length - 1] += (agentLine ? '\\n' : '') + line.slice(1);
      continue;
    }
    agentCard = /^(?:[A-Za-z0-9-]+\.)?AGENT(?:;[^:]*)?:BEGIN:VCARD\s*$/i.test(line);
    // Samsung's label of a number in vCard 2.1, quoted-printable, a soft break inside its parentheses
    // ("TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=43=75=73=74=6F=6D=20=50=61=79=6D=", then "=65=6E=74):611")
    while (/^[^:]*;X-CUSTOM\([^):]*=$/i.test(line) && src[i + 1] !== undefined) line = line.slice(0, -1) + src[++i];
    // a quoted-printable value continues on the next line after a trailing "=" (a soft break), but
    // not into the next property when a phone left a last "=" before it (Android 4.4: "FN;…:=4a=6f=",
    // then "TEL;CELL:…"); a line no property can start with (";…", "=D0=A2…") continues it even
    // without one (Sony Ericsson: "N;…QUOTED-PRINTABLE:", then ";=D0=A2=D0=B0…")
    // (the parameter may be the head's last, its colon cut off: "FN;CHARSET=UTF-8;QUOTED-PRINTABLE")
    if (/;(?:ENCODING=)?QUOTED-PRINTABLE(?:;|$)/i.test(line.split(':')[0] ?? '')) {
      for (let next = src[i + 1]; next !== undefined && !PROPERTY_START.test(next); next = src[i + 1]) {
        if (line.endsWith('=')) line = line.slice(0, -1) + next;
        else if (/^(?:;|=[0-9A-F]{2})/i.test(next)) line += next;
        else break;
        i++;
      }
      // (a soft break before the next property breaks to nothing)
      if (line.endsWith('=')) line = line.slice(0, -1);
    }
    // vCard 2.1's base64 value goes on until a blank line, its lines indented or not (Outlook's "PHOTO;ENCODING=BASE64;
    // TYPE=JPEG:", then hundreds of lines of the picture): all of them the value, none a line of its own
    if (/;(?:ENCODING=)?(?:BASE64|B)(?:;|$)/i.test(line.split(':')[0] ?? '') && line.includes(':')) {
      for (let next = src[i + 1]; next !== undefined && /^[A-Za-z0-9+/]+=*$/.test(next.trim()) && !PROPERTY_START.test(`${next.trim()}:`); next = src[i + 1]) {
        line += next.trim();
        i++;
      }
    }
    logical.push(line);
  }
  // Apple's and Google's label of a grouped value ("item1.TEL:…" beside "item1.X-ABLabel:Work Fax")
  const labels = new Map<string, string>();
  for (const line of logical) {
    const m = /^([A-Za-z0-9-]+)\.X-ABLABEL(?:;[^:]*)?:(.*)$/i.exec(line);
    if (m) labels.set(m[1].toLowerCase(), m[2].trim());
  }
  const out: string[] = [];
  for (const line of logical) {
    const colon = line.indexOf(':');
    if (colon < 0) {
      // a property's bare name, its value left out (Evolution writes "FN" for a company's card):
      // an empty property; a line after an address, a label or a note continues its text (an
      // exporter wrote its line break as it is: "LABEL;TYPE=HOME:Am Hang 3", then "61118 Bad
      // Vilbel"); any other line that is no property ("blablabla" in a Roundcube card) is kept
      // under UNREAD_LINE, not dropped, and costs the card nothing else
      const escaped = line.trim().replace(/[\\;,]/g, '\\$&');
      if (PROPERTY_START.test(`${line.trim()}:`)) out.push(`${line.trim()}:`);
      else if (out.length && CONTINUED.test(out[out.length - 1])) {
        const prev = out[out.length - 1];
        // (vCard 2.1's line continued by a backslash at its end — Android's "ADR;HOME:;;Hermann v. Brevern\", then
        // "9999999\", then "Packstation 9;Hamburg;;99999;Deutschland": a line break in the value, whose parts go on)
        if (/(?:^|[^\\])(?:\\\\)*\\$/.test(prev)) out[out.length - 1] = `${prev.slice(0, -1)}\\n${line.trim().replace(/[\\,](?!$)/g, '\\$&')}`;
        // (a quoted-printable value whose own line break, "=0D=0A", ends the line the exporter broke after it: one break)
        else if (/(?:^|[^\\])(?:\\\\)*\\n$/.test(prev)) out[out.length - 1] += escaped;
        else out[out.length - 1] += `\\n${escaped}`;
      }
      else if (line.trim()) out.push(`${UNREAD_LINE}:${escaped}`);
      continue;
    }
    let head = line.slice(0, colon);
    let value = line.slice(colon + 1);
    const [grouped, ...params] = head.split(';');
    // Apple and Google group properties with their labels ("item1.EMAIL", "item1.X-ABLabel")
    const name = grouped.replace(/^[A-Za-z0-9-]+\./, '');
    // the version the card is read in comes right after its BEGIN, wherever the card wrote it (Netscape
    // Communicator 4 writes "version:2.1" after N, ORG and ADR: read before it, they were not split)
    if (/^version$/i.test(name)) continue;
    if (/^begin$/i.test(name) && /^vcard$/i.test(value.trim())) {
      out.push('BEGIN:VCARD', 'VERSION:3.0');
      continue;
    }
    let qp = false;
    let b64 = false;
    let charset: string | undefined;
    /** Samsung's label of a number, "TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=42=61=6E=6B)" */
    let samsungLabel = '';
    const kept: string[] = [];
    // (a text property in base64 — "NOTE;BASE64:", "NOTE;ENCODING=b:" — is text all the same; a
    // photo's or a key's bytes are not, and stay as they are)
    const binary = /^(?:photo|logo|sound|key)$/i.test(name);
    for (const p of params) {
      const custom = /^X-CUSTOM\((.*)\)$/i.exec(p);
      if (custom) {
        samsungLabel = samsungCustom(custom[1]);
        continue;
      }
      const eq = p.indexOf('=');
      const key = eq < 0 ? '' : p.slice(0, eq).toUpperCase();
      const v = eq < 0 ? p : p.slice(eq + 1);
      if ((key === 'ENCODING' || key === '') && /^quoted-printable$/i.test(v)) qp = true;
      else if (key === 'CHARSET') charset = v;
      else if ((key === 'ENCODING' || key === '') && /^(base64|b)$/i.test(v) && !binary) b64 = true;
      else if (key === 'ENCODING' && /^(base64|b)$/i.test(v)) kept.push('ENCODING=b');
      else if (key === '' && v) kept.push(`TYPE=${v}`);
      else if (v) kept.push(p);
    }
    // a time zone or a position given as text, as 4.0 writes them ("TZ:Europe/London",
    // "GEO:geo:51.52,0.15"): read as 3.0's offset and numbers they came out cut ("London/", "0")
    if (/^(?:tz|geo)$/i.test(name) && !kept.some((k) => /^value=/i.test(k))) kept.push('VALUE=text');
    // a number its label calls a fax ("Work Fax", "Fax") is one, as TYPE=FAX says
    // (Google's "homeFax", "workFax", "otherFax" too)
    const group = /^([A-Za-z0-9-]+)\./.exec(grouped)?.[1]?.toLowerCase();
    const given = samsungLabel || (group ? (labels.get(group) ?? '') : '');
    if (/^tel$/i.test(name) && /(?:\b|home|work|other|business|private)fax\b|факс/i.test(given)) kept.push('TYPE=fax');
    // its label, Apple's code for a standard one unwrapped ("_$!<Anniversary>!$_")
    const label = (group || samsungLabel) && !/^x-ablabel$/i.test(name) ? given.replace(/^_\$!<(.*)>!\$_$/, '$1').replace(/["\p{Cc}]/gu, '').trim() : '';
    if (label) kept.push(`${LABEL.toUpperCase()}="${label}"`);
    // (a value that is nothing but "=XX" bytes with no ENCODING said — an Android phone book's "N:;=D0=9B=D0=B5=D0=BD=D0=B0;;;"
    // — is quoted-printable all the same when its bytes are UTF-8 text)
    if (!qp && !b64 && !binary && undeclaredQp(value)) qp = true;
    if (qp) value = decodeQp(value, charset, own).replace(/\r\n|\n|\r/g, '\\n');
    else if (b64) value = decodeBase64(value, charset ?? 'utf-8').replace(/\r\n|\n|\r/g, '\\n');
    // (before the parser splits a name at the ";" of Yahoo's "O&#39;Brien"); Google's escaped
    // CR LF ("\r\n") is one line break
    value = numericRefs(value).replace(/\\r(?=\\n)/gi, '');
    head = [name, ...kept].join(';');
    out.push(`${head}:${value}`);
  }
  return out.join('\r\n') + '\r\n';
}

/**
 * A value whose every part (between ";" and ",") is "=XX" bytes only, two or more, and whose bytes
 * are UTF-8 with a letter beyond ASCII: quoted-printable text the card did not declare.
 */
function undeclaredQp(v: string): boolean {
  if (!/^(?:=[0-9A-F]{2}){2}/i.test(v.replace(/^[;,]+/, ''))) return false;
  const parts = v.split(/[;,]/).filter(Boolean);
  if (!parts.every((x) => /^(?:=[0-9A-F]{2})+$/i.test(x))) return false;
  const bytes = Uint8Array.from(v.replace(/[;,]/g, '').slice(1).split('='), (h) => parseInt(h, 16));
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A base64 text value in its CHARSET; the value as written when it is no base64. */
function decodeBase64(v: string, charset: string): string {
  let bin: string;
  try {
    bin = atob(v.replace(/\s+/g, ''));
  } catch {
    return v;
  }
  const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return v;
  }
}

/**
 * Samsung's "X-CUSTOM(…)" parameter's label: its last part, quoted-printable when an ENCODING says so, in its CHARSET
 * ("CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=43=75=73=74=6F=6D" is "Custom").
 */
function samsungCustom(inner: string): string {
  let charset: string | undefined;
  let qp = false;
  const rest: string[] = [];
  for (const part of inner.split(',')) {
    const m = /^(CHARSET|ENCODING)=(.*)$/i.exec(part.trim());
    if (m && /^charset$/i.test(m[1])) charset = m[2];
    else if (m) qp = /^quoted-printable$/i.test(m[2]);
    else rest.push(part);
  }
  const label = rest.join(',').trim();
  return qp ? decodeQp(label, charset) : label;
}

/**
 * A quoted-printable value's text in its CHARSET; with none given, UTF-8 when its bytes are, else the charset the
 * card names on its other values (`own`), else the legacy encoding they look like (The Bat!'s
 * "N;ENCODING=QUOTED-PRINTABLE:Iksi=F1ski": no character lost).
 */
function decodeQp(v: string, charset: string | undefined, own?: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 3))) {
      bytes.push(parseInt(v.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (v[i] === '=' && /^=[0-9A-Fa-f]{2}$/.test(v.slice(i + 1, i + 4))) {
      // "…=65==6D…": a soft break whose line end was lost ("lance=ment" else)
    } else bytes.push(v.charCodeAt(i) & 0xff);
  }
  const b = Uint8Array.from(bytes);
  const guess = (): string => {
    const g = detectEncoding(b).encoding;
    return g !== 'utf-8' && own ? own : g;
  };
  try {
    return new TextDecoder(charset ?? guess()).decode(b);
  } catch {
    return new TextDecoder('utf-8').decode(b);
  }
}
