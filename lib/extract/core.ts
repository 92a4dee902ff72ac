// The machinery the site extractors share: a per-read context with memoised
// look-ups, the hook runner that turns hook lists into field results, and readers
// for what every site carries (meta tags, JSON-LD, <title>, <html lang>).
// Over 300 lines on purpose: the machinery the three site readers share; the read's context,
// the hook runner and the common readers call each other.
import type { Extraction, FieldName, Fields, FieldValues, PageKind, Site } from './types';
import { emptyFields, FIELD_NAMES } from './types';
import { clean, labelReOnce, parseCount, plausible, text } from './text';

export interface Ctx {
  doc: Document;
  url: string;
  lang: string | null;
  /** `fn`'s value, computed once per read under `key` (a string, or the asking function itself) */
  memo<T>(key: unknown, fn: () => T): T;
}

export function makeCtx(doc: Document, url: string): Ctx {
  const cache = new Map<unknown, unknown>();
  return {
    doc,
    url,
    lang: pageLang(doc),
    memo<T>(key: unknown, fn: () => T): T {
      if (!cache.has(key)) {
        let v: T;
        try {
          v = fn();
        } catch {
          v = null as T;
        }
        cache.set(key, v);
      }
      return cache.get(key) as T;
    },
  };
}

/** One way to read a field; `via` names it in the result. Returns null/undefined when it can't. */
export interface Hook<T> {
  via: string;
  read: (c: Ctx) => T | null | undefined;
}

export interface FieldSpec<T> {
  hooks: Hook<T>[];
  /** the page shows this field's section or label: nothing read means `unreadable`, not `missing` */
  shown?: (c: Ctx) => unknown;
}

export type Spec = { [K in FieldName]?: FieldSpec<FieldValues[K]> };

function usable(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/**
 * A read in steps: a reader yields between fields, so the content script can hand the
 * page its thread back between them (entrypoints/reader/follow.ts). A page's first read,
 * with none of the reader's code compiled yet, is otherwise several frames of work at once.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to the end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Each field of `spec` by its hooks, in order; yields before each field. */
export function* fieldSteps(spec: Spec, c: Ctx): Steps<Fields> {
  const fields = emptyFields() as Record<FieldName, Fields[FieldName]>;
  for (const f of FIELD_NAMES) {
    const s = spec[f] as FieldSpec<unknown> | undefined;
    if (!s) continue;
    yield;
    let done = false;
    for (const h of s.hooks) {
      let v: unknown;
      try {
        v = h.read(c);
      } catch {
        v = null;
      }
      if (usable(v)) {
        fields[f] = { status: 'ok', value: v, via: h.via } as Fields[FieldName];
        done = true;
        break;
      }
    }
    if (!done) {
      let shown = false;
      try {
        shown = !!s.shown?.(c);
      } catch {
        shown = false;
      }
      fields[f] = shown ? { status: 'unreadable' } : { status: 'missing' };
    }
  }
  return fields as Fields;
}

/** Every field unreadable: a profile whose DOM shows someone else or can't be read at all. */
export function allUnreadable(via?: string): Fields {
  const out = {} as Record<FieldName, Fields[FieldName]>;
  for (const f of FIELD_NAMES) out[f] = via ? { status: 'unreadable', via } : { status: 'unreadable' };
  return out as Fields;
}

export function result(site: Site | null, kind: PageKind, profileUrl: string | null, lang: string | null, fields?: Fields): Extraction {
  return { site, kind, profileUrl, lang, fields: fields ?? emptyFields() };
}

// ---------- page-wide readers ----------

export function pageLang(doc: Document): string | null {
  const raw =
    doc.documentElement?.getAttribute('lang') ||
    meta(doc, 'og:locale') ||
    contentLanguage(doc) ||
    '';
  const m = /^([a-z]{2,3})(?:[-_]|$)/i.exec(clean(raw));
  return m ? m[1].toLowerCase() : null;
}

/** `<meta http-equiv="content-language">`'s content: a walk over the few <meta>s (a query would look through the whole page when there is none). */
function contentLanguage(doc: Document): string | null {
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) if (metas[i].getAttribute('http-equiv')?.toLowerCase() === 'content-language') return metas[i].getAttribute('content');
  return null;
}

/** `<meta property|name=…>` content, cleaned; null when absent or empty. */
export function meta(doc: Document, key: string): string | null {
  // a walk over the few <meta> elements: a selector list would scan and sort the whole page
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i];
    if (m.getAttribute('property') === key || m.getAttribute('name') === key) {
      const v = clean(m.getAttribute('content'));
      return v || null;
    }
  }
  return null;
}

type Json = Record<string, unknown>;

/** All JSON-LD objects on the page, `@graph`s flattened; broken blocks skipped. */
export function jsonLd(doc: Document): Json[] {
  const out: Json[] = [];
  const push = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(push);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      const g = (v as Json)['@graph'];
      if (g) push(g);
    }
  };
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i];
    if (s.getAttribute('type') !== 'application/ld+json') continue;
    try {
      push(JSON.parse(s.textContent || ''));
    } catch {
      /* a truncated or invalid block: not structured data */
    }
  }
  return out;
}

export function ofType(objs: Json[], type: string): Json | null {
  return (
    objs.find((o) => {
      const t = o['@type'];
      return t === type || (Array.isArray(t) && t.includes(type));
    }) ?? null
  );
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return plausible(v, 5000);
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return str((v as Json).name);
  return null;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** `<title>` without unread-count prefixes ("(12) Anna | LinkedIn") and the site suffix. */
export function titleParts(doc: Document, siteName: RegExp): string[] {
  const t = text(doc.querySelector('title'), 2000).replace(/^\(\d+\+?\)\s*/, '');
  return t
    .split(/\s+[|–—]\s+/)
    .map(clean)
    .filter((p) => p && !siteName.test(p));
}

// ---------- DOM helpers ----------

const NOT_CONTENT = 'header, nav, footer, aside, [role="navigation"], [role="menu"], [role="dialog"], [role="banner"], [role="complementary"], [role="contentinfo"]';

/** True when `el` sits in page chrome (nav bars, menus, footers, sidebars, dialogs) inside `root`. */
export function inChrome(el: Element, root?: Element | null): boolean {
  const c = el.parentElement?.closest(NOT_CONTENT);
  return !!c && (!root || root.contains(c)) && c !== root;
}

export function first(root: ParentNode | null | undefined, sel: string): Element | null {
  if (!root) return null;
  try {
    return root.querySelector(sel);
  } catch {
    return null;
  }
}

export function all(root: ParentNode | null | undefined, sel: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(sel));
  } catch {
    return [];
  }
}

/** First element matching `sel` whose text matches `re` (and is not page chrome). */
export function byText(root: ParentNode | null | undefined, sel: string, re: RegExp, read: (e: Element) => string = text): Element | null {
  for (const el of all(root, sel)) {
    if (inChrome(el, (root as Node).nodeType === 1 ? (root as Element) : null)) continue;
    if (re.test(read(el))) return el;
  }
  return null;
}

/**
 * The elements under `root` in document order, without descending into subtrees whose
 * root is another person's (walls, feeds, comments, sidebars: `prune`, as a selector list
 * of simple parts joined by ", " and as a test of one element, the same parts) nor into
 * scripts, styles and templates. The site extractors then query this index (`pick`,
 * `pickOne`) instead of the whole page.
 */
export interface Index {
  readonly root: Element | null;
  /**
   * Nothing under the root is pruned (an About tab, most m. and mbasic pages): every
   * element under it is a member but the skipped tags, so a native query under the root
   * needs no membership check, and the list is built only when a reader asks for it.
   */
  readonly whole: boolean;
  /** the members, document order (built on first need unless walked) */
  list: Element[] | null;
  /** a walked index's members as a set, or what is not a member: the skipped tags' and the cuts' elements (built on first need) */
  set: Set<Element> | null;
  /**
   * A column of up to CUTS_MAX elements, mostly the person's: the roots of its pruned subtrees
   * (and of a noscript that holds elements), outermost only, in document order; a member is an
   * element in none.
   */
  readonly cuts: Element[] | null;
  /** whether selectors are asked of the browser under the root (decided on first need) */
  native: boolean | null;
  readonly prune: Prune;
  /** elements under the root when it was indexed (whole, or by its cuts) */
  readonly count: number;
  /** the root's elements, live (whole, or by its cuts): its length is kept by the browser until the page changes */
  readonly all: HTMLCollectionOf<Element> | null;
}

interface Prune {
  selector: string;
  test: (el: Element) => boolean;
}

export function index(root: Element | null | undefined, prune: Prune): Index {
  const none = { set: null, native: null, prune, cuts: null, count: 0, all: null };
  if (!root) return { ...none, root: null, whole: false, list: [] };
  const all = root.getElementsByTagName('*');
  const count = all.length;
  const walked = () => ({ ...none, root, whole: false, list: walk(root, prune) });
  if (count > CUTS_MAX) {
    // Nothing to prune: asked one selector at a time (a list of attribute selectors is matched
    // element by element, the browser's slow path: 75 µs on a 1,000-element column, its
    // parts one by one 25 µs). A <noscript> holds elements where the page was parsed without
    // scripting: not whole.
    if (!prune.selector.split(', ').some((sel) => root.querySelector(sel)) && !root.getElementsByTagName('noscript').length) {
      return { ...none, root, whole: true, list: null, native: true, count, all };
    }
    return walked();
  }
  // A column of a profile's size (up to a few thousand elements): its pruned parts by native
  // queries, their outermost ones kept, and no loop from script over the column's elements. A
  // page is read a few times, so its reads run mostly before the reader's code is optimised,
  // where a walk's six calls an element cost several times what they cost later; a native
  // query costs the same from the first read (Facebook's real Comet page, 1,439 elements in
  // its column: the bench's read, the median of its third to ninth runs, went from 2.27× a
  // pass to 1.48×; once optimised, 300 reads on, 0.74 ms either way). One query a part: a selector list is matched part by part
  // on every element (740 µs there), one part's query is one match an element (about 40 µs).
  // Of the skipped tags only a <noscript> can hold elements (a page parsed without
  // scripting); the others are left out as found (memberTest). A column mostly other
  // people's (a timeline's posts) is walked, its members only: listing the cuts' elements
  // would cost more.
  const found: Element[] = [];
  for (const sel of [...prune.selector.split(', '), 'noscript']) {
    const one = root.querySelectorAll(sel);
    // each part's outermost, in document order (a post's comments are inside it)
    let part = 0;
    for (let i = 0, last: Element | null = null; i < one.length; i++) {
      if (last?.contains(one[i])) continue;
      found.push((last = one[i]));
      part += 1 + last.getElementsByTagName('*').length;
    }
    if (2 * part > count) return walked();
  }
  found.sort(inOrder);
  const cuts: Element[] = [];
  let cut = 0;
  for (const el of found) {
    const last = cuts[cuts.length - 1];
    // (one found by two parts is skipped as inside itself)
    if (last && last.contains(el)) continue;
    cuts.push(el);
    cut += 1 + el.getElementsByTagName('*').length;
  }
  if (!cuts.length) return { ...none, root, whole: true, list: null, native: true, count, all };
  if (2 * cut > count) return walked();
  return { ...none, root, whole: false, list: null, cuts, count, all };
}

/** A column of up to this many elements is indexed by its cuts, a longer one (a timeline of hundreds of posts) by a walk. */
const CUTS_MAX = 3000;

/**
 * A long column's members (a timeline of hundreds of posts): one walk that never enters a
 * pruned subtree, so the read costs what the profile's own part costs (a native query
 * would look through every post: 7 ms on a 29,000-element page).
 */
function walk(root: Element, prune: Prune): Element[] {
  const out: Element[] = [];
  let el = root.firstElementChild;
  while (el) {
    if (!SKIP_TAGS.has(el.tagName) && !prune.test(el)) {
      out.push(el);
      const child = el.firstElementChild;
      if (child) {
        el = child;
        continue;
      }
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return out;
}

/** Elements never indexed, with their subtrees. */
const SKIP = ['script', 'style', 'noscript', 'template', 'link', 'meta'];
const SKIP_SELECTOR = SKIP.join(', ');
// as tagName gives them: upper case in HTML; SVG's script and style, and XHTML's, in lower case
const SKIP_TAGS = new Set([...SKIP, ...SKIP.map((t) => t.toUpperCase())]);

/** An index's members, document order. */
export function members(ix: Index): Element[] {
  if (ix.list) return ix.list;
  const all = ix.all!;
  const out: Element[] = [];
  const member = memberTest(ix);
  for (let i = 0; i < all.length; i++) if (member(all[i])) out.push(all[i]);
  return (ix.list = out);
}

/**
 * A test of whether an element found under an index's root now is one of its members,
 * decided once for a pass over found elements (the page does not change during one).
 */
function memberTest(ix: Index): (el: Element) => boolean {
  if (!ix.whole && !ix.cuts) {
    const set = (ix.set ??= new Set(ix.list));
    return (el) => set.has(el);
  }
  const root = ix.root!;
  if (changed(ix)) {
    // the column changed since it was indexed (a timeline's posts arriving between two slices
    // of a read): what is now inside a part to prune or skip is not the person's
    const sel = `${ix.prune.selector}, ${SKIP_SELECTOR}`;
    return (el) => {
      const p = el.closest(sel);
      return !p || p === root || !root.contains(p);
    };
  }
  // what is not: the skipped tags' elements, and the cuts' (fewer than the members: listed
  // once, by spreads and the Set's constructor, builtins, where a loop of the reader's own
  // code runs unoptimised in a page's first reads); one to three cuts (a profile's post or
  // two) are asked whether they contain the element, listing hundreds of theirs would cost more
  const few = ix.cuts && ix.cuts.length <= 3 ? ix.cuts : [];
  if (!ix.set) {
    const els: Element[] = [];
    for (const tag of SKIP) els.push(...root.getElementsByTagName(tag));
    if (!few.length) for (const c of ix.cuts ?? []) els.push(c, ...c.getElementsByTagName('*'));
    ix.set = new Set(els);
  }
  const out = ix.set;
  return (el) => !out.has(el) && !few.some((c) => c.contains(el));
}

/** An index's root holds other elements than when it was indexed (a live count: no pass while the page is unchanged). */
function changed(ix: Index): boolean {
  return (ix.whole || !!ix.cuts) && ix.all!.length !== ix.count;
}

/**
 * Whether an index holds most of its root (nothing big pruned away), so that what looks
 * through the whole root (a native query, its text) costs about what the index does.
 * (A live collection's length: the browser keeps it until the page changes.)
 */
export function holdsMostOf(ix: Index, root: Element): boolean {
  // (an index by its cuts holds at least half its root)
  if ((ix.whole || ix.cuts) && ix.root === root) return true;
  return root.getElementsByTagName('*').length <= 4 * members(ix).length + 100;
}

/**
 * A selector over an index asks the browser (one native query under the root) and keeps
 * what the index holds: most selectors a reader tries belong to other layouts and match
 * nothing, and a native query that finds nothing costs a fraction of testing every element
 * from script — unless the index is a small part of its root (a long timeline pruned
 * away): then a native query would look through all of it, and the members are tested.
 */
function query(ix: Index, sel: string, one: boolean): Element[] | null {
  if (!ix.root) return [];
  ix.native ??= holdsMostOf(ix, ix.root);
  if (!ix.native) return null;
  if (TAG_LIST.test(sel)) {
    const byTag = tagQuery(ix, sel.split(/\s*,\s*/), one);
    if (byTag) return byTag;
  }
  return kept(ix, ix.root.querySelectorAll(sel), one);
}

/** The index's members among `found`, in its order (the first one only, when `one`). */
function kept(ix: Index, found: ArrayLike<Element>, one: boolean): Element[] {
  const out: Element[] = [];
  if (!found.length) return out;
  const member = memberTest(ix);
  for (let i = 0; i < found.length; i++) {
    if (!member(found[i])) continue;
    out.push(found[i]);
    if (one) break;
  }
  return out;
}

/** A selector that names tags only ("h2, h3, header"). */
const TAG_LIST = /^[a-z][a-z0-9]*(?:\s*,\s*[a-z][a-z0-9]*)*$/i;
/** Above this many candidates, several tags' elements are put in order by a native query instead. */
const TAG_SORT_MAX = 64;

/** Document order, for sort(). */
export function inOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 2 ? 1 : -1;
}

/**
 * A tags-only selector over an index: the root's live collections by tag (the browser keeps
 * them between reads while the page does not change: no pass over the page), kept to the
 * index's members, in document order. Null when several tags would give too many to order.
 */
function tagQuery(ix: Index, tags: string[], one: boolean): Element[] | null {
  const root = ix.root!;
  const lists = tags.map((t) => root.getElementsByTagName(t));
  if (lists.length > 1 && lists.reduce((n, l) => n + l.length, 0) > TAG_SORT_MAX) return null;
  const out: Element[] = [];
  for (const l of lists) for (const el of kept(ix, l, one && lists.length === 1)) out.push(el);
  if (lists.length > 1) out.sort(inOrder);
  return one ? out.slice(0, 1) : out;
}

/** The elements of an index (or any list) that match `sel`, in order (a bad selector matches nothing). */
export function pick(els: Index | Element[], sel: string): Element[] {
  try {
    if (Array.isArray(els)) return els.filter((e) => e.matches(sel));
    return query(els, sel, false) ?? members(els).filter((e) => e.matches(sel));
  } catch {
    return [];
  }
}

export function pickOne(els: Index | Element[], sel: string): Element | null {
  try {
    if (Array.isArray(els)) return els.find((e) => e.matches(sel)) ?? null;
    const q = query(els, sel, true);
    return q ? (q[0] ?? null) : (members(els).find((e) => e.matches(sel)) ?? null);
  } catch {
    return null;
  }
}

/** The first element of `els` whose text (by `read`) matches `re`. */
export function byTextIn(els: Element[], re: RegExp, read: (e: Element) => string = text): Element | null {
  for (const el of els) if (re.test(read(el))) return el;
  return null;
}

/** Distinct, plausible strings in order. */
export function uniq(xs: (string | null | undefined)[], max = 200): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const x of xs) {
    const p = plausible(x, max);
    if (p && !seen.has(p.toLowerCase())) {
      seen.add(p.toLowerCase());
      out.push(p);
    }
  }
  return out;
}

// ---------- sections ----------

const HEADINGS = 'h1, h2, h3, h4, header, button, [role="button"], .visually-hidden, .sr-only';

export interface SectionHooks {
  /** stable anchors: ids, data attributes (sturdiest) */
  anchors?: string;
  /** the section's heading text in the page's languages */
  label: RegExp;
  headings?: string;
}

/** A section's text without its heading, buttons ("…see more") and screen-reader copies. */
export function sectionBody(sec: Element | null | undefined): string {
  if (!sec) return '';
  const copies = all(sec, 'span[aria-hidden="true"]').filter((e) => !e.closest('h1, h2, h3, header, button'));
  if (copies.length) return clean(copies.map((e) => text(e)).join(' '));
  return text(sec, 20_000, (e) => e.matches(HEADINGS) || (e.tagName === 'A' && SEE_MORE.test(text(e, 40))));
}

/** "see more" links that expand a clamped text (older LinkedIn, VK, Facebook). */
const SEE_MORE = /^(?:…|\.\.\.)?\s*(?:see more|show more|see less|more|ещё|еще|показать (?:полностью|больше|ещё)|свернуть)$/i;

/**
 * The shown text pieces of a list item, in order: LinkedIn's aria-hidden copies when
 * present (skipping nested lists), else its headings, paragraphs and leaf spans.
 */
export function pieces(li: Element): string[] {
  const nestedIn = (e: Element) => {
    const l = e.parentElement?.closest('li');
    return l && l !== li;
  };
  let els = all(li, 'span[aria-hidden="true"]').filter((e) => !nestedIn(e) && !e.parentElement?.closest('span[aria-hidden="true"]'));
  if (!els.length) {
    els = all(li, 'h3, h4, h5, p, time, span, dd, dt, a').filter(
      (e) => !nestedIn(e) && !e.querySelector('h3, h4, h5, p, span, time, dd, dt, a, div') && !e.closest('.visually-hidden, .sr-only, button'),
    );
  }
  const out: string[] = [];
  for (const e of els) {
    const t = text(e);
    const last = out[out.length - 1];
    // (one line its page split into spans: a range, "2014 - " "2016"; a degree and its field, "MS" "·" "Informatik")
    if (last !== undefined && t && (/[–—·-]$/.test(last) || t === '·')) out[out.length - 1] = `${last} ${t}`;
    else if (t && last !== t) out.push(t);
  }
  return out;
}

/** The top-level items of the first list in a section. */
export function items(sec: Element | null | undefined): Element[] {
  if (!sec) return [];
  return all(sec, 'li').filter((li) => {
    const up = li.parentElement?.closest('li');
    return !up || !sec.contains(up);
  });
}

/** A count written before its label: "500+ connections", "1 234 отслеживающих", "1,2K friends". */
export function countLabelled(t: string, label: string): number | null {
  const re = labelReOnce(`(\\d[\\d .,\\u00a0\\u2009\\u202f]*\\+?\\s*(?:[KkMКкМ]|тыс\\.?|tys\\.?|mil|rb|млн\\.?)?)\\s*(?:${label})`);
  const m = re.exec(t);
  return m ? parseCount(m[1]) : null;
}

export function hasLabel(t: string, label: string): boolean {
  return labelReOnce(`(?<![\\p{L}])(?:${label})`).test(t);
}

/** The first region a list of hooks finds (one per layout), else the whole body; once per read. */
export function region(c: Ctx, key: string, hooks: readonly ((d: Document) => Element | null)[]): Element {
  return c.memo(key, () => {
    for (const h of hooks) {
      const el = h(c.doc);
      if (el) return el;
    }
    return c.doc.body ?? c.doc.documentElement;
  });
}

/** The URL's path, or '' when it is not a URL. */
export function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}

// ---------- what the page shows when it holds several versions ----------

/**
 * Whether the browser renders `el`: its own answer (Element.checkVisibility, a read that
 * writes nothing into the page). null where there is no layout to ask (jsdom: the CLI,
 * unit tests), or when the browser cannot say.
 */
export function rendered(el: Element): boolean | null {
  const f = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof f !== 'function') return null;
  try {
    return f.call(el, { opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true });
  } catch {
    return null;
  }
}

/**
 * One value among elements that each show one (a site may keep two versions of a badge
 * in the DOM and hide one with its CSS): the value when they all agree; else the value of
 * the ones the browser renders, when they agree; else null — never a guess.
 */
export function oneShown<T>(found: [Element, T][]): T | null {
  const distinct = (xs: [Element, T][]) => [...new Set(xs.map((x) => x[1]))];
  const all = distinct(found);
  if (all.length <= 1) return all[0] ?? null;
  const seen = found.map((x) => [x, rendered(x[0])] as const);
  if (seen.some(([, r]) => r === null)) return null;
  const shown = distinct(seen.filter(([, r]) => r).map(([x]) => x));
  return shown.length === 1 ? shown[0] : null;
}
