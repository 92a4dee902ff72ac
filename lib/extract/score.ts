// Scores one extraction against what a person wrote down from the page (the sidecar
// of docs/extraction.md, "Scoring against real saved pages"): per expected key right / wrong / unread.
// A wrong value is the failure that hurts (the panel shows it as fact); unread is
// honest. Pure: no DOM, no Node APIs — the CLI (`extract --score`) and the tests
// (tests/unit/extract-real.test.ts) both call it.
//
// Rules (real-pages.md "Scoring rule"):
// - right: the field is `ok` and equal to the expected value after folding
//   (Unicode NFKC, case, whitespace, dashes and quotes); wrong: `ok` and different;
//   unread: not `ok`.
// - degree: the connection degree as a number (1, 2, 3) or as the badge shows it
//   ("2nd", "· 1st", "3rd+", "2º", "1-й", "2."); mutual_names: every expected name is
//   among the mutual connections' names read.
// - counts (connections, followers, mutual) compare as numbers: "500+" → 500,
//   "1,234" / "1 234" / "1.234" → 1234, "1.2K" → 1200.
// - schools, languages: every expected item is among the values read.
// - experience_first: the first entry's company contains the expected company and,
//   when a title is expected, the titles are equal.
// - handle: from the canonical profileUrl (LinkedIn /in/<h>/, VK /<h>, Facebook
//   /<username> or the id of profile.php?id=<n>).
// - birthday: "12 March 1990", "March 12", "12.03.1990", "1990-03-12" (en, ru, de, fr,
//   es, pt, pl, uk month names) or { day, month, year? }; a year read where none is
//   expected is wrong.
// - about_startswith: the About read starts with it.
// - photo_url: same host and path, ignoring scheme, query, fragment and size tokens
//   (shrink_800_800, s160x160, p200x200, 200x200): CDNs sign and resize the same photo.
// - null expected: the field must not be `ok` (right when it isn't, wrong when it is).
// - negative_case: right when the kind is not `profile` or no field is `ok`.
// - a profile page reported as another kind: one wrong (key `kind`); every other
//   expected key is then unread.
// Over 300 lines on purpose: one scorer; each section folds one kind of expected value
// (counts, birthdays, handles, photos) for the scoring at the end.
import type { Extraction, FieldName } from './types';

export type Verdict = 'right' | 'wrong' | 'unread';

export interface Sidecar {
  url: string;
  site?: string;
  year?: number;
  lang?: string;
  layout?: string;
  source?: string;
  expected: Record<string, unknown>;
  known_unread?: Record<string, string>;
}

export interface KeyScore {
  key: string;
  verdict: Verdict;
  expected: unknown;
  /** the value read (when ok), or the status / kind that was reported */
  got?: unknown;
  /** why it is unread (the field's status) or what made it wrong */
  note?: string;
}

export interface PageScore {
  keys: KeyScore[];
  right: number;
  wrong: number;
  unread: number;
  /** sidecar entries that could not be scored (unknown key, value of the wrong shape) */
  problems: string[];
}

export interface Totals {
  pages: number;
  right: number;
  wrong: number;
  unread: number;
  /** right / (right + wrong + unread) × 100; 0 when nothing was expected */
  pctRight: number;
}

// ---------- folding ----------

/** Case, whitespace, invisible characters, dash and quote forms folded away. */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase();
}

/** An expected count as written on the page: a number, "500+", "1,234", "1 234", "1.234", "1.2K", "12 тыс.". */
export function expectedCount(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : null;
  if (typeof v !== 'string') return null;
  const t = fold(v).replace(/\s*\+$/, '');
  let m = /^(\d+(?:[.,]\d+)?)\s*(k|к|тыс\.?|m|м|млн\.?)$/.exec(t);
  if (m) {
    const mult = /^(?:k|к|тыс)/.test(m[2]) ? 1e3 : 1e6;
    return Math.round(parseFloat(m[1].replace(',', '.')) * mult);
  }
  m = /^\d{1,3}(?:[ ,.'’]\d{3})+$|^\d+$/.exec(t);
  return m ? Number(t.replace(/\D/g, '')) : null;
}

/** An expected connection degree: 1, 2, 3 or the badge's text ("2nd", "· 1st", "3rd+", "2º", "1-й", "2."). */
export function expectedDegree(v: unknown): number | null {
  if (typeof v === 'number') return v === 1 || v === 2 || v === 3 ? v : null;
  if (typeof v !== 'string') return null;
  const m = /^[·•]?\s*([1-3])(?:st|nd|rd|th|º|o|°|ª|a|e|er|ème|\.|-й)?\s*\+?$/u.exec(fold(v)); // (NFKC folds º to o)
  return m ? +m[1] : null;
}

// ---------- birthdays ----------

const MONTH_WORDS: Record<string, number> = {};
(
  [
    // en (full and short), ru (nominative and genitive), uk (genitive and nominative),
    // de, fr, es, pt, pl (nominative and genitive)
    'january jan январь января січня січень januar janvier enero janeiro styczeń stycznia',
    'february feb февраль февраля лютого лютий februar février fevrier febrero fevereiro luty lutego',
    'march mar март марта березня березень märz marz mars marzo março marco marzec marca',
    'april apr апрель апреля квітня квітень avril abril kwiecień kwietnia',
    'may май мая травня травень mai mayo maio maj maja',
    'june jun июнь июня червня червень juni juin junio junho czerwiec czerwca',
    'july jul июль июля липня липень juli juillet julio julho lipiec lipca',
    'august aug август августа серпня серпень août aout agosto sierpień sierpnia',
    'september sep sept сентябрь сентября вересня вересень septembre septiembre setiembre setembro wrzesień września',
    'october oct октябрь октября жовтня жовтень oktober octobre octubre outubro październik października',
    'november nov ноябрь ноября листопада листопад novembre noviembre novembro listopad listopada',
    'december dec декабрь декабря грудня грудень dezember décembre decembre diciembre dezembro grudzień grudnia',
  ] as const
).forEach((words, i) => {
  for (const w of words.split(' ')) MONTH_WORDS[w] = i + 1;
});

export interface Day {
  day: number;
  month: number;
  year?: number;
}

function day(d: number, m: number, y?: number): Day | null {
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12)) return null;
  if (y !== undefined && !(y >= 1900 && y <= 2100)) return null;
  return y !== undefined ? { day: d, month: m, year: y } : { day: d, month: m };
}

/** An expected birthday: { day, month, year? } or "12 March 1990" / "March 12, 1990" / "12.03.1990" / "1990-03-12". */
export function expectedBirthday(v: unknown): Day | null {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.day !== 'number' || typeof o.month !== 'number') return null;
    if (o.year !== undefined && typeof o.year !== 'number') return null;
    return day(o.day, o.month, o.year as number | undefined);
  }
  if (typeof v !== 'string') return null;
  // the year's word ("1990 г.", "1990r.", "de 1990"), never a month's last letter ("November")
  const t = fold(v).replace(/(?<=^|[\s\d])(?:г\.?|р\.?|года|року|de|del|r\.?)(?=\s|$)/g, ' ').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return day(+m[3], +m[2], +m[1]);
  m = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}))?$/.exec(t);
  if (m) return day(+m[1], +m[2], m[3] ? +m[3] : undefined);
  const words = t.split(/[\s,.]+/).filter(Boolean);
  let d: number | undefined, mo: number | undefined, y: number | undefined;
  for (const w of words) {
    if (/^\d{4}$/.test(w) && y === undefined) y = +w;
    else if (/^\d{1,2}(?:st|nd|rd|th|er|º|°)?$/.test(w) && d === undefined) d = parseInt(w, 10);
    else if (MONTH_WORDS[w] && mo === undefined) mo = MONTH_WORDS[w];
    else return null;
  }
  return d !== undefined && mo !== undefined ? day(d, mo, y) : null;
}

// ---------- handles and photos ----------

/** The handle a canonical profile URL names: LinkedIn /in/<h>/, VK /<h>, Facebook /<h> or profile.php?id=<n>. */
export function handleOf(profileUrl: string | null | undefined): string | null {
  if (!profileUrl) return null;
  let u: URL;
  try {
    u = new URL(profileUrl);
  } catch {
    return null;
  }
  const segs = u.pathname.split('/').filter(Boolean);
  let h: string | undefined;
  if (segs[0] === 'profile.php') h = u.searchParams.get('id') ?? undefined;
  else if (segs[0] === 'in') h = segs[1];
  else h = segs[segs.length - 1];
  if (!h) return null;
  try {
    return decodeURIComponent(h);
  } catch {
    return h;
  }
}

const SIZE_TOKEN = /^(?:shrink_\d+_\d+|scale_\d+_\d+|[spc]\d+x\d+|\d+x\d+|c[\d.]+a?)$/i;

/** A photo URL reduced to what names the photo: host and path, size tokens dropped. */
export function photoKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const path = u.pathname
    .split('/')
    .filter((s) => s && !SIZE_TOKEN.test(s))
    .map((s) => s.replace(/(?:shrink|scale|crop)_\d+_\d+/gi, '').replace(/_\d+x\d+(?=\.\w+$)/i, ''))
    .join('/');
  return `${u.hostname.toLowerCase()}/${path}`;
}

// ---------- scoring ----------

type Kind = 'text' | 'count' | 'degree' | 'startsWith' | 'photo' | 'handle' | 'birthday' | 'items' | 'schools' | 'experience';

/** Sidecar key → the result field it is scored against, and how. */
const KEYS: Record<string, { field: FieldName | null; kind: Kind }> = {
  name: { field: 'name', kind: 'text' },
  headline: { field: 'headline', kind: 'text' },
  current_company: { field: 'company', kind: 'text' },
  company: { field: 'company', kind: 'text' },
  position: { field: 'position', kind: 'text' },
  location: { field: 'location', kind: 'text' },
  hometown: { field: 'hometown', kind: 'text' },
  about: { field: 'about', kind: 'text' },
  about_startswith: { field: 'about', kind: 'startsWith' },
  photo_url: { field: 'photoUrl', kind: 'photo' },
  connections: { field: 'connections', kind: 'count' },
  followers: { field: 'followers', kind: 'count' },
  mutual: { field: 'mutual', kind: 'count' },
  degree: { field: 'degree', kind: 'degree' },
  mutual_names: { field: 'mutualNames', kind: 'items' },
  birthday: { field: 'birthday', kind: 'birthday' },
  languages: { field: 'languages', kind: 'items' },
  interests: { field: 'interests', kind: 'items' },
  schools: { field: 'education', kind: 'schools' },
  experience_first: { field: 'experience', kind: 'experience' },
  handle: { field: null, kind: 'handle' },
};

interface Got {
  ok: boolean;
  value?: unknown;
  status: string;
}

function gotFor(res: Extraction, key: string): Got {
  const k = KEYS[key];
  if (k.kind === 'handle') {
    const h = handleOf(res.profileUrl);
    return h ? { ok: true, value: h, status: 'ok' } : { ok: false, status: 'no profileUrl' };
  }
  const f = res.fields?.[k.field!] as { status: string; value?: unknown } | undefined;
  if (!f) return { ok: false, status: 'absent' };
  return f.status === 'ok' ? { ok: true, value: f.value, status: 'ok' } : { ok: false, status: f.status };
}

/** Compares one `ok` value with the expected one; `null` = right, a string = why it is wrong, `undefined` = expected value of the wrong shape. */
function compare(kind: Kind, exp: unknown, got: unknown): string | null | undefined {
  switch (kind) {
    case 'text':
    case 'handle':
      if (typeof exp !== 'string') return undefined;
      return typeof got === 'string' && fold(got) === fold(exp) ? null : 'differs';
    case 'startsWith':
      if (typeof exp !== 'string' || !fold(exp)) return undefined;
      return typeof got === 'string' && fold(got).startsWith(fold(exp)) ? null : 'does not start with it';
    case 'degree': {
      const n = expectedDegree(exp);
      if (n === null) return undefined;
      return got === n ? null : 'differs';
    }
    case 'count': {
      const n = expectedCount(exp);
      if (n === null) return undefined;
      return got === n ? null : 'differs';
    }
    case 'photo': {
      if (typeof exp !== 'string') return undefined;
      const e = photoKey(exp);
      if (!e) return undefined;
      return typeof got === 'string' && photoKey(got) === e ? null : 'another photo';
    }
    case 'birthday': {
      const e = expectedBirthday(exp);
      if (!e) return undefined;
      const g = got as Partial<Day> | null;
      if (!g || g.day !== e.day || g.month !== e.month) return 'differs';
      if (e.year === undefined) return g.year === undefined ? null : 'a year the page does not show';
      return g.year === e.year ? null : 'another year';
    }
    case 'items':
    case 'schools': {
      if (!Array.isArray(exp) || !exp.length || !exp.every((x) => typeof x === 'string')) return undefined;
      const have = new Set(
        (Array.isArray(got) ? got : [])
          .map((x) => (kind === 'schools' ? (x as { school?: unknown })?.school : x))
          .filter((x): x is string => typeof x === 'string')
          .map(fold),
      );
      const lost = (exp as string[]).filter((x) => !have.has(fold(x)));
      return lost.length ? `lacks ${lost.map((x) => JSON.stringify(x)).join(', ')}` : null;
    }
    case 'experience': {
      if (!exp || typeof exp !== 'object' || Array.isArray(exp)) return undefined;
      const e = exp as { title?: unknown; company?: unknown };
      if (typeof e.company !== 'string' || !fold(e.company)) return undefined;
      if (e.title !== undefined && typeof e.title !== 'string') return undefined;
      const g = (Array.isArray(got) ? got[0] : null) as { title?: unknown; company?: unknown } | null;
      if (!g || typeof g.company !== 'string' || !fold(g.company).includes(fold(e.company))) return 'another company';
      if (typeof e.title === 'string' && (typeof g.title !== 'string' || fold(g.title) !== fold(e.title))) return 'another title';
      return null;
    }
  }
}

function okFields(res: Extraction): string[] {
  return Object.entries(res.fields ?? {})
    .filter(([, f]) => (f as { status: string }).status === 'ok')
    .map(([k]) => k);
}

/** Scores one page's extraction against its sidecar. */
export function scorePage(res: Extraction, sidecar: Sidecar): PageScore {
  const keys: KeyScore[] = [];
  const problems: string[] = [];
  const exp = sidecar.expected ?? {};
  const negative = exp.negative_case === true;
  if (exp.negative_case !== undefined && typeof exp.negative_case !== 'boolean') problems.push('negative_case: not true/false');
  if (negative) {
    const read = okFields(res);
    const fine = res.kind !== 'profile' || read.length === 0;
    keys.push(
      fine
        ? { key: 'negative_case', verdict: 'right', expected: true, got: res.kind }
        : { key: 'negative_case', verdict: 'wrong', expected: 'not a profile', got: `profile; read ${read.join(', ')}`, note: 'a page with no person read as one' },
    );
  }
  const wrongKind = !negative && res.kind !== 'profile';
  if (wrongKind) keys.push({ key: 'kind', verdict: 'wrong', expected: 'profile', got: res.kind, note: 'a profile page reported as another kind' });
  for (const [key, want] of Object.entries(exp)) {
    if (key === 'negative_case') continue;
    const spec = KEYS[key];
    if (!spec) {
      problems.push(`${key}: not a key the scorer knows`);
      continue;
    }
    if (wrongKind) {
      keys.push({ key, verdict: 'unread', expected: want, note: `page read as ${res.kind}` });
      continue;
    }
    const got = gotFor(res, key);
    if (want === null) {
      keys.push(got.ok ? { key, verdict: 'wrong', expected: null, got: got.value, note: 'reported where the page shows none' } : { key, verdict: 'right', expected: null, got: got.status });
      continue;
    }
    if (!got.ok) {
      // a shape problem in the sidecar still has to be seen
      if (compare(spec.kind, want, undefined) === undefined) problems.push(`${key}: expected value of the wrong shape: ${JSON.stringify(want)}`);
      else keys.push({ key, verdict: 'unread', expected: want, got: got.status, note: got.status });
      continue;
    }
    const why = compare(spec.kind, want, got.value);
    if (why === undefined) problems.push(`${key}: expected value of the wrong shape: ${JSON.stringify(want)}`);
    else if (why === null) keys.push({ key, verdict: 'right', expected: want, got: got.value });
    else keys.push({ key, verdict: 'wrong', expected: want, got: got.value, note: why });
  }
  const count = (v: Verdict) => keys.filter((k) => k.verdict === v).length;
  return { keys, right: count('right'), wrong: count('wrong'), unread: count('unread'), problems };
}

export function totals(pages: PageScore[]): Totals {
  const t = { pages: pages.length, right: 0, wrong: 0, unread: 0, pctRight: 0 };
  for (const p of pages) {
    t.right += p.right;
    t.wrong += p.wrong;
    t.unread += p.unread;
  }
  const n = t.right + t.wrong + t.unread;
  t.pctRight = n ? (t.right / n) * 100 : 0;
  return t;
}

/** A sidecar's JSON checked for the fields scoring needs; a string says what is wrong with it. */
export function parseSidecar(json: unknown): Sidecar | string {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return 'not a JSON object';
  const o = json as Record<string, unknown>;
  if (typeof o.url !== 'string') return 'no "url"';
  if (!o.expected || typeof o.expected !== 'object' || Array.isArray(o.expected)) return 'no "expected" object';
  if (o.known_unread !== undefined && (!o.known_unread || typeof o.known_unread !== 'object' || Array.isArray(o.known_unread))) return '"known_unread" is not an object';
  return o as unknown as Sidecar;
}

/** A value short enough for one line of the report. */
export function brief(v: unknown, max = 80): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
