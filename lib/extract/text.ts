// Sanitising helpers shared by the site extractors: text, counts, dates, URLs.
// Pure string functions plus a text reader over a DOM subtree; no globals.

// Invisible format characters (zero-width, bidi marks and embeddings that right-to-left
// names carry), which are layout, not text. (Zero-width joiners and non-joiners stay:
// emoji sequences and Persian words need them.) So are the invisible filler letters
// U+115F, U+1160, U+3164, U+FFA0 and the blank braille cell: a name made of them is no name.
const INVISIBLES = /[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u115f\u1160\u3164\uffa0\u2800]/g;
/** What `clean` would change: an invisible character, whitespace other than one space between words. */
const UNCLEAN = new RegExp(`${INVISIBLES.source}|[^\\S ]| {2}|^ | $`);

/**
 * Collapses every run of whitespace (incl. NBSP, thin and zero-width spaces) and trims;
 * drops invisible format characters (zero-width, bidi marks and embeddings that
 * right-to-left names carry), which are layout, not text.
 */
export function clean(s: string | null | undefined): string {
  if (!s) return '';
  // most texts are clean already: no new string for them
  if (!UNCLEAN.test(s)) return s;
  return s.replace(INVISIBLES, '').replace(/\s+/g, ' ').trim();
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'OBJECT']);

/**
 * The text a reader would see in `el`: its text nodes' content, skipping script, style
 * and template bodies (a `<script>` smuggled into a name is not part of the name).
 * Hidden text is included on purpose: collapsed "show more" sections are still in the DOM.
 */
export function text(el: Element | null | undefined, max = 20_000, skip?: (e: Element) => boolean): string {
  // (up to four times the budget walked, the budget kept of what it shows: a saved page's indentation is no text)
  return !el || SKIP.has(el.tagName) ? '' : clean(textUnder(el, max * 4, skip, '')).slice(0, max);
}

/** `out` and the text of `n`'s subtree after it (a function of its own: no closure made per read of a text). */
function textUnder(n: Node, max: number, skip: ((e: Element) => boolean) | undefined, out: string): string {
  for (let c = n.firstChild; c && out.length < max; c = c.nextSibling) {
    if (c.nodeType === 3) out += c.nodeValue;
    else if (c.nodeType === 1) {
      const tag = (c as Element).tagName;
      if (SKIP.has(tag) || (skip && skip(c as Element))) continue;
      if (tag === 'BR' || tag === 'P' || tag === 'LI' || tag === 'DIV') out += ' ';
      out = textUnder(c, max, skip, out);
    }
  }
  return out;
}

/**
 * Text of an element that repeats itself for screen readers (LinkedIn renders
 * `<span aria-hidden="true">X</span><span class="visually-hidden">X</span>`):
 * the aria-hidden copy when there is one, else the whole text.
 */
export function shownText(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.querySelector('span[aria-hidden="true"]');
  return copy ? text(copy) : text(el);
}

// ---------- counts ----------

const MULT: [RegExp, number][] = [
  [/^(?:k|к|тыс\.?|tys\.?|mil|rb|thousand)$/i, 1e3],
  [/^(?:m|м|млн\.?|million|mln)$/i, 1e6],
  [/^(?:b|млрд\.?|billion)$/i, 1e9],
];

/**
 * A letter of the scripts the sites' UI labels are written in (Latin with its
 * accented letters, Greek, Cyrillic): what a label's word boundary needs to see.
 * `\p{L}` says the same for every script, but V8 compiles each `iu` pattern with
 * `\p{L}` in milliseconds on the page's main thread (and again when it tiers the
 * pattern up to machine code), which was most of a cold read. Names and values
 * keep `\p{L}`; only label patterns go through `labelRe`.
 */
const LETTER = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u0400-\\u052F';

/**
 * Letters and digits of the scripts the sites mostly show (a subset of `[\p{L}\p{N}]`):
 * the quick first test of the checks below, which fall back to the full Unicode class
 * only when it says no — so a page in Latin or Cyrillic never pays for compiling it.
 */
const QUICK_WORD = new RegExp(`[0-9${LETTER}]`);
const QUICK_WORDS = new RegExp(`^[${LETTER}]+$`);

/** Whether `t` has a letter or a digit of any script. */
export function hasWordChar(t: string): boolean {
  return QUICK_WORD.test(t) || /[\p{L}\p{N}]/u.test(t);
}

/** Whether `t` is letters only, of any script. */
export function isLetters(t: string): boolean {
  return QUICK_WORDS.test(t) || /^\p{L}+$/u.test(t);
}

const BUILT = new Map<string, RegExp>();

/** labelRe(source), built once per content script: a read asks for the same few count and heading patterns every time. */
export function labelReOnce(source: string): RegExp {
  let re = BUILT.get(source);
  if (!re) BUILT.set(source, (re = labelRe(source)));
  return re;
}

/**
 * A label pattern: `new RegExp(source, flags)` with each `\p{L}` read as LETTER and each
 * `\p{N}` as a decimal digit. The result needs no Unicode mode, and is compiled without
 * it: V8 takes about twice as long to compile an `iu` pattern as an `i` one, on the
 * page's thread, for every pattern a read meets (its case folding is the same for the
 * Latin, Greek and Cyrillic letters labels are written in). A source with any other
 * Unicode-mode syntax keeps the `u` flag.
 */
export function labelRe(source: string, flags = 'iu'): RegExp {
  let out = '';
  let inClass = false;
  let unicode = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      if (source.startsWith('\\p{L}', i)) {
        out += inClass ? LETTER : `[${LETTER}]`;
        i += 4;
      } else if (source.startsWith('\\p{N}', i)) {
        out += inClass ? '0-9' : '[0-9]';
        i += 4;
      } else {
        const esc = source[i + 1];
        if (esc === 'p' || esc === 'P' || (esc === 'u' && source[i + 2] === '{')) unicode = true;
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) unicode = true; // an astral character is one code point only in Unicode mode
    out += ch;
  }
  return new RegExp(out, unicode ? flags : flags.replace('u', ''));
}

const COUNT = labelRe(String.raw`(\d+(?:[ .,'’]\d+)*)\s*\+?\s*(k|к|тыс\.?|tys\.?|mil|rb|thousand|m|м|млн\.?|million|mln|b|млрд\.?|billion)?(?![\p{L}])`);

/**
 * A count as shown: "500+" → 500, "1,234" / "1 234" / "1.234" → 1234, "1,2K" / "1.2K" /
 * "1,2 тыс." / "1,2 mil" (es, pt) / "1,2 tys." (pl) → 1200, "12 млн" → 12 000 000. The first number in the string wins.
 */
export function parseCount(s: string | null | undefined): number | null {
  const t = clean(s);
  if (!t) return null;
  // (clean() leaves no no-break or thin space: each is a plain one)
  const m = COUNT.exec(t);
  if (!m) return null;
  let digits = m[1];
  const suffix = m[2];
  let mult = 1;
  if (suffix) for (const [re, v] of MULT) if (re.test(suffix)) mult = v;
  let n: number;
  if (mult > 1) {
    // with a multiplier the last separator is a decimal one: "1,2K", "1.25 тыс."
    const parts = digits.split(/[ .,'’]/);
    if (parts.length > 1) {
      const dec = parts.pop()!;
      n = Number(parts.join('') + '.' + dec);
    } else n = Number(digits);
  } else {
    // without one, separators group thousands ("1,234", "1 234"); a trailing group of
    // other than three digits is a decimal fraction we drop
    const parts = digits.split(/[ .,'’]/);
    if (parts.length > 1 && parts.slice(1).every((p) => p.length === 3)) digits = parts.join('');
    else digits = parts[0];
    n = Number(digits);
  }
  if (!Number.isFinite(n)) return null;
  return Math.round(n * mult);
}

// ---------- dates ----------

// Month name stems: English and Russian (nominative, genitive and LinkedIn's
// abbreviations "янв.", "февр.", "мая", "сент."), and LinkedIn's other UI languages
// (pt, es, fr, de, it, pl, uk: "ago de 2025", "sty 2020", "черв. 2021 р."); tr, id, nl, it, ro
// as whole words ("Haz 2023", "Des 2021", "mrt 2020", "giu 2019": a stem alone such as "des" or
// "tem" begins other words). One pattern, a group per month: the group that matched is the month.
const MONTHS =
  /^(?:(jan|янв|ene|gen|sty|січ|oca(?:k)?$|ian(?:uarie)?$)|(feb|фев|fev|fév|lut|лют|şub(?:at)?$)|(mar|мар|mär|бер|mrt$|maart$)|(apr|апр|abr|avr|kwi|кві|nis(?:an)?$)|(may|ма[йяи]|mai|maj|тра|mei$|mag(?:gio)?$)|(jun|июн|juin|cze|чер|giu(?:gno)?$|haz(?:iran)?$|iun(?:ie)?$)|(jul|июл|juil|lip|лип|lug(?:lio)?$|tem(?:muz)?$|iul(?:ie)?$)|(aug|авг|ago|aoû|aou|sie|сер|ağu(?:stos)?$|agu(?:stus)?$)|(sep|сен|set|wrz|вер|eyl(?:ül)?$)|(oct|окт|out|okt|paź|paz|ott|жов|eki(?:m)?$)|(nov|ноя|lis|лис|kas(?:ım)?$|noi(?:embrie)?$)|(dec|дек|dez|déc|dic|gru|гру|des(?:ember)?$|ara(?:lık)?$))/i;

export function monthOf(word: string): number | null {
  if (word.length < 3) return null;
  const m = MONTHS.exec(word);
  return m ? m.findIndex((g, i) => i && g) : null;
}

export interface DateParts { day?: number; month?: number; year?: number }

/**
 * A date as shown, in English or Russian: "15 March 1990", "March 15, 1990",
 * "15 марта 1990 г.", "15 мая", "Mar 2021", "мар. 2021 г.", "2019", "1990-03-15",
 * "15.03.1990"; in the sites' other UI languages, with their month names (MONTHS), and "2023年1月".
 * Returns null when there is no date.
 */
export function parseDate(s: string | null | undefined): DateParts | null {
  const t = clean(s).toLowerCase();
  if (!t) return null;
  let m = /\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b/.exec(t);
  if (m) return valid({ year: +m[1], month: +m[2], day: m[3] ? +m[3] : undefined });
  // "2023年1月", "1997年3月22日", "3月22日", "2023년 3월" (zh, ja, ko)
  m = /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?/.exec(t);
  if (m && (m[1] || m[3])) return valid({ year: m[1] ? +m[1] : undefined, month: +m[2], day: m[3] ? +m[3] : undefined });
  m = /\b(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?\b/.exec(t);
  if (m && !/\d[.,]\d+\s*(?:k|к|тыс)/i.test(t)) return valid({ day: +m[1], month: +m[2], year: m[3] ? +m[3] : undefined });
  const words = t.split(/[\s,.\-–—/]+/).filter(Boolean);
  const out: DateParts = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (/^\d{4}$/.test(w)) { if (out.year === undefined) out.year = +w; continue; }
    if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(w)) { if (out.day === undefined) out.day = parseInt(w, 10); continue; }
    const mo = isLetters(w) ? monthOf(w) : null;
    if (mo && out.month === undefined) out.month = mo;
  }
  if (out.month === undefined) {
    if (out.year !== undefined) return { year: out.year };
    return null;
  }
  return valid(out);
}

function valid({ day, month, year }: DateParts): DateParts | null {
  // (a part not given compares false either way; JSON leaves it out of the copy)
  return month! < 1 || month! > 12 || day! < 1 || day! > 31 || year! < 1900 || year! > 2100 ? null : (JSON.parse(JSON.stringify({ day, month, year })) as DateParts);
}

/** A birthday needs a day and a month; the year is optional. */
export function parseBirthday(s: string | null | undefined): { day: number; month: number; year?: number } | null {
  const d = parseDate(s);
  // (parseDate's parts are only those it found: a day and a month are a birthday as they are)
  return d?.day && d.month ? (d as { day: number; month: number; year?: number }) : null;
}

/**
 * A job or school date as an ISO-like string: "2021-03" or "2019"; null for text with no year:
 * "Present", "по настоящее время", "至今", "Halen" in any language (the span is ongoing), or no date.
 */
export function isoMonth(s: string | null | undefined): string | null {
  const d = parseDate(s);
  if (!d || d.year === undefined) return null;
  return d.month !== undefined ? `${d.year}-${String(d.month).padStart(2, '0')}` : String(d.year);
}

// "to"/"по" before a month name (Latin/Cyrillic: the languages that write ranges so) or a year
const RANGE_SPLIT = labelRe(String.raw`\s*[–—-]\s*|\s+(?:to|по)\s+(?=\p{L}*\s?\d|настоящее)`, 'u');

/** Splits "Mar 2021 - Present · 3 yrs" / "2008 – 2012" into start and end. */
export function parseRange(s: string | null | undefined): { start?: string; end?: string } {
  const t = clean(s).split(/\s[·•]\s/)[0];
  const [a, b] = t.split(RANGE_SPLIT);
  const out: { start?: string; end?: string } = {};
  const start = isoMonth(a);
  if (start) out.start = start;
  if (b !== undefined) {
    const end = isoMonth(b);
    if (end) out.end = end;
  }
  return out;
}

// ---------- URLs ----------

// Redirect wrappers whose target sits in a query parameter.
const REDIRECTS: [RegExp, string][] = [
  [/(^|\.)linkedin\.com$/, 'url'], // /redir/redirect?url=…, /safety/go?url=…
  [/^lm?\.facebook\.com$/, 'u'], // l.php?u=… (l. and lm.)
  [/(^|\.)vk\.(?:com|ru)$/, 'to'], // away.php?to=…
];

/** An absolute http(s) URL, or null (javascript:, data:, garbage). Unwraps known redirects. */
export function safeUrl(raw: string | null | undefined, base?: string): string | null {
  const s = clean(raw);
  if (!s) return null;
  let u: URL;
  try {
    u = base ? new URL(s, base) : new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // credentials in a link ("https://user:password@…", "https://linkedin.com@other.host/"):
  // a secret or a disguise, never something to keep or show
  if (u.username || u.password) return null;
  for (const [host, param] of REDIRECTS) {
    if (host.test(u.hostname) && /redir|safety\/go|l\.php|away\.php/.test(u.pathname)) {
      const target = u.searchParams.get(param);
      if (target) return safeUrl(target);
    }
  }
  return u.href;
}

/** Text that is at most `max` long and has letters or digits in it. */
export function plausible(s: string | null | undefined, max = 300): string | null {
  const t = clean(s);
  if (!t || t.length > max || !hasWordChar(t)) return null;
  return t;
}

/** The url(…) of an inline style, CSS escapes decoded ("https\\3a //…" → "https://…"): a photo drawn as a background. */
export function cssUrl(style: string | null | undefined): string | null {
  const m = /url\(\s*(['"]?)(.*?)\1\s*\)/i.exec(style ?? '');
  if (!m) return null;
  return m[2].replace(/\\([0-9a-f]{1,6})\s?|\\(.)/gi, (_, hex: string | undefined, ch: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch!));
}
