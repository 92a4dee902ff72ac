import { NETWORK_TYPES, Stage, type Condition } from '../domain/entities';
import { compile } from './rule';
import { BookIndex, type SearchDoc } from './search';
import { customValue, type BookRow } from './row';
import { DAY } from '../domain/time';
import { ownerCounts, type OwnerCount } from './owner';

// The book as the full-page view holds it: one small row per contact in a Map, the
// full-text index beside it, and the groups. It lives outside React: components
// keep only the current query's ids (a plain array) and a version number, and
// render the rows the virtual list shows. Changes arrive one contact at a time
// (upsert / remove) and bump the version; sorted orders and group counts are
// cached per version.

export const SORT_KEYS = ['name', 'company', 'position', 'networkType', 'stage', 'tieScore', 'networks', 'lastContactAt', 'groups', 'owner'] as const;
/** a built-in column, or an imported custom field shown as a column ("custom:<its name>"), sorted as text */
export type SortKey = (typeof SORT_KEYS)[number] | `custom:${string}`;
export const customSortKey = (name: string): SortKey => `custom:${name}`;
export type SortDir = 'asc' | 'desc';

export interface BookGroup {
  id: string;
  name: string;
  color: string;
  rule?: Condition;
  createdAt: number;
}

export interface BookQuery {
  search?: string;
  condition?: Condition;
  /** 'relevance' keeps the search's order (falls back to name without a search) */
  sort?: SortKey | 'relevance';
  dir?: SortDir;
  now: number;
}

const NT_ORDER = new Map<string, number>(NETWORK_TYPES.map((v, i) => [v, i]));
const STAGE_ORDER = new Map<string, number>(Stage.options.map((v, i) => [v, i]));

/** Below this many candidates a query sorts them itself; above, it filters the cached full order. */
const SMALL = 4000;

/** Documents a search indexes before answering rather than answer without them (~15 ms of indexing). */
const FINISH_AT_MOST = 1000;

export class BookModel {
  readonly rows = new Map<string, BookRow>();
  readonly index = new BookIndex();
  private groupList: BookGroup[] = [];
  private _version = 0;
  private listeners = new Set<() => void>();
  private orderCache = new Map<string, string[]>();
  private countCache: { key: string; counts: Map<string, number> } | null = null;
  private namesCache: { version: number; names: { name: string; count: number }[] } | null = null;
  private ownersCache: { version: number; owners: { owners: OwnerCount[]; none: number } } | null = null;
  private collator: Intl.Collator;

  constructor(locale = 'en') {
    this.collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  }

  get version(): number {
    return this._version;
  }
  get size(): number {
    return this.rows.size;
  }
  get groups(): readonly BookGroup[] {
    return this.groupList;
  }
  group(id: string): BookGroup | undefined {
    return this.groupList.find((g) => g.id === id);
  }
  row(id: string): BookRow | undefined {
    return this.rows.get(id);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** The rows as a list, for the scans (counts, names, owners): made again after the rows change. */
  private rowList: BookRow[] | null = null;
  private list(): BookRow[] {
    return (this.rowList ??= [...this.rows.values()]);
  }

  private changed(): void {
    this._version++;
    this.rowList = null;
    this.orderCache.clear();
    this.countCache = null;
    for (const l of this.listeners) l();
  }

  /**
   * Replaces everything (first load, or a change too wide to follow one by one).
   * The search index fills in the background in short chunks, so the page stays
   * responsive while a large book is indexed; a search before it is done answers from
   * what is indexed so far (`indexing` says how far), and the listeners hear when the
   * build is done, so the answer is asked again, complete.
   */
  load(rows: Iterable<BookRow>, docs: Iterable<SearchDoc>, groups: BookGroup[]): void {
    this.rows.clear();
    for (const r of rows) this.rows.set(r.id, r);
    this.index.cancel(); // a build still under way for the old index stops
    const fresh = new BookIndex();
    void fresh.enqueue(docs).then(() => {
      if (this.index === fresh) this.indexed();
    });
    (this as { index: BookIndex }).index = fresh;
    this.groupList = [...groups];
    this.changed();
  }

  /** The search index finished its background build: the rows are unchanged, a search's answer may not be. */
  private indexed(): void {
    this._version++;
    for (const l of this.listeners) l();
  }

  /** How far the search index's background build is; null when searches are complete. */
  get indexing(): { indexed: number; total: number } | null {
    return this.index.indexing;
  }

  /** Some contacts changed: their new rows and documents (ids absent from `rows` are gone). */
  apply(ids: Iterable<string>, rows: BookRow[], docs: SearchDoc[]): void {
    const seen = new Set(rows.map((r) => r.id));
    for (const r of rows) this.rows.set(r.id, r);
    for (const d of docs) this.index.put(d);
    for (const id of ids) {
      if (seen.has(id)) continue;
      this.rows.delete(id);
      this.index.remove(id);
    }
    this.changed();
  }

  setGroups(groups: BookGroup[]): void {
    this.groupList = [...groups];
    this.changed();
  }

  /** A group's condition: its rule when smart, membership when plain. */
  groupCondition(id: string): Condition | undefined {
    const g = this.group(id);
    if (!g) return { field: 'group', op: 'is', value: id };
    return g.rule ?? { field: 'group', op: 'is', value: id };
  }

  /** The ids matching the query, in order. */
  query(q: BookQuery): string[] {
    const pred = q.condition ? compile(q.condition, q.now) : null;
    const searching = !!q.search?.trim();
    let sort = q.sort ?? 'name';
    if (sort === 'relevance' && !searching) sort = 'name';
    const dir = q.dir ?? 'asc';
    if (searching) {
      // search-as-you-type never waits for the index's background build (see `indexing`),
      // except for what is left of it when that is about one chunk's work
      const left = this.index.indexing;
      const hits = this.index.search(q.search!, Infinity, !left || left.total - left.indexed <= FINISH_AT_MOST);
      const out: string[] = [];
      for (const id of hits) {
        const r = this.rows.get(id);
        if (r && (!pred || pred(r))) out.push(id);
      }
      if (sort === 'relevance') return out;
      if (out.length <= SMALL) return this.sortIds(out, sort, dir);
      const inSet = new Set(out);
      return this.fullOrder(sort, dir).filter((id) => inSet.has(id));
    }
    const order = this.fullOrder(sort as SortKey, dir);
    return pred ? order.filter((id) => pred(this.rows.get(id)!)) : order.slice();
  }

  /** The custom fields' names across the book, with how many contacts have each; most common first. */
  customNames(): { name: string; count: number }[] {
    if (this.namesCache?.version === this._version) return this.namesCache.names;
    const counts = new Map<string, number>();
    for (const r of this.list()) {
      if (!r.custom) continue;
      const seen = new Set<string>();
      for (const x of r.custom) {
        if (seen.has(x.name) || x.value === '') continue;
        seen.add(x.name);
        counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
      }
    }
    const names = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || this.collator.compare(a.name, b.name));
    this.namesCache = { version: this._version, names };
    return names;
  }

  /** The book's owners (the Owner filter's choices), with how many contacts have none. */
  owners(): { owners: OwnerCount[]; none: number } {
    if (this.ownersCache?.version === this._version) return this.ownersCache.owners;
    const owners = ownerCounts(this.list().map((r) => r.owner), this.collator.resolvedOptions().locale);
    this.ownersCache = { version: this._version, owners };
    return owners;
  }

  /** How many contacts satisfy the condition (never builds a list). */
  count(condition: Condition | undefined, now: number): number {
    if (!condition) return this.rows.size;
    const p = compile(condition, now);
    let n = 0;
    const rows = this.list();
    for (let i = 0; i < rows.length; i++) if (p(rows[i])) n++;
    return n;
  }

  /** Members per group, plain and smart, for the sidebar. */
  groupCounts(now: number): Map<string, number> {
    const key = `${this._version}:${Math.floor(now / DAY)}`;
    if (this.countCache?.key === key) return this.countCache.counts;
    const counts = new Map<string, number>(this.groupList.map((g) => [g.id, 0]));
    const smart = this.groupList.filter((g) => g.rule).map((g) => [g.id, compile(g.rule, now)] as const);
    for (const r of this.list()) {
      for (const gid of r.groups) if (counts.has(gid)) counts.set(gid, counts.get(gid)! + 1);
      for (const [gid, p] of smart) if (p(r)) counts.set(gid, counts.get(gid)! + 1);
    }
    this.countCache = { key, counts };
    return counts;
  }

  /** The groups a row is in: its plain groups and the smart groups whose rule it meets. */
  groupsOf(row: BookRow, now: number): BookGroup[] {
    return this.groupList.filter((g) => (g.rule ? compile(g.rule, now)(row) : row.groups.includes(g.id)));
  }

  private fullOrder(sort: SortKey, dir: SortDir): string[] {
    const key = `${sort}:${dir}`;
    let order = this.orderCache.get(key);
    if (!order) {
      order = this.sortIds([...this.rows.keys()], sort, dir);
      this.orderCache.set(key, order);
    }
    return order;
  }

  private sortIds(ids: string[], sort: SortKey, dir: SortDir): string[] {
    const rows = ids.map((id) => this.rows.get(id)!);
    rows.sort(this.comparator(sort, dir === 'desc' ? -1 : 1));
    return rows.map((r) => r.id);
  }

  /** A column's order (sign -1: descending); rows without a value go last either way, ties by name. */
  private comparator(sort: SortKey, sign: 1 | -1): (a: BookRow, b: BookRow) => number {
    const byId = (a: BookRow, b: BookRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const byName = (a: BookRow, b: BookRow) => this.collator.compare(a.name, b.name) || byId(a, b);
    const missingLast = <T,>(get: (r: BookRow) => T | undefined, cmp: (x: T, y: T) => number) => (a: BookRow, b: BookRow) => {
      const x = get(a);
      const y = get(b);
      if (x === undefined || x === null || x === '') return y === undefined || y === null || y === '' ? byName(a, b) : 1;
      if (y === undefined || y === null || y === '') return -1;
      return sign * cmp(x, y) || byName(a, b);
    };
    const text = (x: string, y: string) => this.collator.compare(x, y);
    const numeric = (x: number, y: number) => x - y;
    switch (sort) {
      case 'name': return (a, b) => sign * byName(a, b);
      case 'company': return missingLast((r) => r.company, text);
      case 'position': return missingLast((r) => r.position, text);
      case 'networkType': return missingLast((r) => (r.networkType ? NT_ORDER.get(r.networkType) : undefined), numeric);
      case 'stage': return missingLast((r) => (r.stage ? STAGE_ORDER.get(r.stage) : undefined), numeric);
      case 'tieScore': return missingLast((r) => r.tieScore, numeric);
      case 'lastContactAt': return missingLast((r) => r.lastContactAt, numeric);
      case 'networks': return (a, b) => sign * (a.networks.length - b.networks.length) || byName(a, b);
      case 'groups': return (a, b) => sign * (a.groups.length - b.groups.length) || byName(a, b);
      case 'owner': return missingLast((r) => r.owner, text);
      default: {
        const name = sort.slice('custom:'.length);
        return missingLast((r) => customValue(r, name), text);
      }
    }
  }
}
