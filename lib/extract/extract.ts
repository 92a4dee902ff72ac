import type { Extraction } from './types';
import { emptyFields } from './types';

// Placeholder until the per-site extractors land (issue 4): recognises nothing.
export function extractPage(_doc: Document, _url: string): Extraction {
  return { site: null, kind: 'not-profile', profileUrl: null, lang: null, fields: emptyFields() };
}
