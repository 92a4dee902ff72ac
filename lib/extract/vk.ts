import type { Extraction } from './types';
import { result } from './core';
export function extractVk(_doc: Document, _url: string): Extraction {
  return result('vk', 'not-profile', null, null);
}
