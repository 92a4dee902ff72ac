import { browser } from 'wxt/browser';
import type { Steps } from '@/lib/extract/core';
import { TRANSLATED, type Extraction } from '@/lib/extract/types';
import type { Message } from '@/lib/messages';

// What each site's content script runs (entrypoints/<site>.content.ts), with that
// site's reader only: on the site's pages, including the feeds and searches a user
// clicks a profile from (these sites are single-page apps). It only reads: no element,
// attribute or style is added to the page, no database is opened (its IndexedDB
// would be the site's), nothing is fetched. Plain TypeScript: no React, no Dexie.
//
// Invisible to the site, and deaf to it. WXT's usual content-script context
// announces every start with a DOM event on the page's document (which the
// site can hear) and stops on a forged one (which the site can send); this
// script is built without it (wxt.config.ts swaps WXT's wrapper for a plain
// `main()` call), so it dispatches nothing, posts nothing, sets no attribute
// or global, and listens to no event of the page's: the only event it takes
// is the browser's own `navigate` on the Navigation API (isTrusted; a copy
// the page dispatches is ignored), and a timer compares the URL where that
// API is missing. Everything it acts on is what the page shows.

const SETTLE_MS = 400; // debounce for late-rendered sections
const RETRY_MS = 300; // the old person's DOM lingers briefly after in-site navigation
const MAX_RETRIES = 8;
const POLL_MS = 1000; // URL check, a fallback for a missed or missing navigate event
const FRAME_WAIT_MS = 500; // longest wait for a drawn frame before reading anyway
const SLICE_MS = 5; // a read hands the page its thread back once this long has passed (a third of a frame: a step may run on past it)

/**
 * Runs `fn` just after the browser has drawn a frame: the page's style and layout are
 * then fresh, so what a read asks of them (whether an element is rendered) costs
 * nothing, where on a page just changed it would make the browser compute them on the
 * spot (half a second on a long profile). A hidden tab draws no frames: there it runs
 * at once, and a frame that never comes (the tab hidden meanwhile) gives way to a timer.
 */
export function afterFrame(fn: () => void): void {
  if (document.visibilityState !== 'visible' || typeof requestAnimationFrame !== 'function') {
    fn();
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(once, FRAME_WAIT_MS);
  requestAnimationFrame(() => setTimeout(once, 0));
}

/** Runs `fn` once the page's own pending work has had its turn; in a hidden tab (timers throttled to one a second) at once. */
function afterPage(fn: () => void): void {
  if (document.visibilityState !== 'visible') fn();
  else setTimeout(fn, 0);
}

/**
 * A network's content script's parts (lib/extract): its reader and its rule for a
 * person's URL (urls.ts), each that network's own, so that the script carries no
 * other network's code. The reader checks whom the page shows (identity.ts) first:
 * a page still showing the previous person reads as `identity-mismatch`.
 */
export interface SiteReader {
  read: (doc: Document, url: string) => Steps<Extraction>;
  profileUrl: (url: string) => string | null;
}

/** The reader found the page showing someone else than its address names (the previous person's DOM lingering). */
function mismatch(x: Extraction): boolean {
  return x.fields.name.via === 'identity-mismatch';
}

/**
 * Reads the page with the site's reader now, after in-site navigation and on late rendering;
 * answers the panel's layout report. A read runs in slices: a slice ends at the first
 * step boundary (the reader yields between fields) once 5 ms have passed, so even a
 * page's first read, with none of the reader's code compiled yet (25–40 ms of work),
 * holds the page no longer than about half a frame at a time. The first slice runs
 * just after a drawn frame; the next ones as soon as the page has had its turn, unless
 * the page changed meanwhile: then after the next frame too (its style fresh again).
 * (A frame before every slice cost a frame per slice: a first read of a Facebook
 * profile in 3–4 slices was sent 24–43 ms after the load event, now 17–33 ms.)
 */
export function follow({ read: readPage, profileUrl }: SiteReader): void {
  let lastSent = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retries = 0;
  let observer: MutationObserver | undefined;
  let href = location.href;
  let poll: ReturnType<typeof setInterval> | undefined;
  let reading = 0; // the read in progress: a newer read ends it
  let changed = false; // the page changed since the current slice began
  const stops = new AbortController();
  // a page the browser shows translated: Chrome and Edge mark <html> for as long as it is; Firefox marks each
  // element while it translates it (data-moz-translations-id, translations-document.sys.mjs) and nothing once
  // done, and its "show original" reloads the page: a mark seen come or go (the watch below) leaves this
  // document translated for good. The page is searched for a mark once per address (a query of the whole
  // page, not every re-read's): later marks are the watch's to see
  let mozTranslated = false;
  let searched = '';
  const translated = (url: string) => {
    if (!mozTranslated && searched !== url) mozTranslated = !!document.querySelector('[data-moz-translations-id]');
    searched = url;
    return mozTranslated || /translated-/.test(document.documentElement.className);
  };

  /** False once the extension was reloaded or removed: this script is an orphan then, and stops. */
  function alive(): boolean {
    if (!stops.signal.aborted && browser.runtime?.id == null) stop();
    return !stops.signal.aborted;
  }
  function stop() {
    stops.abort();
    if (timer !== undefined) clearTimeout(timer);
    clearInterval(poll);
    observer?.disconnect();
    observer = undefined;
  }

  const send = (msg: Message) => {
    browser.runtime.sendMessage(msg).catch(() => undefined); // extension reloading
  };

  function sendRead(url: string, extraction: Extraction) {
    const key = url + '\n' + JSON.stringify(extraction);
    if (key !== lastSent) {
      lastSent = key;
      send({ type: 'content:page-read', url, extraction });
    }
  }
  function sendError(url: string, e: unknown) {
    const error = e instanceof Error ? e.message : String(e);
    if (lastSent !== url + '\nerror') {
      lastSent = url + '\nerror';
      send({ type: 'content:page-error', url, error });
    }
  }

  function read() {
    timer = undefined;
    if (!alive()) return;
    const url = location.href;
    href = url;
    const isProfile = profileUrl(url) !== null;
    const id = ++reading;
    let steps: Steps<Extraction>;
    try {
      // a profile the browser shows translated: nothing is read until the original is shown again (the
      // page's text changes then, and the watch below reads it)
      if (isProfile && translated(url)) throw Error(TRANSLATED);
      steps = readPage(document, url);
    } catch (e) {
      sendError(url, e);
      watch(isProfile);
      return;
    }
    watch(isProfile);
    const slice = () => {
      // a newer read or another page ends this one: its fields would mix two moments or two people
      if (id !== reading || !alive() || location.href !== url) return;
      changed = false;
      const until = performance.now() + SLICE_MS;
      try {
        for (;;) {
          const r = steps.next();
          if (!r.done) {
            if (performance.now() >= until) return afterPage(resume);
            continue;
          }
          // the old person's DOM may linger after in-site navigation: read again shortly
          if (mismatch(r.value) && retries < MAX_RETRIES) {
            retries++;
            return schedule(RETRY_MS);
          }
          return sendRead(url, r.value);
        }
      } catch (e) {
        sendError(url, e);
      }
    };
    // a page changed between slices would have its style computed on the spot by the next one
    const resume = () => (changed ? afterFrame(slice) : slice());
    slice();
  }

  function schedule(ms: number) {
    if (!alive()) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => afterFrame(read), ms);
  }

  // Late rendering: only on profile pages, debounced, stopped elsewhere.
  function watch(on: boolean) {
    if (on && !observer && document.body) {
      observer = new MutationObserver((records) => {
        if (records.some((r) => r.attributeName)) mozTranslated = true;
        changed = true;
        schedule(SETTLE_MS);
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributeFilter: ['data-moz-translations-id'] });
    } else if (!on && observer) {
      observer.disconnect();
      observer = undefined;
    }
  }

  // In-site navigation. The Navigation API's navigate event fires before
  // location changes, so the read waits a moment.
  const onNavigate = () => {
    retries = 0;
    schedule(50);
  };
  const nav = (globalThis as { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigate', (e) => { if (e.isTrusted) onNavigate(); }, { signal: stops.signal });
  poll = setInterval(() => {
    if (alive() && location.href !== href) {
      href = location.href;
      onNavigate();
    }
  }, POLL_MS);

  // Words from the background (tabs.sendMessage), answered to this extension only, at once with
  // sendResponse (every browser takes that; a returned promise only the newer ones). Any word:
  // read again and send the read even if unchanged — the tab loaded since it was sent
  // (bg:read-again: the site changed its history in place, which the browser reports as a load,
  // or the page came back from the back/forward cache), and the background forgets a read no
  // content script answers for. The panel's "Save layout report" (bg:layout-report) also gets
  // the page as it is now; the panel turns it into the report (lib/extract/layout-report.ts), so
  // the page's thread and this script's size pay nothing for it.
  const fromBackground = (raw: unknown, sender: { id?: string }, answer: (reply: unknown) => void) => {
    if (!alive() || sender.id !== browser.runtime.id) return;
    // a script that has sent nothing yet is still at its first read: that one is sent anyway
    if (lastSent) {
      lastSent = '';
      schedule(0);
    }
    // with its doctype: without one the panel's parser would read the page in quirks mode
    answer((raw as { type?: unknown } | null)?.type !== 'bg:layout-report' ||
      { html: (document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '') + document.documentElement.outerHTML, url: location.href });
  };
  browser.runtime.onMessage.addListener(fromBackground);
  stops.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(fromBackground));
  afterFrame(read);
}
