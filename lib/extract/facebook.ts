import type { Extraction } from './types';
import { result } from './core';
export function extractFacebook(_doc: Document, _url: string): Extraction {
  return result('facebook', 'not-profile', null, null);
}
