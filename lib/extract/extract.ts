// The entry point the content script and the CLI call: picks the site's extractor
// by the URL's host. Each site's hooks live in its own file (linkedin.ts,
// facebook.ts, vk.ts); see docs/extraction.md for the contract.
import type { Extraction } from './types';
import { emptyFields, TRANSLATED } from './types';
import { allUnreadable, pageLang } from './core';
import { extractFacebook } from './facebook';
import { extractLinkedIn } from './linkedin';
import { extractSalesNav } from './salesnav';
import { extractVk } from './vk';
import { salesNavLeadUrl, siteOf } from './urls';

export { canonicalProfileUrl } from './urls';
export { identityMatches } from './identity';

// (Sales Navigator's lead pages are LinkedIn's, read by a reader of their own: salesnav.ts)
const EXTRACTORS = {
  linkedin: (doc: Document, url: string) => (salesNavLeadUrl(url) ? extractSalesNav(doc, url) : extractLinkedIn(doc, url)),
  facebook: extractFacebook,
  vk: extractVk,
} as const;

export function extractPage(doc: Document, url: string): Extraction {
  const site = siteOf(url);
  if (!site) return { site: null, kind: 'not-profile', profileUrl: null, lang: pageLang(doc), fields: emptyFields() };
  const x = EXTRACTORS[site](doc, url);
  // a page saved while the browser showed it translated (Chrome and Edge mark <html>): its words are a
  // machine's, and the <font>s around each of them mislead the readers: nothing of the person is read
  // (the content script refuses such a page before reading it: entrypoints/reader/follow.ts)
  return x.kind === 'profile' && /\btranslated-(?:ltr|rtl)\b/.test(doc.documentElement.className) ? { ...x, fields: allUnreadable(TRANSLATED) } : x;
}
