// The name keys stored in the contacts' multiEntry index `nameKeys`, so that
// finding a person never scans the book. The matcher's own normalisation
// (lib/model/names.ts) decides what a key is; this file only adapts it.
export function keysForName(name: string): string[] {
  const tokens = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(tokens)];
}
