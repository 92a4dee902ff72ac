// Whose profile does the DOM show? After an in-site (SPA) navigation the previous
// person's DOM lingers for a moment; the content script discards a read when the
// page's own evidence names someone other than the URL does.
// Hooks: evidence rendered with the profile body first (it is what we read), then
// the document head, which a single-page app may update at another moment.
import { first, jsonLd, meta, ofType } from './core';
import { facebookProfileUrl, keyKind, linkedinProfileUrl, siteOf, vkProfileUrl } from './urls';

type IdHook = (doc: Document) => (string | null | undefined)[];

const href = (el: Element | null) => el?.getAttribute('href');

/** <link rel="canonical">, in the head (a page-wide query would walk a long page when there is none). */
const canonical = (d: Document) => href(first(d.head, '[rel=canonical]'));

// one list per network, so that each content script carries only its own
const LINKEDIN_HOOKS: IdHook[] = [
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
];

const FACEBOOK_HOOKS: IdHook[] = [
  // classic timeline (–2020): the cover name links to the profile
  (d) => [href(first(d.getElementById('fb-timeline-cover-name'), 'a[href]'))],
  // head: og:url, canonical, the app link with the numeric id
  (d) => [meta(d, 'og:url'), canonical(d)],
  (d) => {
    const m = /fb:\/\/profile\/(\d+)/.exec(meta(d, 'al:android:url') ?? meta(d, 'al:ios:url') ?? '');
    return [m ? `https://www.facebook.com/profile.php?id=${m[1]}` : null];
  },
];

const VK_HOOKS: IdHook[] = [
  // m.vk.com: the content column names its owner (<div id="mcont" data-canonical="https://vk.com/id…">)
  (d) => [d.getElementById('mcont')?.getAttribute('data-canonical')],
  // head: og:url, canonical
  (d) => [meta(d, 'og:url'), canonical(d)],
];

/**
 * true when the page's own evidence (found by `hooks`) names the person `url` names;
 * false when it names someone else; null when the page gives no way to tell.
 * `profileUrl` is the network's canonical-URL rule.
 */
function matches(doc: Document, url: string, hooks: IdHook[], profileUrl: (url: string) => string | null): boolean | null {
  const want = profileUrl(url);
  if (!want) return null;
  for (const hook of hooks) {
    let raw: (string | null | undefined)[];
    try {
      raw = hook(doc);
    } catch {
      continue; // (a hook that fails says nothing)
    }
    for (const r of raw) {
      // (a link a page-saving tool rewrote to its local copy, "anna.kowalska.html", names no one)
      if (!r || /^[^/:]+\.html?$/i.test(r)) continue;
      let abs: string;
      try {
        abs = new URL(r, url).href;
      } catch {
        continue;
      }
      const got = profileUrl(abs); // (null for another network's URL, as for a non-person one)
      if (!got) continue;
      if (got === want) return true;
      if (keyKind(got) === keyKind(want)) return false;
    }
  }
  return null;
}

/** `identityMatches` on a LinkedIn page. */
export function linkedinIdentity(doc: Document, url: string): boolean | null {
  return matches(doc, url, LINKEDIN_HOOKS, linkedinProfileUrl);
}

/** `identityMatches` on a Facebook page. */
export function facebookIdentity(doc: Document, url: string): boolean | null {
  return matches(doc, url, FACEBOOK_HOOKS, facebookProfileUrl);
}

/** `identityMatches` on a VK page. */
export function vkIdentity(doc: Document, url: string): boolean | null {
  return matches(doc, url, VK_HOOKS, vkProfileUrl);
}

/**
 * true when the page's own evidence names the person `url` names; false when it
 * names someone else; null when the page gives no way to tell (or `url` is no
 * person's page). A content script calls its own network's function above.
 */
export function identityMatches(doc: Document, url: string): boolean | null {
  const site = siteOf(url);
  return site === 'linkedin' ? linkedinIdentity(doc, url) : site === 'facebook' ? facebookIdentity(doc, url) : site === 'vk' ? vkIdentity(doc, url) : null;
}
