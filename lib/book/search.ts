// Over 300 lines on purpose: one index structure; building, updating, compacting and
// querying share its typed arrays and its folding.
import SearchableMap from 'minisearch/SearchableMap';
import { foldWord, toLatin } from '../model/names';

// The book's full-text index: names in both scripts, companies, notes and e-mails.
// Every term is folded the way the identity matcher folds names (lib/model/names.ts:
// Cyrillic → Latin, loose phonetic spelling), on the way in and on the way out, so
// "ivan" finds "Иван", "петров" finds "Petrov" and "Dmitriy" finds "Дмитрий".
//
// Shape: MiniSearch's radix tree (SearchableMap) is the term dictionary and only
// expands a query word into the terms it matches (the last word as a prefix, the
// others whole). Each term holds a posting list of integer row numbers in typed
// arrays, with a per-posting BM25 weight. A query walks the posting lists of its
// words, rarest first, marking rows in a typed array (a row survives a word when
// the previous word marked it), and sums scores as it goes: no object per match.
// Only the surviving rows get ids, ordered by score with a radix sort.
//
// Kept current one document at a time (add / replace / discard), never rebuilt
// per keystroke: a removed or replaced document's row is marked dead and skipped;
// when dead rows pile up, the posting lists are compacted in one pass. A whole
// book can be indexed in the background in time-boxed chunks (`enqueue`), yielding
// between chunks. A search while that build is under way either finishes it first
// (complete answers: counts, exports) or, for search-as-you-type, answers from what is
// indexed so far (`search(q, limit, false)`; `indexing` says how far), so a keystroke
// never waits for more than the chunk in progress.

export interface SearchDoc {
  id: string;
  name: string;
  company?: string;
  emails?: readonly string[];
  /** the contact's notes, joined */
  notes?: string;
  /** the values of the contact's custom fields (imported columns with no field of their own) */
  custom?: readonly string[];
}

// names repeat a lot across a book: folding each distinct word once makes
// indexing 100,000 contacts several times faster
const folded = new Map<string, string | null>();

/** One term, folded; terms in scripts the fold does not cover stay lower-cased. */
export function foldTerm(term: string): string | null {
  let f = folded.get(term);
  if (f !== undefined) return f;
  const lower = term.toLowerCase();
  f = foldWord(toLatin(lower)) || lower || null;
  if (folded.size > 200_000) folded.clear();
  folded.set(term, f);
  return f;
}

/** Words split as MiniSearch splits them (spaces and punctuation). */
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;

/** A text's folded terms, in order (repeats kept). */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of text.split(SPLIT)) {
    if (!w) continue;
    const f = foldTerm(w);
    if (f) out.push(f);
  }
  return out;
}

/** The two fields: the name (ranked higher), and the rest (company, e-mails, notes, custom fields' values). */
export function fieldsOf(doc: SearchDoc): { name: string; text: string } {
  return { name: doc.name, text: [doc.company ?? '', ...(doc.emails ?? []), doc.notes ?? '', ...(doc.custom ?? [])].join(' ') };
}

/** BM25 (as MiniSearch scores): k, b, and the BM25+ floor d; a name match weighs 3× */
const K = 1.2;
const B = 0.7;
const D = 0.5;
const NAME_BOOST = 3;
/** a longer term reached by the last word as a prefix weighs less than the word itself */
const PREFIX_WEIGHT = 0.375;

/** One term's postings: rows and their weights, growing by doubling. */
class Postings {
  rows: Int32Array;
  w: Float32Array;
  n = 0;
  constructor(cap = 2) {
    this.rows = new Int32Array(cap);
    this.w = new Float32Array(cap);
  }
  push(row: number, w: number): void {
    if (this.n === this.rows.length) {
      const rows = new Int32Array(this.n * 2);
      rows.set(this.rows);
      this.rows = rows;
      const ws = new Float32Array(this.n * 2);
      ws.set(this.w);
      this.w = ws;
    }
    this.rows[this.n] = row;
    this.w[this.n++] = w;
  }
}

export interface BuildOptions {
  /** milliseconds of work per chunk before yielding (default 12) */
  budgetMs?: number;
  /** how to yield between chunks (default: a zero-delay timer) */
  yieldTo?: (next: () => void) => void;
}

const defaultYield = (next: () => void) => void setTimeout(next, 0);

export class BookIndex {
  /** term → postings, for indexing; `dict` holds the same for prefix expansion */
  private byTerm = new Map<string, Postings>();
  private dict = new SearchableMap<Postings>();
  /** row → id (undefined: dead); id → row */
  private ids: (string | undefined)[] = [];
  private rowOf = new Map<string, number>();
  private alive = new Uint8Array(1024);
  private dead = 0;
  private postings = 0;
  private nameLen = 0;
  private textLen = 0;
  /** per-query scratch, by row */
  /** per row r: the last word's stamp at [2r], the score so far at [2r + 1] (one cache line for both) */
  private mark = new Int32Array(2048);
  private score = new Float32Array(this.mark.buffer);
  /** the rows a query keeps (at most every row) */
  private cand = new Int32Array(1024);
  private stamp = 0;
  private keys = new Uint32Array(1024);
  private keys2 = new Uint32Array(1024);
  private rows2 = new Int32Array(1024);
  private radix = new Int32Array(256);
  /** documents waiting for the background build */
  private pending = new Map<string, SearchDoc>();
  private building: Promise<void> | null = null;
  private buildOpts: BuildOptions = {};

  /** @param compactAfter dead rows tolerated before compaction is considered (tests lower it) */
  constructor(private readonly compactAfter = 1000) {}

  /** Documents in the index (including those still waiting to be indexed). */
  get size(): number {
    return this.rowOf.size + this.pending.size;
  }

  has(id: string): boolean {
    return this.rowOf.has(id) || this.pending.has(id);
  }

  /** Indexes these documents now. */
  addAll(docs: Iterable<SearchDoc>): void {
    for (const d of docs) this.put(d);
  }

  /**
   * Indexes these documents in the background, in chunks of about `budgetMs`,
   * yielding between chunks. Resolves when every queued document is indexed.
   * A search (or `flush`) before then indexes the rest at once.
   */
  enqueue(docs: Iterable<SearchDoc>, opts: BuildOptions = {}): Promise<void> {
    for (const d of docs) {
      this.drop(d.id); // an indexed older version goes now; the new one waits
      this.pending.delete(d.id); // keep insertion order: latest version last
      this.pending.set(d.id, d);
    }
    this.buildOpts = opts;
    if (!this.building) {
      this.building = new Promise<void>((resolve) => {
        const step = () => {
          const t0 = performance.now();
          const budget = this.buildOpts.budgetMs ?? 12;
          let n = 0;
          for (const [id, d] of this.pending) {
            this.pending.delete(id);
            this.index(d);
            // the clock is read every 64 documents
            if ((++n & 63) === 0 && performance.now() - t0 >= budget) break;
          }
          if (this.pending.size) (this.buildOpts.yieldTo ?? defaultYield)(step);
          else {
            this.building = null;
            resolve();
          }
        };
        (this.buildOpts.yieldTo ?? defaultYield)(step);
      });
    }
    return this.building;
  }

  /** How far the background build is: null when every document is indexed. */
  get indexing(): { indexed: number; total: number } | null {
    return this.pending.size ? { indexed: this.rowOf.size, total: this.rowOf.size + this.pending.size } : null;
  }

  /** Resolves when the background build (if any) is done. */
  get ready(): Promise<void> {
    return this.building ?? Promise.resolve();
  }

  /** Drops the documents still queued (the index is being replaced): its background build stops. */
  cancel(): void {
    this.pending.clear();
  }

  /** Indexes every queued document now. */
  flush(): void {
    if (!this.pending.size) return;
    for (const d of this.pending.values()) this.index(d);
    this.pending.clear();
  }

  /** Adds or replaces one contact's document. */
  put(doc: SearchDoc): void {
    if (this.pending.has(doc.id)) {
      this.pending.set(doc.id, doc);
      return;
    }
    this.index(doc);
  }

  remove(id: string): void {
    if (this.pending.delete(id)) return;
    this.drop(id);
  }

  private drop(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    this.rowOf.delete(id);
    this.ids[row] = undefined;
    this.alive[row] = 0;
    this.dead++;
    // dead rows stay in the posting lists until they are a quarter of the rows
    if (this.dead > this.compactAfter && this.dead * 4 > this.ids.length) this.compact();
  }

  private index(doc: SearchDoc): void {
    this.drop(doc.id);
    const row = this.ids.length;
    this.ids.push(doc.id);
    this.rowOf.set(doc.id, row);
    if (row >= this.alive.length) this.grow(row + 1);
    this.alive[row] = 1;
    const { name, text } = fieldsOf(doc);
    const nt = terms(name);
    const tt = terms(text);
    this.nameLen += nt.length;
    this.textLen += tt.length;
    const docs = this.rowOf.size;
    const weights = new Map<string, number>();
    this.weigh(weights, nt, NAME_BOOST, this.nameLen / docs);
    this.weigh(weights, tt, 1, this.textLen / docs);
    for (const [t, w] of weights) {
      let p = this.byTerm.get(t);
      if (!p) {
        p = new Postings();
        this.byTerm.set(t, p);
        this.dict.set(t, p);
      }
      p.push(row, w);
      this.postings++;
    }
  }

  /** Adds each term's BM25 term-frequency part (idf comes at query time) for one field. */
  private weigh(into: Map<string, number>, ts: string[], boost: number, avg: number): void {
    if (!ts.length) return;
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    const norm = K * (1 - B + (B * ts.length) / (avg || 1));
    for (const [t, f] of tf) into.set(t, (into.get(t) ?? 0) + boost * (D + (f * (K + 1)) / (f + norm)));
  }

  private grow(min: number): void {
    let cap = this.alive.length;
    while (cap < min) cap *= 2;
    const alive = new Uint8Array(cap);
    alive.set(this.alive);
    this.alive = alive;
    this.mark = new Int32Array(2 * cap);
    this.score = new Float32Array(this.mark.buffer);
    this.cand = new Int32Array(cap);
    this.stamp = 0;
  }

  /** Drops dead rows from every posting list and renumbers the live rows densely. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    for (let r = 0; r < this.ids.length; r++) {
      const id = this.ids[r];
      if (id === undefined) continue;
      renumber[r] = ids.length;
      this.rowOf.set(id, ids.length);
      ids.push(id);
    }
    this.postings = 0;
    for (const [t, p] of this.byTerm) {
      let m = 0;
      for (let j = 0; j < p.n; j++) {
        const r = renumber[p.rows[j]];
        if (r < 0) continue;
        p.rows[m] = r;
        p.w[m++] = p.w[j];
      }
      p.n = m;
      this.postings += m;
      if (!m) {
        this.byTerm.delete(t);
        this.dict.delete(t);
      }
    }
    this.ids = ids;
    this.alive.fill(0);
    this.alive.fill(1, 0, ids.length);
    this.dead = 0;
  }

  /**
   * The rows matching every word of the query (the last word as a prefix), with
   * their scores; an empty query matches nothing (the caller shows all).
   */
  private match(q: string, finish = true): { rows: Int32Array; n: number; score: Float32Array } | null {
    // (score: by 2 × row + 1)
    if (finish) this.flush();
    const words = terms(q);
    if (!words.length) return null;
    const docs = Math.max(1, this.rowOf.size);
    // each word's terms, with how much a match through each weighs (idf × prefix weight)
    const plan = words.map((word, i) => {
      const hits: { p: Postings; weight: number }[] = [];
      let size = 0;
      const add = (term: string, p: Postings) => {
        const df = p.n;
        const idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
        const distance = term.length - word.length;
        const weight = distance ? (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) : 1;
        hits.push({ p, weight: idf * weight });
        size += p.n;
      };
      if (i === words.length - 1) for (const [term, p] of this.dict.atPrefix(word)) add(term, p);
      else {
        const p = this.byTerm.get(word);
        if (p) add(word, p);
      }
      return { hits, size };
    });
    // rarest word first: every later word only keeps rows already marked
    plan.sort((a, b) => a.size - b.size);
    if (!plan[0].size) return { rows: new Int32Array(0), n: 0, score: this.score };
    const { mark, score, alive } = this;
    if (this.stamp > 0x7fff0000) {
      mark.fill(0);
      this.stamp = 0;
    }
    const rows = this.cand;
    let n = 0;
    let prev = 0;
    for (let wi = 0; wi < plan.length; wi++) {
      const cur = ++this.stamp;
      for (const { p, weight } of plan[wi].hits) {
        const pr = p.rows;
        const pw = p.w;
        for (let j = 0; j < p.n; j++) {
          const r = pr[j];
          const m = mark[2 * r];
          if (wi === 0) {
            if (!alive[r]) continue;
            if (m !== cur) {
              mark[2 * r] = cur;
              score[2 * r + 1] = 0;
              rows[n++] = r;
            }
          } else if (m !== prev && m !== cur) continue;
          else mark[2 * r] = cur;
          score[2 * r + 1] += weight * pw[j];
        }
      }
      if (wi > 0) {
        // keep the rows this word reached
        let m = 0;
        for (let j = 0; j < n; j++) if (mark[2 * rows[j]] === cur) rows[m++] = rows[j];
        n = m;
        if (!n) break;
      }
      prev = cur;
    }
    return { rows, n, score };
  }

  /** How many documents match the query (0 for an empty query). */
  count(q: string): number {
    return this.match(q)?.n ?? 0;
  }

  /**
   * Matching ids, best first (ties: in the order the posting lists met them).
   * With `limit`, only that many. While a background build is under way, `finish`
   * false answers from the documents indexed so far instead of indexing the rest first.
   */
  search(q: string, limit = Infinity, finish = true): string[] {
    const m = this.match(q, finish);
    if (!m || !m.n) return [];
    const { rows, n, score } = m;
    // order by score, descending: scores become 24-bit keys relative to the best
    // (steps of 2^-24 of it, far below any real difference), sorted by a stable
    // three-pass radix sort over typed arrays: linear, and no comparator calls
    let max = 0;
    for (let j = 0; j < n; j++) if (score[2 * rows[j] + 1] > max) max = score[2 * rows[j] + 1];
    const scale = max > 0 ? (2 ** 24 - 1) / max : 0;
    if (this.keys.length < n) {
      const cap = Math.max(n, this.keys.length * 2);
      this.keys = new Uint32Array(cap);
      this.keys2 = new Uint32Array(cap);
      this.rows2 = new Int32Array(cap);
    }
    let keys = this.keys;
    let keys2 = this.keys2;
    let from: Int32Array = rows;
    let to: Int32Array = this.rows2;
    for (let j = 0; j < n; j++) keys[j] = 2 ** 24 - 1 - Math.round(score[2 * rows[j] + 1] * scale);
    const counts = this.radix;
    for (let shift = 0; shift < 24; shift += 8) {
      counts.fill(0);
      for (let j = 0; j < n; j++) counts[(keys[j] >>> shift) & 255]++;
      let sum = 0;
      for (let b = 0; b < 256; b++) {
        const c = counts[b];
        counts[b] = sum;
        sum += c;
      }
      for (let j = 0; j < n; j++) {
        const at = counts[(keys[j] >>> shift) & 255]++;
        keys2[at] = keys[j];
        to[at] = from[j];
      }
      const k = keys;
      keys = keys2;
      keys2 = k;
      const f = from;
      from = to;
      to = f;
    }
    const take = Math.min(n, limit);
    const out: string[] = [];
    const ids = this.ids;
    for (let j = 0; j < take; j++) out.push(ids[from[j]]!);
    return out;
  }
}

