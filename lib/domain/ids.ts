const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A new record id (every table's primary key): 96 random bits as 16 base64url
 * characters. Short, because IndexedDB writes a record's primary key into each of
 * its index entries: with a UUID's 36 characters the raw writes of a 100,000-contact
 * import took about a quarter longer (docs/performance.md, stop 50). Two of a million
 * ids are the same with a chance of about 10⁻¹⁷. Ids written before stay as they are.
 */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(12));
  let s = '';
  for (let i = 0; i < 12; i += 3) {
    const n = (b[i] << 16) | (b[i + 1] << 8) | b[i + 2];
    s += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  return s;
}
