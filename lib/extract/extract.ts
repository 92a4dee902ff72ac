// The entry point the content script and the CLI call: picks the site's extractor
// by the URL's host. Each site's hooks live in its own file (linkedin.ts,
// facebook.ts, vk.ts); see docs/extraction.md for the contract.
import type { Extraction } from './types';
import { emptyFields } from './types';
import { pageLang } from './core';
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
  return EXTRACTORS[site](doc, url);
}
