// Canonical profile URLs (extraction.md "Canonical profile URLs"): one key per person
// per network, whatever URL the user arrived by. null for pages that are not a person.
import type { Site } from './types';

// The content scripts read the live sites (wxt.config.ts defines __TIEWISE_LIVE__ for their build);
// the CLI, the tests and the importer also read what the sites no longer serve: saved pages, and
// the addresses of old CRM exports.
declare const __TIEWISE_LIVE__: boolean | undefined;
/** this build reads the layouts and addresses a site no longer serves */
export const SAVED = typeof __TIEWISE_LIVE__ === 'undefined' || !__TIEWISE_LIVE__;

export function siteOf(url: string): Site | null {
  const u = parse(url);
  return u && siteOfUrl(u);
}

/**
 * A profile handle: letters (any script), marks, digits, "_" and "-", `min`–100 long.
 * ASCII first: the Unicode pattern costs milliseconds to compile on the page's thread
 * and is only needed for the rare non-Latin handle.
 */
function isHandle(h: string, min: number): boolean {
  if (/^[A-Za-z0-9_-]+$/.test(h)) return h.length >= min && h.length <= 100;
  const n = [...h].length; // code points, as the pattern's own count would be
  return n >= min && n <= 100 && /^[\p{L}\p{M}\p{N}_-]+$/u.test(h);
}

// each network's hosts (a network's content script carries only its own)
const LINKEDIN_HOST = /(^|\.)linkedin\.com$/;
const FACEBOOK_HOST = /(^|\.)facebook\.com$|(^|\.)fb\.com$/;
const VK_HOST = /(^|\.)vk\.(?:com|ru)$/;

/**
 * Facebook's hosts that serve its mobile layouts (m.facebook.com, mbasic.facebook.com and
 * their kin), each read by a content script of its own (entrypoints/facebook-mobile.content.ts);
 * www and the others serve the desktop layouts (Comet, the classic timeline).
 */
export const FACEBOOK_MOBILE_HOSTS = [
  'm.facebook.com', 'mbasic.facebook.com', 'touch.facebook.com', 'mobile.facebook.com', 'd.facebook.com', 'free.facebook.com', '0.facebook.com',
];

function siteOfHost(h: string): Site | null {
  if (LINKEDIN_HOST.test(h)) return 'linkedin';
  if (FACEBOOK_HOST.test(h)) return 'facebook';
  if (VK_HOST.test(h)) return 'vk';
  return null;
}

/** An http(s) URL; a bare "www.linkedin.com/in/x" or "//vk.com/x" (as CRM exports write them) reads as https. */
function parse(url: string): URL | null {
  let s = url.trim();
  if (s.startsWith('//')) s = 'https:' + s;
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(s) && (/^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:[/?#]|$)/.test(s) || /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:[/?#]|$)/u.test(s))) s = 'https://' + s;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The URL's host as compared: lower case, without a trailing dot. */
function hostOf(u: URL): string {
  return u.hostname.toLowerCase().replace(/\.$/, '');
}

/** A path segment as the person typed it: percent-decoded (any hex case), Unicode NFC. */
function decode(s: string): string {
  let out = s;
  try {
    out = decodeURIComponent(s);
  } catch {
    // a lone "%" is part of the text
  }
  return out.normalize('NFC');
}

// Facebook first path segments that are features, not people. (Marked pure, as the VK list
// below: the other networks' content scripts then leave them out.)
const FB_RESERVED = /* @__PURE__ */ new Set(
  /* @__PURE__ */ ('home.php watch marketplace groups events pages gaming search messages notifications settings friends ' +
    'login login.php logout.php recover help policies privacy stories reel reels photo photo.php photos ' +
    'permalink.php story.php hashtag bookmarks saved memories fundraisers ads business games live places pg ' +
    'share sharer sharer.php dialog checkpoint l.php plugins profile.php people me find-friends messenger ' +
    'media video.php videos watchparty jobs weather offers coronavirus_info privacy_sandbox legal terms ' +
    'composer notes page_insights latest feeds business_help events_calendar').split(' '),
);
// Facebook profile tabs after the username; other tails (posts, a photo) are not the profile.
const FB_TABS = /^(?:about[\w-]*|friends[\w-]*|photos[\w-]*|videos|followers|following|sports|music|movies|tv|books|likes|map|reviews_given|reels_tab|events|groups|games|mentions|timeline)$/;

// VK first path segments that are features or other kinds of owner, not people.
const VK_RESERVED = /* @__PURE__ */ new Set(
  /* @__PURE__ */ ('feed im search friends groups settings login join restore away.php al_profile.php apps market clips ' +
    'services docs bookmarks fave support dev blog about terms legal jobs press mail help ads audio ' +
    'audios music video videos photos gifts notifications edit discover people communities messages ' +
    'calls games stickers vkpay pay id0 wall notes stats').split(' '),
);
const VK_OTHER_OWNER = /^(?:club|public|event|app|wall|photo|video|album|topic|board|page|note|write|audio|clip|market|doc|story|poll|product)-?\d/;

/** A URL's path segments as the person typed them. */
function segments(u: URL): string[] {
  return u.pathname.split('/').filter(Boolean).map(decode);
}

function siteOfUrl(u: URL): Site | null {
  return siteOfHost(hostOf(u));
}

// Each network's rule, on a parsed URL of its own host: the canonical URL of the person
// it names, or null. One rule per network, so that each content script carries only
// its own network's (canonicalProfileUrl below applies the three).

function linkedinRule(u: URL): string | null {
  const segs = segments(u);
  const at = segs[0] === 'mwlite' ? 1 : 0;
  // 2009–2016 public profiles: /pub/<name>/<3 hex parts of the member id>/ ("/pub/dir/…" is a search);
  // LinkedIn redirects both old forms to /in/ now, so a tab never shows them (SAVED)
  if (SAVED && segs[at] === 'pub') {
    const [name, ...id] = segs.slice(at + 1).map((x) => x.toLowerCase());
    const tail = id.length === 3 || (id.length === 4 && /^[a-z]{2}$/.test(id[3]));
    if (!name || name === 'dir' || !tail || !id.slice(0, 3).every((x) => /^[0-9a-f]{1,3}$/.test(x)) || !isHandle(name, 2)) return null;
    return `https://www.linkedin.com/pub/${encodeURIComponent(name)}/${id.slice(0, 3).join('/')}/`;
  }
  // 2010–2016 logged-in profile URLs: /profile/view?id=<member id>
  if (SAVED && segs[at] === 'profile' && segs[at + 1] === 'view') {
    const id = u.searchParams.get('id');
    return id && /^(?:\d{1,12}|[A-Za-z0-9_-]{20,60})$/.test(id) ? `https://www.linkedin.com/profile/view?id=${encodeURIComponent(id)}` : null;
  }
  if (segs[at] !== 'in' || !segs[at + 1]) return null;
  // Vanity handles are case-insensitive; member-id handles ("ACoAAB…", base64-like)
  // are not: folding their case could make two people one.
  const raw = segs[at + 1];
  const handle = MEMBER_ID.test(raw) ? raw : raw.toLowerCase();
  if (!isHandle(handle, 3)) return null;
  return `https://www.linkedin.com/in/${encodeURIComponent(handle)}/`;
}

function facebookRule(u: URL): string | null {
  const segs = segments(u);
  if (/^(?:l|lm|developers|business|about|m\.me)\./.test(hostOf(u))) return null;
  const byId = (id: string | null | undefined) => (id && /^\d{5,20}$/.test(id) ? `https://www.facebook.com/profile.php?id=${id}` : null);
  if (segs[0] === 'profile.php') return byId(u.searchParams.get('id'));
  // /people/<name>/<id>/ and /profile/<id>: the id names the person (otherwise read as a username below)
  const numbered = segs[0] === 'people' ? byId(segs[2]) : segs[0] === 'profile' ? byId(segs[1]) : null;
  if (numbered) return numbered;
  if (!segs[0] || segs.length > 2) return null;
  const name = segs[0].toLowerCase();
  if (FB_RESERVED.has(name) || !/^[a-z0-9.]{5,50}$/.test(name) || /^\d+$/.test(name) && name.length < 5) return null;
  if (segs[1] && !FB_TABS.test(segs[1].toLowerCase())) return null;
  return byId(name) ?? `https://www.facebook.com/${name}`;
}

function vkRule(u: URL): string | null {
  // people's pages are on the site itself, never on a service's host (oauth., api., dev., login.)
  if (!/^(?:(?:www|m|new)\.)?vk\.(?:com|ru)$/.test(hostOf(u))) return null;
  const segs = segments(u);
  if (segs.length !== 1) return null;
  const name = segs[0].toLowerCase();
  if (VK_RESERVED.has(name) || VK_OTHER_OWNER.test(name) || name.endsWith('.php')) return null;
  // a short name may begin with a digit ("4oy3eh"), never be digits alone
  if (!/^id\d+$/.test(name) && !/^(?!\d+$)[a-z0-9][a-z0-9_.]{2,31}$/.test(name)) return null;
  return `https://vk.com/${name}`;
}

// Sales Navigator's lead page: /sales/lead/<its id for the member>,<how it was found>,<token>
// (and the older /sales/people/…). The id is case-sensitive; the rest names no one. A rule of
// its own: the lead page has its own content script, LinkedIn's reader never sees it.
function salesLeadRule(u: URL): string | null {
  const segs = segments(u);
  if (segs[0] !== 'sales' || (segs[1] !== 'lead' && segs[1] !== 'people') || !segs[2] || segs.length > 3) return null;
  const id = segs[2].split(',')[0];
  return SALES_ID.test(id) ? `https://www.linkedin.com/sales/lead/${id}` : null;
}

/**
 * `rule` applied to a URL when it is an http(s) URL on one of `host`'s hosts (a network's,
 * as siteOfHost tells them). Its answers are remembered (up to 256 URLs): a read asks about
 * the tab's URL several times and each re-read asks again, and a content script's first
 * calls run uncompiled (~35 µs a URL).
 */
function onSite(host: RegExp, rule: (u: URL) => string | null): (url: string) => string | null {
  const known = new Map<string, string | null>();
  return (url) => {
    if (!known.has(url)) {
      if (known.size > 255) known.clear();
      const u = parse(url);
      known.set(url, u && host.test(hostOf(u)) ? rule(u) : null);
    }
    return known.get(url) as string | null;
  };
}

/** The canonical URL of the LinkedIn member a URL names, or null (canonicalProfileUrl's rule, for LinkedIn's content script). */
export const linkedinProfileUrl = /* @__PURE__ */ onSite(LINKEDIN_HOST, linkedinRule);

/** The canonical URL of the Sales Navigator lead a URL names, or null (canonicalProfileUrl's rule, for the lead page's content script). */
export const salesNavLeadUrl = /* @__PURE__ */ onSite(LINKEDIN_HOST, salesLeadRule);

/** The canonical URL of the Facebook person a URL names, or null (canonicalProfileUrl's rule, for Facebook's content script). */
export const facebookProfileUrl = /* @__PURE__ */ onSite(FACEBOOK_HOST, facebookRule);

/** The canonical URL of the VK person a URL names, or null (canonicalProfileUrl's rule, for VK's content script). */
export const vkProfileUrl = /* @__PURE__ */ onSite(VK_HOST, vkRule);

/**
 * The canonical URL of the person `url` names, with its site; null when the URL is
 * not a person's page (feed, search, company, group, messages, settings…).
 */
export function canonicalProfileUrl(url: string): { site: Site; profileUrl: string } | null {
  const u = parse(url);
  const site = u && siteOfUrl(u);
  if (!site) return null;
  const profileUrl = site === 'linkedin' ? linkedinRule(u) ?? salesLeadRule(u) : (site === 'facebook' ? facebookRule : vkRule)(u);
  return profileUrl ? { site, profileUrl } : null;
}

/** LinkedIn's member-id handles (as links from search and Sales Navigator carry them). */
const MEMBER_ID = /^ACo[A-Za-z0-9_-]{20,}$/;

/** Sales Navigator's id of a lead ("ACwAAB…": an opaque run of 20 letters, digits, - and _ or more). */
const SALES_ID = /^[A-Za-z0-9_-]{20,}$/;

/** Query parameters that only say how a link was followed, never whom it names. */
// (only unambiguous ad/analytics tags: a CRM may well name a record `?ref=17`)
const TRACKING = /^(?:utm_\w+|fbclid|gclid|yclid|mc_[ce]id|igshid|_hsenc|_hsmi)$/i;

/** `u` without its tracking parameters (TRACKING), changed in place: how a link was followed names no one. */
export function withoutTracking(u: URL): URL {
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  return u;
}

/**
 * The one key a profile URL is stored, deduplicated and matched by, across the
 * project (extraction, import, identity matching, merging, the database):
 * - a LinkedIn, Facebook or VK person: `canonicalProfileUrl`'s URL;
 * - any other http(s) URL: as the browser serialises it, without fragment,
 *   trailing slash and tracking parameters — every other part of the query is
 *   kept, since it may be what names the person (`profile.php?id=…`);
 * - null when it is not an http(s) URL.
 * Two different people never share a key; spellings of one URL share one.
 */
export function profileUrlKey(url: string): string | null {
  const social = canonicalProfileUrl(url);
  if (social) return social.profileUrl;
  const u = parse(url);
  if (!u || u.username || u.password) return null;
  u.hash = '';
  withoutTracking(u);
  u.pathname = u.pathname.replace(/\/+$/, '') || '/';
  return u.toString().replace(/\?$/, '');
}

/** Numeric ids and chosen names are two spellings of a key: comparable only within one kind. */
export function keyKind(profileUrl: string): 'id' | 'name' {
  // (canonical URLs only: Facebook's profile.php?id=, VK's id123, LinkedIn's /pub/ — the member id, naming the
  // same people as /in/ handles do, in other words — and Sales Navigator's /sales/lead/; only LinkedIn's end in "/")
  return /\.php\?id=|vk\.com\/id\d+$|\.com\/(?:pub|sales)\//.test(profileUrl) ? 'id' : 'name';
}
