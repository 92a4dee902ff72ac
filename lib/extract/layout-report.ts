// The layout report (issue 13, item 4): a page's shape without its content, for a
// bug report when the extractors can't read it. Pure: walks the Document it is
// given, read only — no clone (a clone of the page's nodes would load its images
// and upgrade its custom elements), no node created — and returns a complete
// HTML document as a string that `npm run extract` reads like any saved page.
//
// Kept: every element, in order, with every attribute name; class, id and other
// keyword-shaped values (ids' long digit runs, LinkedIn member ids and the page's
// own personal words placeholdered); structural data-*/aria-* values; the UI
// labels the extractors know (each site file's UI_LABELS). Replaced, keeping
// length and script (Latin x/X, Cyrillic ж/Ж, digits 0, punctuation and spaces
// kept): every other text and attribute value, `<title>` included. URLs keep their
// host (only the sites' and well-known ones) and route words (`/in/`, `/details/`,
// `profile.php`), every other path segment, query value and fragment placeholdered:
// `https://www.linkedin.com/in/xxxx-xxxxxxx-00/` still reads as a profile URL.
// JSON (script blocks, LinkedIn's <code> state, JSON in comments) keeps its keys
// and types, its values placeholdered (numbers → 0); other scripts are emptied;
// other comments dropped.
//
// The label table it keeps is layout-labels.ts. The rest is one file over 300 lines on
// purpose: each section below sanitises one kind of value (text, tokens, URLs, JSON,
// attributes) with the same context (the labels, the page's own personal words) for
// the one walk at the end; apart, each would need the others' context to be read.
import { extractPage } from './extract';
import { inVocab, labelsFor, type Labels } from './layout-labels';
import { canonicalProfileUrl, siteOf } from './urls';

// ---------- placeholders ----------

const SCRIPT_PH: [RegExp, string, string][] = [
  [/\p{Script=Latin}/u, 'X', 'x'],
  [/\p{Script=Cyrillic}/u, 'Ж', 'ж'],
  [/\p{Script=Greek}/u, 'Ω', 'ω'],
  [/\p{Script=Armenian}/u, 'Ա', 'ա'],
  [/\p{Script=Georgian}/u, 'ა', 'ა'],
  [/\p{Script=Arabic}/u, 'ب', 'ب'],
  [/\p{Script=Hebrew}/u, 'א', 'א'],
  [/\p{Script=Devanagari}/u, 'क', 'क'],
  [/\p{Script=Thai}/u, 'ก', 'ก'],
  [/\p{Script=Hangul}/u, '가', '가'],
  [/\p{Script=Hiragana}/u, 'あ', 'あ'],
  [/\p{Script=Katakana}/u, 'ア', 'ア'],
  [/\p{Script=Han}/u, '字', '字'],
];
const charCache = new Map<string, string>();

function phChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 128) {
    if (c >= 48 && c <= 57) return '0';
    if (c >= 65 && c <= 90) return 'X';
    if (c >= 97 && c <= 122) return 'x';
    return ch; // ASCII punctuation, symbols, spaces, controls
  }
  const hit = charCache.get(ch);
  if (hit !== undefined) return hit;
  let out: string;
  if (/\p{Nd}/u.test(ch)) out = '0';
  else if (/\p{L}/u.test(ch)) {
    const upper = ch !== ch.toLowerCase();
    const s = SCRIPT_PH.find(([re]) => re.test(ch));
    out = s ? (upper ? s[1] : s[2]) : upper ? 'X' : 'x';
  } else if (/[\p{Z}\s]/u.test(ch)) out = ch;
  else if (/\p{P}/u.test(ch)) out = ch;
  else if (/[\p{M}\p{Cf}]/u.test(ch)) out = ''; // combining marks, invisible format characters
  else out = '*'; // emoji and other symbols
  if (charCache.size < 5000) charCache.set(ch, out);
  return out;
}

/** The same text with every letter and digit replaced: same length, same script. */
export function placeholder(s: string): string {
  let out = '';
  for (const ch of s) out += phChar(ch);
  return out;
}

// ---------- text ----------

interface Ctx {
  labels: Labels;
  /** the page's own personal words: never kept, even inside a class or an id */
  personal: RegExp | null;
  personalWords: ReadonlySet<string>;
}

/** Renders `s`, keeping the characters `keep` marks when they form label words. */
function render(s: string, keep: boolean[] | null, c: Ctx): string {
  if (!keep) return placeholder(s);
  let out = '';
  const re = /\p{L}+|[^\p{L}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const part = m[0];
    const at = m.index;
    const isWord = /^\p{L}/u.test(part);
    let kept = isWord;
    for (let i = at; kept && i < at + part.length; i++) if (!keep[i]) kept = false;
    out += kept && inVocab(part, c.labels.vocab) && !isPersonal(part, c) ? part : placeholder(part);
  }
  return out;
}

function isPersonal(word: string, c: Ctx): boolean {
  return c.personalWords.has(word.toLowerCase());
}

/** Marks in `keep` (from `at`) the label characters of one short piece of text; what a label captures stays unmarked. */
function markLabels(core: string, at: number, keep: boolean[], c: Ctx): boolean {
  if (core.length > 200 || !/\p{L}/u.test(core)) return false;
  let found = false;
  for (const { re, anchored } of c.labels.patterns) {
    if (!anchored && core.length > 80) continue;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(core))) {
      if (!m[0]) {
        re.lastIndex++;
        if (anchored) break;
        continue;
      }
      const mine = new Array<boolean>(m[0].length).fill(true);
      const idx = m.indices ?? [];
      for (let g = 1; g < idx.length; g++) {
        const r = idx[g];
        if (r) for (let i = r[0]; i < r[1]; i++) mine[i - m.index] = false;
      }
      for (let i = 0; i < mine.length; i++) if (mine[i]) keep[at + m.index + i] = found = true;
      if (anchored) break;
    }
  }
  return found;
}

// spaced separators between the parts of one text: "Anna Kowalski | LinkedIn", "500+ connections · Contact info"
const SEPARATOR = /\s+[|·•–—]\s+|\n+/g;

/** A text's content: the labels the extractors know kept, everything else placeholdered. */
function sanitizeText(s: string, c: Ctx, row?: boolean[]): string {
  if (s.length > 2000 || !/\p{L}/u.test(s)) return placeholder(s);
  const keep = row ? row.slice() : new Array<boolean>(s.length).fill(false);
  const mark = (from: number, to: number): boolean => {
    while (from < to && /\s/.test(s[from])) from++;
    // (a row label's colon is the row's, not the label's: "Родной город:" is the label "родной город")
    while (to > from && /[\s:：]/.test(s[to - 1])) to--;
    return from < to && markLabels(s.slice(from, to), from, keep, c);
  };
  // the whole text ("Page · Software company"), then each of its parts ("… | LinkedIn")
  let found = mark(0, s.length) || (row?.includes(true) ?? false);
  let from = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(s); m; m = SEPARATOR.exec(s)) {
    if (m.index > 0 || from > 0) found = mark(from, m.index) || found;
    from = m.index + m[0].length;
  }
  if (from > 0) found = mark(from, s.length) || found;
  return found ? render(s, keep, c) : placeholder(s);
}

/**
 * Labels split over several text nodes ("<span>Page</span><span> · Bicycle shop</span>"):
 * the extractors read a row's text whole, so labels are looked for in each row too — the
 * largest element with at most 200 characters of text — and marked in its text nodes.
 */
function rowMarks(root: Element, c: Ctx): Map<Node, boolean[]> {
  const out = new Map<Node, boolean[]>();
  // every element in pre-order with its parent, then text lengths summed bottom-up
  const els: Element[] = [];
  const parent: number[] = [];
  const own: number[] = [];
  const stack: [Element, number][] = [[root, -1]];
  while (stack.length) {
    const [el, p] = stack.pop()!;
    const i = els.push(el) - 1;
    parent.push(p);
    let n = 0;
    for (let ch = el.lastChild; ch; ch = ch.previousSibling) {
      if (ch.nodeType === 3) n += ch.nodeValue?.length ?? 0;
      else if (ch.nodeType === 1 && !RAW.has((ch as Element).localName)) stack.push([ch as Element, i]);
    }
    own.push(n);
  }
  const len = own.slice();
  for (let i = els.length - 1; i > 0; i--) len[parent[i]] += len[i];
  for (let i = 0; i < els.length; i++) {
    if (len[i] === 0 || len[i] > 200 || (parent[i] >= 0 && len[parent[i]] <= 200)) continue;
    const texts: Node[] = [];
    const st: Node[] = [els[i]];
    while (st.length) {
      const n = st.pop()!;
      for (let ch = n.lastChild; ch; ch = ch.previousSibling) {
        if (ch.nodeType === 3) st.push(ch);
        else if (ch.nodeType === 1 && !RAW.has((ch as Element).localName)) st.push(ch);
      }
      if (n.nodeType === 3) texts.push(n);
    }
    if (texts.length < 2) continue;
    const whole = texts.map((t) => t.nodeValue ?? '').join('');
    const keep = new Array<boolean>(whole.length).fill(false);
    if (!markLabels(whole.trim(), whole.length - whole.trimStart().length, keep, c)) continue;
    let at = 0;
    for (const t of texts) {
      const l = t.nodeValue?.length ?? 0;
      out.set(t, keep.slice(at, at + l));
      at += l;
    }
  }
  return out;
}

// ---------- structural tokens (class, id, data-view-name, JSON keys) ----------

// LinkedIn member ids ("ACoAAB…", 39 characters), also inside componentkey values
const MEMBER_ID = /ACoA[A-Za-z0-9_-]{35}/g;
// the id at the end of a LinkedIn URN: "urn:li:fsd_profile:ACoAAB…", "urn:li:member:12345"
const URN_ID = /(urn:li:[\w.]+:)([^,\s()"]+)/g;
// other opaque ids: a long run of letters and digits mixing cases and digits
const OPAQUE = /[A-Za-z0-9]{16,}/g;

/** A class list, an id, a keyword: kept, except what could name or number a person. */
function sanitizeToken(v: string, c: Ctx): string {
  // a member id is set aside while opaque runs are looked for, so "…ref<id>Topcard" keeps its "Topcard"
  const ids: string[] = [];
  let s = v.replace(URN_ID, (_, kind: string, id: string) => kind + placeholder(id)).replace(MEMBER_ID, (m) => {
    ids.push(placeholder(m));
    return '\u0001';
  });
  s = s.replace(OPAQUE, (m) => (/\d/.test(m) && /[A-Z]/.test(m) && /[a-z]/.test(m) ? placeholder(m) : m));
  s = s.replace(/\d{5,}/g, placeholder); // numeric ids (profile, photo, message)
  if (c.personal) s = s.replace(c.personal, placeholder);
  return ids.length ? s.replace(/\u0001/g, () => ids.shift() ?? '') : s;
}

// ---------- URLs ----------

// Hosts kept as they are (the sites, their CDNs, vocabularies); any other host is
// placeholdered but for its top-level domain (a person's own website is personal).
const KNOWN_HOST =
  /(^|\.)(linkedin\.com|licdn\.com|facebook\.com|fb\.com|fb\.me|fbcdn\.net|fbsbx\.com|messenger\.com|instagram\.com|vk\.com|vk\.ru|vk\.me|userapi\.com|vkuser\.net|vk-cdn\.net|vkuseraudio\.net|mycdn\.me|okcdn\.ru|schema\.org|w3\.org|ogp\.me|google\.com|gstatic\.com|googleapis\.com|youtube\.com|twitter\.com|x\.com|apple\.com|microsoft\.com)$/i;
// Hosts whose paths are static assets or vocabularies, kept whole
const STATIC_HOST = /^(?:static\.licdn\.com|static\.[\w.-]*fbcdn\.net|st\d*(?:-\d+)?\.vk\.com|(?:www\.)?schema\.org|(?:www\.)?w3\.org|ogp\.me)$/i;
// The sites' route words: path segments that name a feature, not a person
const ROUTES = new Set(
  ('in pub sales lead details experience education skills languages certifications projects honors courses interests ' +
    'recommendations volunteering-experiences organizations publications patents test-scores overlay contact-info ' +
    'about-this-profile photo background-photo recent-activity all shares comments reactions posts company school ' +
    'showcase feed search results people mynetwork messaging notifications jobs learning premium redir redirect safety ' +
    'go authwall login signup uas checkpoint authenticate dms image v2 sc h aero-v1 assets edit forms help legal ' +
    'psettings settings groups events newsletters pulse me page profile profile.php about about_overview ' +
    'about_work_and_education about_places about_contact_and_basic_info about_family_and_relationships about_details ' +
    'about_life_events friends friends_mutual friends_likes photos photos_by photos_of videos reels_tab followers following pages ' +
    'watch marketplace messages home.php login.php recover l.php lm.php photo.php story.php permalink.php hashtag ' +
    'sharer sharer.php ajax hovercard user.php page.php t im albums audios video wall al_profile.php away.php join ' +
    'restore images deactivated.png camera community blog market services docs apps clips app sp ru en www')
    .split(' '),
);
const VK_OWNER = /^(id|club|public|event|wall|photo|video|album|audio|topic|board)(-?\d+(?:_\d+)?)$/;
const DEFAULT_IMAGE = /^(?:camera|deactivated|community|question|ghost)[\w-]*\.(?:png|gif|jpe?g|svg|webp)$/i;

function looksUrl(v: string): boolean {
  return /^(?:https?:)?\/\/[\w.-]+\.[a-z]{2,}(?:[/?#:]|$)/i.test(v) || /^\/(?:[\w%.-]+\/)*[\w%.-]*(?:[?#].*)?$/.test(v) && v.length > 1;
}

/** A URL reduced to its shape: scheme, known host and route words kept, the rest placeholdered. */
function sanitizeUrl(raw: string, c: Ctx): string {
  const v = raw.trim();
  if (!v) return raw;
  if (v.startsWith('#')) return '#' + sanitizeToken(v.slice(1), c); // a fragment names an id of this page
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(v)?.[1].toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https') {
    if (scheme === 'data') return 'data:' + (/^data:([\w.+/-]*(?:;[\w=.-]+)*)/i.exec(v)?.[1] ?? '') + ',';
    if (scheme === 'javascript') return 'javascript:void(0)';
    // the sites' app links say what a page is: "fb://page/123", "fb://profile/123"
    if (/^(?:fb|vk|vkontakte|linkedin)$/.test(scheme)) return scheme + ':' + sanitizePath(v.slice(scheme.length + 1), true, c);
    return scheme + ':' + placeholder(v.slice(scheme.length + 1));
  }
  const m = /^([a-z][a-z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(v);
  if (!m) return placeholder(v);
  const [, sch = '', auth = '', path = '', query = '', frag = ''] = m;
  let host = '';
  let keepPath = false;
  let knownHost = true; // a relative URL is the site's own
  if (auth) {
    const hp = /^\/\/(?:[^@]*@)?([^:]*)(:\d+)?$/.exec(auth);
    const h = hp?.[1] ?? '';
    knownHost = KNOWN_HOST.test(h);
    if (knownHost) host = '//' + h;
    else {
      const labels = h.split('.');
      host = '//' + labels.map((l, i) => (i === labels.length - 1 || (i === 0 && l === 'www') ? l : placeholder(l))).join('.');
    }
    if (hp?.[2]) host += ':' + placeholder(hp[2].slice(1));
    keepPath = STATIC_HOST.test(h);
  }
  const p = keepPath ? sanitizeToken(path, c) : sanitizePath(path, knownHost, c);
  const q = query
    ? '?' +
      query
        .slice(1)
        .split('&')
        .map((kv) => {
          const i = kv.indexOf('=');
          return i < 0 ? sanitizeToken(kv, c) : sanitizeToken(kv.slice(0, i), c) + '=' + placeholder(kv.slice(i + 1));
        })
        .join('&')
    : '';
  const f = frag ? '#' + placeholder(frag.slice(1)) : '';
  return sch + host + p + q + f;
}

/** Path segments: the sites' route words kept (on their own hosts), the rest placeholdered. */
function sanitizePath(path: string, knownHost: boolean, c: Ctx): string {
  return path
    .split('/')
    .map((seg) => {
      if (!seg) return seg;
      const lower = seg.toLowerCase();
      const q = seg.indexOf('?');
      if (q > 0) return sanitizePath(seg.slice(0, q), knownHost, c) + placeholder(seg.slice(q));
      if (knownHost && (ROUTES.has(lower) || DEFAULT_IMAGE.test(seg)) && !c.personalWords.has(lower)) return seg;
      const owner = VK_OWNER.exec(lower);
      if (owner) return owner[1] + placeholder(owner[2]);
      return placeholder(seg);
    })
    .join('/');
}

function sanitizeSrcset(v: string, c: Ctx): string {
  return v
    .split(',')
    .map((part) => part.replace(/^(\s*)(\S+)/, (_, sp: string, u: string) => sp + sanitizeUrl(u, c)))
    .join(',');
}

function sanitizeStyle(v: string, c: Ctx): string {
  return v.replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (_, q: string, u: string) => `url(${q}${sanitizeUrl(u, c)}${q})`);
}

// ---------- JSON ----------

const TYPE_KEY = /^[@$_]*(?:type|typename|recipetypes?|context)$/i;

function jsonValue(v: unknown, key: string, c: Ctx, depth: number): unknown {
  if (depth > 200) return null;
  if (typeof v === 'string') {
    if (TYPE_KEY.test(key) && /^[\w.:/@$-]*$/.test(v)) return /^https?:/i.test(v) ? sanitizeUrl(v, c) : sanitizeToken(v, c);
    if (/^urn:[\w.-]+:/i.test(v)) return sanitizeToken(v, c);
    if (looksUrl(v)) return sanitizeUrl(v, c);
    return sanitizeText(v, c);
  }
  if (typeof v === 'number') return 0;
  if (Array.isArray(v)) return v.map((x) => jsonValue(x, key, c, depth + 1));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[sanitizeToken(k, c)] = jsonValue(x, k, c, depth + 1);
    return out;
  }
  return v; // true, false, null
}

/** JSON text with its keys and types kept and its values placeholdered; null when `s` is not JSON. */
function sanitizeJson(s: string, c: Ctx): string | null {
  const t = s.trim();
  if (!/^[[{]/.test(t)) return null;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch {
    return null;
  }
  return JSON.stringify(jsonValue(data, '', c, 0));
}

// ---------- attributes ----------

const URL_ATTRS = new Set([
  'href', 'src', 'action', 'formaction', 'poster', 'cite', 'background', 'longdesc', 'codebase', 'manifest', 'ping',
  'xlink:href', 'itemid', 'itemtype', 'data-src', 'data-delayed-url', 'data-ghost-url', 'data-href', 'data-url', 'data-li-src',
]);
const SRCSET_ATTRS = new Set(['srcset', 'imagesrcset', 'data-srcset']);
const TEXT_ATTRS = new Set([
  'alt', 'title', 'placeholder', 'label', 'value', 'summary', 'abbr', 'datetime', 'download', 'nonce', 'integrity',
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'aria-keyshortcuts',
]);
// data-* keys whose values name a part of the layout (LinkedIn 2026, Facebook pagelets, m.facebook sigils)
const STRUCTURAL_DATA = /^(?:data-(?:view-name|sn-view-name|anonymize|testid|test-id|test-[\w-]+|section|pagelet|sigil|control-name|tracking-control-name|field|view-tracking-scope|generated-suggestion-target|finite-scroll-hotkey-context|visible|display-contents|rtl|supported-dps|token-id|loaded|module-id|id-type|nosnippet|entity-hovercard-id-type|layout|block|ft-type|role|type|name-type)|componentkey|data-sdui-[\w-]+)$/i;
const ARIA_IDREFS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'for', 'headers', 'list', 'form', 'popovertarget', 'anchor']);
// SVG geometry and presentation: numbers that draw icons, not people
const SVG_ATTRS = /^(?:d|points|viewbox|transform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|fx|fy|dx|dy|width|height|fill|stroke|stroke-[\w-]+|fill-[\w-]+|clip-rule|clip-path|mask|opacity|offset|stop-color|stop-opacity|gradientunits|gradienttransform|preserveaspectratio|focusable|version|xmlns(?::\w+)?|xml:space|shape-rendering|color|display|visibility|pathlength|markerwidth|markerheight|refx|refy|orient|filter|flood-color|flood-opacity|stddeviation|in|in2|result|mode|operator|k1|k2|k3|k4|values|type|vector-effect)$/i;
const HASHED_CLASS = /^_?[0-9a-f]{6,10}$/;
const KEYWORD = /^[\w.:/#@+-]{0,64}$/;
const META_KEEP = /^(?:viewport|robots|referrer|theme-color|color-scheme|format-detection|twitter:card|og:type|og:locale|og:locale:alternate|og:site_name|fb:app_id|al:[\w:]+:app_name|al:[\w:]+:package|al:[\w:]+:app_store_id|apple-itunes-app|google|msapplication-[\w-]+|application-name|generator|pageKey|locale|lang|language|content-language|content-type|x-ua-compatible|charset)$/i;

function sanitizeAttr(name: string, value: string, el: Element, c: Ctx): string {
  const n = name.toLowerCase();
  if (!value) return value;
  if (n === 'style') return sanitizeStyle(value, c);
  if (URL_ATTRS.has(n)) return sanitizeUrl(value, c);
  if (SRCSET_ATTRS.has(n)) return sanitizeSrcset(value, c);
  if (n === 'content' && el.localName === 'meta') {
    const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('http-equiv') ?? el.getAttribute('itemprop') ?? '';
    if (META_KEEP.test(key)) return sanitizeToken(value, c);
    if (looksUrl(value.trim())) return sanitizeUrl(value, c);
    if (/^al:[\w:]+:url$/i.test(key)) return sanitizeUrl(value, c); // fb://profile/123 → fb:…
    return sanitizeText(value, c);
  }
  if (TEXT_ATTRS.has(n)) return n === 'nonce' || n === 'integrity' ? placeholder(value) : sanitizeText(value, c);
  // hashed class names ("_843fb11d", "_1234567e") are the site's build, not anyone's id
  if (n === 'class') return value.split(/(\s+)/).map((t) => (HASHED_CLASS.test(t) ? t : sanitizeToken(t, c))).join('');
  if (n === 'id' || n === 'name' || n === 'slot' || n === 'part' || ARIA_IDREFS.has(n)) return sanitizeToken(value, c);
  if (STRUCTURAL_DATA.test(n)) return KEYWORD.test(value) || n === 'componentkey' ? sanitizeToken(value, c) : sanitizeText(value, c);
  if (n.startsWith('data-') || n.startsWith('aria-')) {
    if (/^(?:true|false|mixed|on|off|yes|no|none|null|undefined|page|step|location|date|time|polite|assertive|dialog|menu|listbox|tree|grid|horizontal|vertical|ascending|descending|other|text|all|inline|list|both|additions|removals)$/i.test(value) || /^-?\d{1,3}$/.test(value)) return value;
    if (looksUrl(value.trim())) return sanitizeUrl(value, c);
    return sanitizeJson(value, c) ?? sanitizeText(value, c);
  }
  if (el.namespaceURI === 'http://www.w3.org/2000/svg' && SVG_ATTRS.test(n)) return value;
  if (KEYWORD.test(value)) return sanitizeToken(value, c);
  return sanitizeText(value, c);
}

// ---------- serialising ----------

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'frame', 'basefont', 'bgsound']);
const RAW = new Set(['script', 'style']);
const JSON_SCRIPT = /json/i;

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function rawContent(el: Element, c: Ctx): string {
  const s = el.textContent ?? '';
  if (el.localName === 'style') return sanitizeStyle(s, c).replace(/<\/(style)/gi, '<\\/$1');
  const type = el.getAttribute('type') ?? '';
  if (JSON_SCRIPT.test(type) || (!el.hasAttribute('src') && /^\s*[[{]/.test(s))) {
    const j = sanitizeJson(s, c);
    if (j !== null) return j.replace(/</g, '\\u003c');
  }
  return ''; // code: not the page's shape, and it may carry data
}

function walk(root: Element, c: Ctx, out: string[]): void {
  const rows = rowMarks(root, c);
  // an explicit stack: page DOMs can nest deeper than the call stack allows
  type Frame = { node: Node; close?: string };
  const stack: Frame[] = [{ node: root }];
  while (stack.length) {
    const f = stack.pop()!;
    if (f.close !== undefined) {
      out.push(f.close);
      continue;
    }
    const n = f.node;
    if (n.nodeType === 3) {
      const parent = n.parentNode as Element | null;
      const pn = parent?.nodeType === 1 ? parent.localName : '';
      if (RAW.has(pn)) continue; // written by rawContent
      const v = n.nodeValue ?? '';
      const j = pn === 'code' ? sanitizeJson(v, c) : null;
      out.push(escText(j ?? sanitizeText(v, c, rows.get(n))));
      continue;
    }
    if (n.nodeType === 8) {
      const j = sanitizeJson(n.nodeValue ?? '', c);
      if (j !== null) out.push(`<!--${j.replace(/--/g, '- -')}-->`);
      continue;
    }
    if (n.nodeType === 9 || n.nodeType === 11) {
      pushChildren(n, stack);
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    const tag = el.localName;
    let open = '<' + tag;
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i];
      open += ` ${a.name}="${escAttr(sanitizeAttr(a.name, a.value, el, c))}"`;
    }
    open += '>';
    out.push(open);
    if (VOID.has(tag) && el.namespaceURI === 'http://www.w3.org/1999/xhtml') continue;
    if (RAW.has(tag)) {
      out.push(rawContent(el, c), `</${tag}>`);
      continue;
    }
    stack.push({ node: el, close: `</${tag}>` });
    const content = tag === 'template' ? (el as HTMLTemplateElement).content : null;
    const first = (content ?? el).firstChild;
    // the parser drops a leading newline in these: keep the text's own
    if ((tag === 'pre' || tag === 'textarea' || tag === 'listing') && first?.nodeType === 3 && first.nodeValue?.startsWith('\n')) out.push('\n');
    pushChildren(content ?? el, stack);
  }
}

function pushChildren(n: Node, stack: { node: Node }[]): void {
  for (let ch = n.lastChild; ch; ch = ch.previousSibling) stack.push({ node: ch });
}

// ---------- the page's own personal words ----------

// fields whose values are URLs: their words (https, licdn, image) are no one's
const URL_FIELDS = new Set(['photoUrl', 'websites']);

/** Words of what the extractor reads on this page, and of the URL's handle: scrubbed wherever they appear. */
function personalWords(doc: Document, url: string, vocab: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  const add = (s: unknown): void => {
    if (typeof s === 'string') {
      for (const w of s.match(/[\p{L}\p{N}]{3,}/gu) ?? []) if (!vocab.has(w.toLowerCase()) && !/^\d+$/.test(w)) words.add(w.toLowerCase());
    } else if (Array.isArray(s)) s.forEach(add);
    else if (s && typeof s === 'object') Object.values(s).forEach(add);
  };
  try {
    const x = extractPage(doc, url);
    for (const [k, f] of Object.entries(x.fields)) if (f.status === 'ok' && !URL_FIELDS.has(k)) add(f.value);
  } catch {
    /* a page the extractor can't read: the generic rules still hold */
  }
  const canon = canonicalProfileUrl(url)?.profileUrl;
  if (canon) {
    const m = /\/in\/([^/]+)\/$|[?&]id=(\d+)$|^https:\/\/[^/]+\/([^/?]+)$/.exec(canon);
    const handle = m?.[1] ?? m?.[2] ?? m?.[3];
    if (handle) add(decodeURIComponent(handle).split(/[^\p{L}\p{N}]+/u));
  }
  return words;
}

/** The scrub pattern: 3-letter words only as whole parts of a token ("pv-top-card"), longer ones anywhere. */
function scrubPattern(words: ReadonlySet<string>): RegExp | null {
  if (!words.size) return null;
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...words].sort((a, b) => b.length - a.length);
  const short = sorted.filter((w) => w.length < 4).map(esc);
  const long = sorted.filter((w) => w.length >= 4).map(esc);
  const alts = [...long];
  if (short.length) alts.push(`(?<![\\p{L}\\p{N}])(?:${short.join('|')})(?![\\p{L}\\p{N}])`);
  return new RegExp(alts.join('|'), 'giu');
}

// ---------- the report ----------

export interface LayoutReportOptions {
  /** scrub the words the extractor reads on this page from kept classes, ids and labels (default true) */
  scrubPersonal?: boolean;
}

/** The page's layout without its content, as a complete HTML document. */
export function layoutReport(doc: Document, url: string, opts: LayoutReportOptions = {}): string {
  const site = siteOf(url);
  const labels = labelsFor(site);
  const words = opts.scrubPersonal === false ? new Set<string>() : personalWords(doc, url, labels.vocab);
  const c: Ctx = { labels, personal: scrubPattern(words), personalWords: words };
  const pageUrl = sanitizeUrl(url, c);
  const out: string[] = [];
  const dt = doc.doctype;
  // the page's doctype or none: a parser reads a page without one in quirks mode, and so must the report
  if (dt) out.push(`<!DOCTYPE ${dt.name || 'html'}>\n`);
  out.push(
    `<!-- saved from url=(${String(pageUrl.length).padStart(4, '0')})${pageUrl.replace(/--/g, '- -')} -->` +
      `\n<!-- Tiewise layout report: the page's structure, its text and values replaced by placeholders. Review before sharing. -->\n`,
  );
  if (doc.documentElement) walk(doc.documentElement, c, out);
  return out.join('');
}
