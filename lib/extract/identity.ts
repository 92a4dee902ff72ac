// Whose profile does the DOM show? After an in-site (SPA) navigation the previous
// person's DOM lingers for a moment; the content script discards a read when the
// page's own evidence names someone other than the URL does.
// Hooks: evidence rendered with the profile body first (it is what we read), then
// the document head, which a single-page app may update at another moment.
import { first, jsonLd, meta, ofType } from './core';
import type { Site } from './types';
import { canonicalProfileUrl, keyKind, siteOf } from './urls';

type IdHook = (doc: Document) => (string | null | undefined)[];

const href = (el: Element | null) => el?.getAttribute('href');

/** <link rel="canonical">, by a walk over the few <link>s rather than a page-wide query. */
function canonical(d: Document): string | null {
  const links = d.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) if ((links[i].getAttribute('rel') ?? '').toLowerCase() === 'canonical') return links[i].getAttribute('href');
  return null;
}

const HOOKS: Record<Site, IdHook[]> = {
  linkedin: [
    // logged-in top card (2021–): "Contact info" and photo overlays link to /in/<handle>/overlay/…
    (d) => {
      const m = first(d, 'main');
      // one selector for both links: it stops at the first, near the top of the page
      return [href(first(m, 'a[href*="/overlay/contact-info"], a[href*="/overlay/photo"]'))];
    },
    // JSON-LD Person (public view)
    (d) => [ofType(jsonLd(d), 'Person')?.url as string | undefined],
    // head
    (d) => [canonical(d), meta(d, 'og:url')],
  ],
  facebook: [
    // classic timeline (–2020): the cover name links to the profile
    (d) => [href(first(d.getElementById('fb-timeline-cover-name'), 'a[href]'))],
    // head: og:url, canonical, the app link with the numeric id
    (d) => [meta(d, 'og:url'), canonical(d)],
    (d) => {
      const m = /fb:\/\/profile\/(\d+)/.exec(meta(d, 'al:android:url') ?? meta(d, 'al:ios:url') ?? '');
      return [m ? `https://www.facebook.com/profile.php?id=${m[1]}` : null];
    },
  ],
  vk: [
    // m.vk.com: the content column names its owner (<div id="mcont" data-canonical="https://vk.com/id…">)
    (d) => [d.getElementById('mcont')?.getAttribute('data-canonical')],
    // head: og:url, canonical
    (d) => [meta(d, 'og:url'), canonical(d)],
  ],
};

/**
 * true when the page's own evidence names the person `url` names; false when it
 * names someone else; null when the page gives no way to tell.
 */
export function identityMatches(doc: Document, url: string): boolean | null {
  const want = canonicalProfileUrl(url);
  if (!want) return null;
  const base = url;
  for (const hook of HOOKS[want.site]) {
    let raw: (string | null | undefined)[] = [];
    try {
      raw = hook(doc);
    } catch {
      raw = [];
    }
    for (const r of raw) {
      if (!r) continue;
      let abs: string;
      try {
        abs = new URL(r, base).href;
      } catch {
        continue;
      }
      if (siteOf(abs) !== want.site) continue;
      const got = canonicalProfileUrl(abs);
      if (!got) continue;
      if (got.profileUrl === want.profileUrl) return true;
      if (keyKind(got.profileUrl) === keyKind(want.profileUrl)) return false;
    }
  }
  return null;
}
