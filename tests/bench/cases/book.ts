import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BookModel } from '@/lib/book/model';
import { compile } from '@/lib/book/rule';
import { toRow, type BookRow } from '@/lib/book/row';
import type { SearchDoc } from '@/lib/book/search';
import { NETWORK_TYPES, Stage, type Condition, type Contact } from '@/lib/domain/entities';
import { generateBook, prng } from '../gen-book';
import { result, timePair, type BenchCase } from '../harness';
import { DAY } from '@/lib/domain/time';

// The book page at 100,000 contacts (tests/bench/gen-book.ts's synthetic book):
// 1. search-as-you-type: its own case, tests/bench/cases/book-search.ts (no
//    database needed), over the same book;
// 2. a smart-group count over the BookModel against the same compiled rule over
//    the same rows in a plain array (what the count must not cost more than);
// 3. the heap the book view's structures (rows + index) hold, against the heap of
//    the raw contact objects themselves.

const N = 100_000;
const NOW = Date.UTC(2025, 0, 1);

function book(): { contacts: Contact[]; products: Map<string, string[]> } {
  const b = generateBook({ contacts: N, products: 400, purchases: 60_000, now: NOW, seed: 7 });
  const rnd = prng(11);
  const stages = Stage.options;
  for (const c of b.contacts) {
    // the derived fields the book filters on (gen-book leaves them to the model)
    c.networkType = NETWORK_TYPES[Math.floor(rnd() * NETWORK_TYPES.length)];
    c.stage = rnd() < 0.7 ? stages[Math.floor(rnd() * stages.length)] : null;
    c.tieScore = Math.round(rnd() * 1000) / 1000;
    if (rnd() < 0.8) c.lastContactAt = NOW - Math.floor(rnd() * 400) * DAY;
  }
  const products = new Map<string, string[]>();
  for (const p of b.purchases) {
    const a = products.get(p.contactId);
    if (a) a.push(p.productId);
    else products.set(p.contactId, [p.productId]);
  }
  return { contacts: b.contacts, products };
}

function docOf(c: Contact): SearchDoc {
  return { id: c.id, name: c.name, company: c.company, emails: c.emails };
}

function buildModel(contacts: readonly Contact[], products: Map<string, string[]>): BookModel {
  const m = new BookModel();
  m.load(contacts.map((c) => toRow(c, { products: products.get(c.id) })), contacts.map(docOf), []);
  m.index.flush(); // the whole index, not a build still under way, counts in the memory figure
  return m;
}

function gcFn(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

const MB = 1024 * 1024;

/** The JS heap plus typed arrays' backing stores (the index keeps its postings there, off the heap). */
function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const bookCase: BenchCase = {
  id: 'book',
  async run() {
    const { contacts, products } = book();
    const model = buildModel(contacts, products);

    // 2. smart-group count: "champions in Moscow-area cities not contacted in 90 days, or who bought a product"
    const rule: Condition = {
      all: [
        { field: 'networkType', op: 'is', value: 'strong-tie-champion' },
        { any: [{ field: 'daysSinceContact', op: 'gt', value: 90 }, { field: 'tieScore', op: 'lt', value: 0.2 }] },
        { field: 'city', op: 'contains', value: 'mo' },
      ],
    };
    // the baseline: the same compiled predicate over the same rows, held in a plain array
    const rowList: BookRow[] = [...model.rows.values()];
    const pred = compile(rule, NOW);
    const expected = model.count(rule, NOW);
    const plain = () => {
      let n = 0;
      for (const r of rowList) if (pred(r)) n++;
      return n;
    };
    if (plain() !== expected) throw new Error(`counts differ: model ${expected}, plain filter ${plain()}`);
    const count = await timePair(() => model.count(rule, NOW), plain, 9);

    // 3. memory: the rows + index the page holds, against the raw contact objects (each measured on its own deep copy)
    const gc = gcFn();
    gc();
    let m0 = heldBytes();
    let raw: Contact[] | null = structuredClone(contacts);
    gc();
    const rawBytes = heldBytes() - m0;
    raw = null;
    gc();
    m0 = heldBytes();
    let copy: Contact[] | null = structuredClone(contacts);
    const held: BookModel | null = buildModel(copy, products);
    copy = null; // the page drops the records it read; the rows keep what they need
    gc();
    const modelBytes = heldBytes() - m0;
    const rows: BookRow[] = [...held.rows.values()];
    void raw;

    return [
      result({
        name: `smart-group count (${expected.toLocaleString('en')} of ${N.toLocaleString('en')}): BookModel vs the same predicate over the same in-memory rows`,
        samples: count, unit: 'ms', better: 'lower', target: 1.3, where: 'node',
        baselineIs: 'the same compiled predicate over the same rows in a plain array: the count costs no more than the filter itself (the old fake-indexeddb baseline measured fake-indexeddb)',
      }),
      result({
        name: `book view memory with ${rows.length.toLocaleString('en')} contacts (rows + index) vs the raw contact objects`,
        value: modelBytes / MB, baseline: rawBytes / MB, unit: 'MB', better: 'lower', target: 1.5, where: 'node heap + array buffers',
        baselineIs: 'a deep copy of the raw contact objects: what holding the book at all costs; the page keeps rows + index instead',
      }),
    ];
  },
};
export default bookCase;
