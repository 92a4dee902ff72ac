// A hostile site's view of its own page, shared by the Chromium and Firefox
// privacy suites. PROBE is installed in the page's own world before any page
// script (Playwright's addInitScript, puppeteer's evaluateOnNewDocument) and
// records every signal the page did not cause itself:
// - events: a capturing listener on window and document for every event type
//   the browser knows (every `on…` property) plus the custom names a framework
//   would use (WXT's, under the extension ids given); an untrusted event the
//   page did not dispatch through its own (wrapped) EventTarget.prototype.dispatchEvent
//   is foreign;
// - messages: a `message` event whose data the page did not post itself
//   (window.postMessage wrapped);
// - DOM: a MutationObserver on the whole document (children, attributes,
//   text, old values); once parsing is done, any record outside the page's
//   own changes (made through __tiewiseProbe.own) is foreign;
// - globals: own property names (and symbols) of window, at DOMContentLoaded
//   and at report time;
// - storage: the page's localStorage, sessionStorage and cookies, the same.
// Plain JS in a string: both drivers inject it as is, nothing transpiled.

export interface ProbeReport {
  foreign: string[];
  /** untrusted events the page dispatched itself, and heard */
  ownEvents: number;
  /** trusted events heard (the browser's own; listed for the record) */
  trustedTypes: string[];
  /** event types listened to */
  listened: number;
  mutationsOwn: number;
  globalsAdded: string[];
  url: string;
}

/** Custom event names WXT uses for a content script named `content`, for each extension id. */
export function wxtEventNames(ids: string[]): string[] {
  return ids.flatMap((id) => [`${id}:content:wxt:content-script-started`, `${id}:content:wxt:locationchange`]);
}

export function probeScript(extraTypes: string[]): string {
  return `(() => {
  if (window.__tiewiseProbe) return;
  const EXTRA = ${JSON.stringify(extraTypes)};
  const foreign = [];
  const ownEvents = new WeakSet();
  const seenEvents = new WeakSet();
  const ownPosts = [];
  const trusted = new Set();
  let heardOwn = 0, mutationsOwn = 0, parsed = false, names0 = null;
  const describe = (t) => t === window ? 'window' : t === document ? 'document' : (t && t.nodeName ? t.nodeName.toLowerCase() + (t.id ? '#' + t.id : '') : String(t));
  const dispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (e) { ownEvents.add(e); return dispatch.call(this, e); };
  const post = window.postMessage;
  window.postMessage = function (data, ...rest) { try { ownPosts.push(JSON.stringify(data)); } catch (_) { ownPosts.push('?'); } return post.call(this, data, ...rest); };
  const types = new Set(['message', 'messageerror', 'DOMContentLoaded', 'wxt:locationchange', 'wxt:content-script-started', 'content-script-started', 'locationchange', ...EXTRA]);
  for (const o of [window, Window.prototype, Document.prototype, Element.prototype, HTMLElement.prototype, Node.prototype, EventTarget.prototype]) {
    let p = o;
    while (p) { for (const k of Object.getOwnPropertyNames(p)) if (k.startsWith('on') && k.length > 2) types.add(k.slice(2)); p = Object.getPrototypeOf(p); }
  }
  const hear = (e) => {
    if (seenEvents.has(e)) return;
    seenEvents.add(e);
    if (ownEvents.has(e)) { heardOwn++; return; }
    if (e.type === 'message' || e.type === 'messageerror') {
      let d; try { d = JSON.stringify(e.data); } catch (_) { d = '?'; }
      const i = ownPosts.indexOf(d);
      if (i >= 0) { ownPosts.splice(i, 1); return; }
      foreign.push('message ' + String(d).slice(0, 200));
      return;
    }
    if (!e.isTrusted) { foreign.push('event ' + e.type + ' on ' + describe(e.target)); return; }
    trusted.add(e.type);
  };
  for (const t of types) { window.addEventListener(t, hear, true); document.addEventListener(t, hear, true); }
  const mo = new MutationObserver((records) => {
    if (!parsed) return;
    for (const r of records) foreign.push('mutation ' + r.type + ' ' + describe(r.target) + (r.attributeName ? ' @' + r.attributeName : '') + (r.addedNodes && r.addedNodes.length ? ' +' + r.addedNodes.length : '') + (r.removedNodes && r.removedNodes.length ? ' -' + r.removedNodes.length : ''));
  });
  mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });
  const names = () => [...Object.getOwnPropertyNames(window), ...Object.getOwnPropertySymbols(window).map(String)];
  const stored = () => { try { return JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage), document.cookie]); } catch (_) { return 'unreadable'; } };
  let stored0 = null;
  const ready = () => { mo.takeRecords(); parsed = true; names0 = names(); stored0 = stored(); };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready, { once: true, capture: true }); else ready();
  Object.defineProperty(window, '__tiewiseProbe', { enumerable: false, configurable: false, value: Object.freeze({
    own(fn) { const r = fn(); mutationsOwn += mo.takeRecords().length; return r; },
    report() {
      for (const r of mo.takeRecords()) foreign.push('mutation ' + r.type + ' ' + describe(r.target));
      const before = new Set(names0 || []);
      if (stored0 !== null && stored() !== stored0) foreign.push('storage ' + stored());
      return { foreign: foreign.slice(), ownEvents: heardOwn, trustedTypes: [...trusted].sort(), listened: types.size, mutationsOwn,
        globalsAdded: names().filter((n) => !before.has(n) && n !== '__tiewiseProbe'), url: location.href };
    },
  }) });
})();`;
}

/**
 * Page-world code (run through page.evaluate): what a hostile page would send
 * to switch a content script off or confuse it — WXT's "a newer script
 * started" event and message under every given extension id, its location
 * event, and forged navigation, history and lifecycle events. Returns how
 * many it sent.
 */
export const FORGE = (ids: string[]): number => {
  let n = 0;
  const send = (t: EventTarget, e: Event) => { t.dispatchEvent(e); n++; };
  for (const id of ids) {
    const started = `${id}:content:wxt:content-script-started`;
    const detail = { contentScriptName: 'content', messageId: 'forged-by-the-page' };
    send(document, new CustomEvent(started, { detail }));
    send(window, new CustomEvent(started, { detail }));
    window.postMessage({ type: started, ...detail }, '*');
    n++;
    send(window, new CustomEvent(`${id}:content:wxt:locationchange`, { detail: { newUrl: 'https://evil.example/', oldUrl: location.href } }));
  }
  for (const t of ['wxt:locationchange', 'wxt:content-script-started', 'popstate', 'hashchange', 'visibilitychange', 'pagehide', 'pageshow', 'freeze', 'resume', 'beforeunload', 'unload', 'DOMContentLoaded', 'load', 'readystatechange', 'abort']) {
    send(window, new Event(t));
    send(document, new Event(t));
  }
  const nav = (window as unknown as { navigation?: EventTarget }).navigation;
  if (nav) {
    send(nav, new Event('navigate'));
    send(nav, new Event('navigatesuccess'));
    send(nav, new Event('currententrychange'));
  }
  return n;
};

/**
 * Page-world code: an in-site navigation as a single-page app does it — the
 * URL changes first (pushState), the old person's DOM lingers, then the new
 * one renders late. The DOM change goes through the probe as the page's own.
 */
export const NAVIGATE = async ([url, html, lagMs]: [string, string, number]): Promise<void> => {
  history.pushState({}, '', url);
  await new Promise((r) => setTimeout(r, lagMs));
  const probe = (window as unknown as { __tiewiseProbe?: { own<T>(fn: () => T): T } }).__tiewiseProbe;
  const render = () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.importNode(doc.body, true));
  };
  if (probe) probe.own(render);
  else render();
};

/** Two profiles per site: the page loaded, and the person an in-site navigation goes to (none in the demo book, so the panel shows the names read). */
export const INVISIBLE_SITES = [
  { site: 'linkedin', a: 'linkedin/li-new-en.html', b: 'linkedin/li-nav-b-en.html' },
  { site: 'facebook', a: 'facebook/fb-few-en.html', b: 'facebook/fb-old-en.html' },
  { site: 'vk', a: 'vk/vk-emoji-en.html', b: 'vk/vk-closed-en.html' },
] as const;

export interface SiteRun {
  site: string;
  /** profile URL the content script reported after each step (null: nothing within the wait) */
  afterLoad: string | null;
  afterNavigate: string | null;
  afterForge: string | null;
  /** the last report the background got before the forgery, and after it (the same when forged events changed nothing) */
  stateBeforeForge: string;
  stateAfterForge: string;
  forged: number;
  report: ProbeReport;
}

/** What the scenario needs from a browser driver (Playwright or puppeteer pages both fit). */
export interface Driver<P> {
  /** a new page (window) with PROBE installed, at `url` */
  open(url: string): Promise<P>;
  evaluate<A, R>(page: P, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(page: P): Promise<void>;
  /** what the background last stored for the tab showing `page`: url + profileUrl, or '' */
  lastRead(page: P): Promise<{ url: string; profileUrl: string | null; at: number } | null>;
  /** called with the page before it is closed (e.g. to read what the panel shows now) */
  afterSite?(page: P, site: string): Promise<void>;
  fixture(file: string): string;
  urlOf(file: string): string;
  profileUrlOf(file: string): string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitRead<P>(d: Driver<P>, page: P, profileUrl: string, ms = 15_000): Promise<string | null> {
  const end = Date.now() + ms;
  let last: string | null = null;
  while (Date.now() < end) {
    const r = await d.lastRead(page);
    last = r?.profileUrl ?? null;
    if (last === profileUrl) return last;
    await sleep(150);
  }
  return last;
}

/**
 * On each site: load A, wait for the read; in-site navigation to B with a
 * late render, wait for the read; forge every event a page could use against
 * the content script; navigate back to A; wait for the read. The probe
 * watches all along.
 */
export async function runInvisibility<P>(d: Driver<P>, ids: string[]): Promise<SiteRun[]> {
  const out: SiteRun[] = [];
  for (const s of INVISIBLE_SITES) {
    const page = await d.open(d.urlOf(s.a));
    const afterLoad = await waitRead(d, page, d.profileUrlOf(s.a));
    await sleep(600); // past the content script's settle time
    await d.evaluate(page, NAVIGATE, [d.urlOf(s.b), d.fixture(s.b), 250] as [string, string, number]);
    const afterNavigate = await waitRead(d, page, d.profileUrlOf(s.b));
    await sleep(600);
    const before = await d.lastRead(page);
    const forged = await d.evaluate(page, FORGE, ids);
    await sleep(1200); // whatever the forged events would trigger has had its chance
    const after = await d.lastRead(page);
    await d.evaluate(page, NAVIGATE, [d.urlOf(s.a), d.fixture(s.a), 250] as [string, string, number]);
    const afterForge = await waitRead(d, page, d.profileUrlOf(s.a));
    await sleep(1000); // anything late
    const report = await d.evaluate(page, () => (window as unknown as { __tiewiseProbe: { report(): ProbeReport } }).__tiewiseProbe.report(), undefined);
    out.push({
      site: s.site, afterLoad, afterNavigate, afterForge, forged, report,
      stateBeforeForge: JSON.stringify(before), stateAfterForge: JSON.stringify(after),
    });
    await d.afterSite?.(page, s.site);
    await d.close(page);
  }
  return out;
}

/** Text a content script bundle must not contain: ways to signal the page, and WXT's context. */
export const BUNDLE_SIGNALS = [
  /dispatchEvent/, /postMessage/, /CustomEvent/, /content-script-started/, /wxt:locationchange/, /new Event\(/,
  /setAttribute/, /\.dataset\b/, /localStorage/, /sessionStorage/, /document\.cookie/, /pushState|replaceState/,
  /\.focus\(/, /scrollTo|scrollIntoView/,
];
