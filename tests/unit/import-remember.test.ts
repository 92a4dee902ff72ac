import { headerSignature, recall, remember } from '@/lib/import/remember';

describe('remembered mapping-screen answers', () => {
  const h = ['Клиент', 'Товар', 'Сумма'];
  it('are found again for the same columns (case and punctuation aside), not for others', () => {
    const all = remember(null, h, 'contacts', ['name', null, null], 1);
    expect(recall(all, ['клиент', 'Товар ', 'Сумма'])).toEqual({ kind: 'contacts', mapping: ['name', null, null], at: 1 });
    expect(recall(all, ['Клиент', 'Сумма', 'Товар'])).toBeUndefined();
    expect(headerSignature(h)).toBe('клиент|товар|сумма');
  });
  it('stored data that no longer fits is ignored, not trusted', () => {
    expect(recall({ [headerSignature(h)]: { kind: 'evil', mapping: [null, null, null] } }, h)).toBeUndefined();
    expect(recall({ [headerSignature(h)]: { kind: 'contacts', mapping: ['name'] } }, h)).toBeUndefined();
    expect(recall({ [headerSignature(h)]: { kind: 'contacts', mapping: ['__proto__', null, null] } }, h)).toBeUndefined();
    expect(recall('garbage', h)).toBeUndefined();
  });
  it('keep at most 50 signatures, the newest', () => {
    let all: unknown = null;
    for (let i = 0; i < 60; i++) all = remember(all, [`c${i}`], 'contacts', ['name'], i);
    expect(Object.keys(all as object)).toHaveLength(50);
    expect(recall(all, ['c0'])).toBeUndefined();
    expect(recall(all, ['c59'])?.at).toBe(59);
  });
});
