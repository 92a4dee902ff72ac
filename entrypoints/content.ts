import { browser } from 'wxt/browser';
import { canonicalProfileUrl, extractPage, identityMatches } from '@/lib/extract/extract';
import type { Message } from '@/lib/messages';

// Runs on the three sites' pages, including the feeds and searches a user clicks
// a profile from (these sites are single-page apps). It only reads: no element,
// attribute or style is added to the page, no database is opened (its IndexedDB
// would be the site's), nothing is fetched. Plain TypeScript: no React, no Dexie.

const SETTLE_MS = 400; // debounce for late-rendered sections
const RETRY_MS = 300; // the old person's DOM lingers briefly after in-site navigation
const MAX_RETRIES = 8;

export default defineContentScript({
  matches: [
    // "*." also matches the bare domain (vk.com, vk.ru)
    'https://*.linkedin.com/*',
    'https://*.facebook.com/*',
    'https://*.vk.com/*',
    'https://*.vk.ru/*',
  ],
  runAt: 'document_idle',
  // WXT would otherwise window.postMessage a "content script started" note
  // that any of the site's own message listeners could read.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let lastSent = '';
    let timer: number | undefined;
    let retries = 0;
    let observer: MutationObserver | undefined;

    const send = (msg: Message) => {
      browser.runtime.sendMessage(msg).catch(() => undefined); // extension reloading
    };

    function read() {
      timer = undefined;
      if (!ctx.isValid) return;
      const url = location.href;
      const isProfile = canonicalProfileUrl(url) !== null;
      try {
        if (isProfile && identityMatches(document, url) === false && retries < MAX_RETRIES) {
          retries++;
          schedule(RETRY_MS);
          return;
        }
        const extraction = extractPage(document, url);
        const key = url + '\n' + JSON.stringify(extraction);
        if (key !== lastSent) {
          lastSent = key;
          send({ type: 'content:page-read', url, extraction });
        }
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        if (lastSent !== url + '\nerror') {
          lastSent = url + '\nerror';
          send({ type: 'content:page-error', url, error });
        }
      }
      watch(isProfile);
    }

    function schedule(ms: number) {
      if (timer !== undefined) clearTimeout(timer);
      timer = ctx.setTimeout(read, ms);
    }

    // Late rendering: only on profile pages, debounced, stopped elsewhere.
    function watch(on: boolean) {
      if (on && !observer && document.body) {
        observer = new MutationObserver(() => schedule(SETTLE_MS));
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      } else if (!on && observer) {
        observer.disconnect();
        observer = undefined;
      }
    }

    // In-site navigation, watched without dispatching anything into the page
    // (WXT's wxt:locationchange is a DOM event on the site's window). The
    // Navigation API's navigate event fires before location changes, so the
    // read waits a moment; where that API is missing, the URL is compared once
    // a second.
    const onNavigate = () => {
      retries = 0;
      schedule(50);
    };
    const nav = (globalThis as { navigation?: EventTarget }).navigation;
    if (nav?.addEventListener) {
      nav.addEventListener('navigate', onNavigate, { signal: ctx.signal });
    } else {
      let href = location.href;
      ctx.setInterval(() => {
        if (location.href !== href) {
          href = location.href;
          onNavigate();
        }
      }, 1000);
    }
    ctx.onInvalidated(() => observer?.disconnect());
    read();
  },
});
