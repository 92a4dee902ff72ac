import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '@/lib/domain/lazy-schema';
import { Contact, Provenance } from '@/lib/domain/entities';

describe('lazySchema', () => {
  it('builds the schema on its first use, once', () => {
    let built = 0;
    const Point = lazySchema(() => {
      built++;
      return z.object({ x: z.number(), y: z.number() });
    });
    expect(built).toBe(0);
    expect(Point.parse({ x: 1, y: 2 })).toEqual({ x: 1, y: 2 });
    expect(Point.safeParse({ x: 'a' }).success).toBe(false);
    expect(built).toBe(1);
  });

  it('reads as the schema it builds: nested, wrapped, extended, listed', () => {
    const Inner = lazySchema(() => z.object({ n: z.number() }));
    const Outer = lazySchema(() => z.object({ inner: Inner, more: z.array(Inner).optional() }));
    expect(Outer.parse({ inner: { n: 1 }, more: [{ n: 2 }] })).toEqual({ inner: { n: 1 }, more: [{ n: 2 }] });
    expect(() => Outer.parse({ inner: { n: 'x' } })).toThrow();
    expect(Inner.optional().parse(undefined)).toBeUndefined();
    expect(Inner.extend({ m: z.string() }).parse({ n: 1, m: 'a' })).toEqual({ n: 1, m: 'a' });
    expect(Object.keys(Inner.shape)).toEqual(['n']);
    expect(Inner instanceof z.ZodType).toBe(true);
    expect('parse' in Inner).toBe(true);
  });

  it('keeps the entities as strict as before', () => {
    expect(Provenance.safeParse({ kind: 'import', at: 1 }).success).toBe(true);
    expect(Provenance.safeParse({ kind: 'nonsense', at: 1 }).success).toBe(false);
    const c = Contact.safeParse({ id: 'a', name: 'Anna', emails: [], phones: [], tags: [], source: { kind: 'user', at: 1 }, createdAt: 1, updatedAt: 1 });
    expect(c.success).toBe(true);
    expect(Contact.safeParse({ id: 'a', name: 42 }).success).toBe(false);
  });
});
