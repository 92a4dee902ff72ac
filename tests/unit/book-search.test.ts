import fc from 'fast-check';
import { BookIndex, fieldsOf, terms, type SearchDoc } from '@/lib/book/search';

// The index against the definition it implements: a document matches when every
// query word but the last is one of its (folded) terms, and the last word starts
// one of them. A linear scan over the same documents is the oracle.

function scan(docs: Iterable<SearchDoc>, q: string): string[] {
  const words = terms(q);
  if (!words.length) return [];
  const out: string[] = [];
  for (const d of docs) {
    const { name, text } = fieldsOf(d);
    const ts = new Set([...terms(name), ...terms(text)]);
    const ok = words.every((w, i) => (i === words.length - 1 ? [...ts].some((t) => t.startsWith(w)) : ts.has(w)));
    if (ok) out.push(d.id);
  }
  return out.sort();
}

const FIRST = ['Иван', 'Ivan', 'Ivanka', 'Юлия', 'Julia', 'Yulia', 'Anna', 'Анна', 'Dmitriy', 'Дмитрий', 'Sigríður', 'Guðrún', 'Maria', 'Mario', 'Nik', 'Никита'];
const LAST = ['Petrov', 'Петров', 'Петрова', 'Ivanov', 'Иванов', 'Smith', 'Smirnova', 'Смирнова', 'Kowalski', 'Müller', 'Mueller', "O'Brien", 'García', 'Garcia'];
const COMPANY = ['Acme Inc.', 'Globex', 'ООО «Ромашка»', 'Initech LLC', 'Sigurðsson ehf.', 'Petrov & Sons', ''];
const WORDS = [...FIRST, ...LAST, 'acme', 'glob', 'inc', 'romash', 'ив', 'i', 'o', 'brien', 'gar', 'smi', 'an', 'sig', 'yul', 'петр', 'nik', 'ник', 'com', 'example'];

const arbDoc = (id: fc.Arbitrary<string>) =>
  fc.record({
    id,
    name: fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([f, l]) => `${f} ${l}`),
    company: fc.constantFrom(...COMPANY),
    emails: fc.array(fc.tuple(fc.constantFrom(...FIRST, ...LAST), fc.constantFrom('acme.com', 'globex.example', 'mail.ru')).map(([u, d]) => `${u.toLowerCase()}@${d}`), { maxLength: 2 }),
    notes: fc.option(fc.constantFrom('met at the expo', 'ivan knows her', 'prefers e-mail'), { nil: undefined }),
  });
const arbQuery = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 })
  .chain((ws) => fc.constantFrom(' ', ', ', '.', '  ').map((sep) => ws.join(sep)))
  .chain((q) => fc.nat(q.length).map((cut) => q.slice(0, Math.max(1, q.length - cut)))); // typed so far

const ids = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `c${i}`));

describe('BookIndex against a linear scan (property)', () => {
  it('finds exactly what the scan finds, each id once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbDoc(ids), { selector: (d) => d.id, maxLength: 12 }), fc.array(arbQuery, { minLength: 1, maxLength: 8 }), (docs, qs) => {
        const ix = new BookIndex();
        ix.addAll(docs);
        for (const q of qs) {
          const got = ix.search(q);
          expect(new Set(got).size).toBe(got.length);
          expect([...got].sort()).toEqual(scan(docs, q));
          expect(ix.count(q)).toBe(got.length);
          // a limit takes the head of the same order
          expect(ix.search(q, 2)).toEqual(got.slice(0, 2));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays equal to the scan through adds, replacements, removals, background builds and compactions', () => {
    type Op = { kind: 'put'; doc: SearchDoc } | { kind: 'remove'; id: string } | { kind: 'enqueue'; docs: SearchDoc[] } | { kind: 'query'; q: string };
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 4, arbitrary: arbDoc(ids).map((doc) => ({ kind: 'put' as const, doc })) },
      { weight: 2, arbitrary: ids.map((id) => ({ kind: 'remove' as const, id })) },
      { weight: 1, arbitrary: fc.array(arbDoc(ids), { maxLength: 4 }).map((docs) => ({ kind: 'enqueue' as const, docs })) },
      { weight: 3, arbitrary: arbQuery.map((q) => ({ kind: 'query' as const, q })) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.constantFrom(0, 2, 1000), (ops, compactAfter) => {
        const ix = new BookIndex(compactAfter);
        const live = new Map<string, SearchDoc>();
        const steps: (() => void)[] = [];
        for (const o of ops) {
          if (o.kind === 'put') {
            ix.put(o.doc);
            live.set(o.doc.id, o.doc);
          } else if (o.kind === 'remove') {
            ix.remove(o.id);
            live.delete(o.id);
          } else if (o.kind === 'enqueue') {
            void ix.enqueue(o.docs, { budgetMs: 0, yieldTo: (next) => steps.push(next) });
            for (const d of o.docs) live.set(d.id, d);
            // let a step of the background build run now and then
            if (steps.length && o.docs.length % 2) steps.shift()!();
          } else {
            expect([...ix.search(o.q)].sort()).toEqual(scan(live.values(), o.q));
          }
          expect(ix.size).toBe(live.size);
          for (const id of live.keys()) expect(ix.has(id)).toBe(true);
        }
        while (steps.length) steps.shift()!();
        for (const q of ['ivan', 'petrov', 'acme', 'a', 'i']) expect([...ix.search(q)].sort()).toEqual(scan(live.values(), q));
      }),
      { numRuns: 300 },
    );
  });
});

describe('BookIndex ranking and background build', () => {
  it('ranks a whole-word name match above a longer name it prefixes, and a name above an e-mail', () => {
    const ix = new BookIndex();
    ix.addAll([
      { id: 'ivanka', name: 'Ivanka Smith' },
      { id: 'mail', name: 'Olga Orlova', emails: ['ivan@acme.com'] },
      { id: 'ivan', name: 'Ivan Petrov' },
    ]);
    expect(ix.search('ivan')).toEqual(['ivan', 'ivanka', 'mail']);
    expect(ix.search('ivan', 1)).toEqual(['ivan']);
    expect(ix.search('  ')).toEqual([]);
    expect(ix.count('')).toBe(0);
  });

  it('indexes a queued book in chunks, yielding between them; a search before the end sees every document', async () => {
    const docs: SearchDoc[] = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, name: i % 2 ? `Иван Петров${i}` : `Anna Smith${i}` }));
    const ix = new BookIndex();
    const steps: (() => void)[] = [];
    const done = ix.enqueue(docs, { budgetMs: 0, yieldTo: (next) => steps.push(next) });
    expect(ix.size).toBe(2000);
    steps.shift()!(); // one chunk: 64 documents, then it yields
    expect(steps.length).toBe(1);
    expect(ix.search('ivan')).toHaveLength(1000); // the rest is indexed on demand
    while (steps.length) steps.shift()!();
    await done;
    await ix.ready;
    expect(ix.search('anna')).toHaveLength(1000);
  });

  it('answers search-as-you-type from what is indexed so far, without indexing the rest on the keystroke', async () => {
    const docs: SearchDoc[] = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, name: i % 2 ? `Иван Петров${i}` : `Anna Smith${i}` }));
    const ix = new BookIndex();
    const steps: (() => void)[] = [];
    const done = ix.enqueue(docs, { budgetMs: 0, yieldTo: (next) => steps.push(next) });
    steps.shift()!(); // one chunk: 64 documents
    expect(ix.indexing).toEqual({ indexed: 64, total: 2000 });
    const soFar = ix.search('ivan', Infinity, false);
    expect(soFar).toHaveLength(32); // the odd ones among the first 64
    expect(soFar.every((id) => Number(id.slice(1)) < 64)).toBe(true);
    expect(ix.indexing).toEqual({ indexed: 64, total: 2000 }); // the keystroke indexed nothing more
    while (steps.length) steps.shift()!();
    await done;
    expect(ix.indexing).toBeNull();
    expect(ix.search('ivan', Infinity, false)).toHaveLength(1000);
  });

  it('stops a background build when cancelled (the model replaced the index)', async () => {
    const ix = new BookIndex();
    const steps: (() => void)[] = [];
    const done = ix.enqueue(Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, name: `Anna ${i}` })), { budgetMs: 0, yieldTo: (next) => steps.push(next) });
    steps.shift()!();
    ix.cancel();
    while (steps.length) steps.shift()!();
    await done;
    expect(ix.size).toBe(64);
  });

  it('builds in the background by default and resolves `ready`', async () => {
    const ix = new BookIndex();
    void ix.enqueue(Array.from({ length: 300 }, (_, i) => ({ id: `c${i}`, name: `Юлия Смирнова ${i}` })));
    await ix.ready;
    expect(ix.count('julia smirn')).toBe(300);
  });
});
