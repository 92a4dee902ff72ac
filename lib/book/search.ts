import MiniSearch from 'minisearch';
import { foldWord, toLatin } from '../model/names';

// The book's full-text index (MiniSearch): names in both scripts, companies, notes
// and e-mails. Every term is folded the way the identity matcher folds names
// (lib/model/names.ts: Cyrillic → Latin, loose phonetic spelling), on the way in and
// on the way out, so "ivan" finds "Иван", "петров" finds "Petrov" and "Dmitriy"
// finds "Дмитрий". Kept current one document at a time (add / replace / discard),
// never rebuilt per keystroke.

export interface SearchDoc {
  id: string;
  name: string;
  company?: string;
  emails?: readonly string[];
  /** the contact's notes, joined */
  notes?: string;
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

/** Two fields: the name (ranked higher), and the rest (company, e-mails, notes). */
const FIELDS = ['name', 'text'] as const;

export class BookIndex {
  private ms: MiniSearch<SearchDoc>;

  constructor() {
    this.ms = new MiniSearch<SearchDoc>({
      fields: [...FIELDS],
      storeFields: [],
      extractField: (doc, field) =>
        field === 'id' ? doc.id : field === 'name' ? doc.name : [doc.company ?? '', ...(doc.emails ?? []), doc.notes ?? ''].join(' '),
      processTerm: foldTerm,
      searchOptions: {
        combineWith: 'AND',
        boost: { name: 3 },
        // as you type: the last word is a prefix, the words before it are whole
        prefix: (_term, i, terms) => i === terms.length - 1,
      },
      autoVacuum: { batchSize: 5000, batchWait: 10, minDirtCount: 200, minDirtFactor: 0.1 },
    });
  }

  get size(): number {
    return this.ms.documentCount;
  }

  has(id: string): boolean {
    return this.ms.has(id);
  }

  addAll(docs: readonly SearchDoc[]): void {
    this.ms.addAll(docs);
  }

  /** Adds or replaces one contact's document. */
  put(doc: SearchDoc): void {
    if (this.ms.has(doc.id)) this.ms.replace(doc);
    else this.ms.add(doc);
  }

  remove(id: string): void {
    if (this.ms.has(id)) this.ms.discard(id);
  }

  /** Matching ids, best first. An empty query matches nothing (the caller shows all). */
  search(q: string): string[] {
    if (!q.trim()) return [];
    return this.ms.search(q).map((r) => r.id as string);
  }
}
