import { newId } from '@/lib/domain/ids';
import { newId as dbNewId } from '@/lib/db/ids';

describe('newId', () => {
  it('is 16 base64url characters (96 random bits), never the same twice in 100,000', () => {
    const ids = Array.from({ length: 100_000 }, () => newId());
    for (const id of ids.slice(0, 1000)) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses every character of the alphabet, at every position (no bit lost in the encoding)', () => {
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 20_000; i++) [...newId()].forEach((ch, at) => seen[at].add(ch));
    expect(seen.map((s) => s.size)).toEqual(Array(16).fill(64));
  });

  it('is the one rule the storage layer uses', () => {
    expect(dbNewId).toBe(newId);
  });
});
