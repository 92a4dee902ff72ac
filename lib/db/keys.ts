import { nameKeys, parseName } from '../model/names';

// The name keys stored in the contacts' multiEntry index `nameKeys`, so that
// finding a person never scans the book. The matcher (lib/model/names.ts) decides
// what a key is: transliterated, folded words (`t:petrov`) and surname+initial
// pairs (`s:petrov|i`), so "Иван Петров" and "Ivan Petrov" share keys.
export const keysForName = nameKeys;

/** Prefixes of word keys for search-as-you-type ("петр" → `t:petr`). */
export function searchPrefixes(query: string): string[] {
  return parseName(query).full.map((t) => `t:${t.key}`);
}
