// The entry point the content script and the CLI call: picks the site's extractor
// by the URL's host. Each site's hooks live in its own file (linkedin.ts,
// facebook.ts, vk.ts); see docs/extraction.md for the contract.
import type { Extraction } from './types';
import { emptyFields } from './types';
import { pageLang } from './core';
import { extractFacebook } from './facebook';
import { extractLinkedIn } from './linkedin';
import { extractVk } from './vk';
import { siteOf } from './urls';

export { canonicalProfileUrl } from './urls';
export { identityMatches } from './identity';

const EXTRACTORS = { linkedin: extractLinkedIn, facebook: extractFacebook, vk: extractVk } as const;

export function extractPage(doc: Document, url: string): Extraction {
  const site = siteOf(url);
  if (!site) return { site: null, kind: 'not-profile', profileUrl: null, lang: pageLang(doc), fields: emptyFields() };
  return EXTRACTORS[site](doc, url);
}
