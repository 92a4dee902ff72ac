import { TiewiseDB } from '@/lib/db/database';
import { addContact, updateContact } from '@/lib/db/contacts';
import { addInteraction } from '@/lib/db/interactions';
import { addNote } from '@/lib/db/notes';
import { loadDemoBook } from '@/lib/demo/load';
import { BookModel } from '@/lib/book/model';
import type { BookRow } from '@/lib/book/row';
import { bookChange, followBook, loadBook } from '@/lib/db/book';
import { addMembers, createGroup, deleteGroup, removeMembers, restoreGroup, setGroupRule } from '@/lib/db/groups';
import { BookIndex } from '@/lib/book/search';
import { DAY } from '@/lib/domain/time';

let n = 0;
const fresh = () => new TiewiseDB(`book-model-${Date.now()}-${++n}`);
const until = async (ok: () => boolean, ms = 3000) => {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
const NOW = Date.now();
const rowOf = (id: string, name: string): BookRow => ({ id, name, tags: [], emails: [], networks: [], products: [], groups: [] });

describe('a smart-group count', () => {
  it('counts the rows as they are after each change: changed, added and removed contacts', () => {
    const m = new BookModel();
    const row = (id: string, city: string): BookRow => ({ ...rowOf(id, id), city });
    const inMoscow = { field: 'city', op: 'contains', value: 'moscow' } as const;
    m.load([row('a', 'Moscow'), row('b', 'Berlin'), row('c', 'Moscow')], [], []);
    expect(m.count(inMoscow, NOW)).toBe(2);
    m.apply(['a', 'b', 'd'], [row('a', 'Berlin'), row('b', 'Moscow'), row('d', 'Moscow')], []);
    expect(m.count(inMoscow, NOW)).toBe(3);
    m.apply(['c'], [], []);
    expect(m.count(inMoscow, NOW)).toBe(2);
    expect(m.count(undefined, NOW)).toBe(3);
    m.load([row('x', 'Moscow')], [], []);
    expect(m.count(inMoscow, NOW)).toBe(1);
  });
});

describe('the search index', () => {
  const ix = new BookIndex();
  ix.addAll([
    { id: 'ivan', name: 'Иван Петров', company: 'Globex', emails: ['i.petrov@globex.example'] },
    { id: 'petrov', name: 'Sergei Petrov', company: 'ООО «Ромашка»' },
    { id: 'yulia', name: 'Юлия Смирнова', notes: 'loves sailing on the Wannsee' },
    { id: 'dima', name: 'Dmitriy Volkov' },
    { id: 'li', name: '李伟', company: 'Tencent' },
  ]);
  const s = (q: string) => ix.search(q).sort();

  it('answers a search while its index is still being built from what is indexed so far, then completes it', async () => {
    const m = new BookModel();
    const n = 6000;
    const rows = Array.from({ length: n }, (_, i) => rowOf(`c${i}`, i % 2 ? `Иван Петров ${i}` : `Anna Smith ${i}`));
    m.load(rows, rows.map((r) => ({ id: r.id, name: r.name })), []);
    let heard = 0;
    m.subscribe(() => heard++);
    const soFar = m.query({ search: 'ivan', now: NOW });
    expect(m.indexing).not.toBeNull();
    expect(soFar.length).toBeLessThan(n / 2); // not the whole book: the keystroke did not wait for the build
    expect(m.indexing!.indexed).toBeLessThan(n);
    await m.index.ready;
    expect(m.indexing).toBeNull();
    expect(heard).toBeGreaterThan(0); // the page hears the build is done, and asks again
    expect(m.query({ search: 'ivan', now: NOW })).toHaveLength(n / 2);
  });

  it('is transliteration-aware in both directions', () => {
    expect(s('ivan')).toEqual(['ivan']);
    expect(s('петров')).toEqual(['ivan', 'petrov']);
    expect(s('Petrov')).toEqual(['ivan', 'petrov']);
    expect(s('julia')).toEqual(['yulia']);
    expect(s('Дмитрий')).toEqual(['dima']);
    expect(s('romashka')).toEqual(['petrov']);
  });
  it('finds by company, note and e-mail, the last word as a prefix, all words required', () => {
    expect(s('glob')).toEqual(['ivan']);
    expect(s('wannsee')).toEqual(['yulia']);
    expect(s('i.petrov@globex')).toEqual(['ivan']);
    expect(s('ivan gl')).toEqual(['ivan']);
    expect(s('sergei glo')).toEqual([]);
    expect(s('李伟')).toEqual(['li']);
  });
  it('replaces and discards one document at a time', () => {
    ix.put({ id: 'dima', name: 'Dmitriy Orlov' });
    expect(s('volkov')).toEqual([]);
    expect(s('orlov')).toEqual(['dima']);
    ix.remove('dima');
    expect(s('orlov')).toEqual([]);
  });
});

describe('the book model over the database', () => {
  it('loads the demo book with its facts, filters, sorts and counts groups', async () => {
    const d = fresh();
    await loadDemoBook(NOW, d);
    const m = new BookModel();
    await loadBook(m, d);
    expect(m.size).toBe(36);
    const anna = m.row('demo-anna')!;
    expect(anna.networks).toEqual(['linkedin']);
    expect(anna.products).toContain('p-desk-pro');
    expect(anna.groups.sort()).toEqual(['demo-g-champions', 'demo-g-referrals']);
    const counts = m.groupCounts(NOW);
    expect(counts.get('demo-g-champions')).toBe(3);
    const smart = m.groupCondition('demo-g-smart-customers')!;
    expect(counts.get('demo-g-smart-customers')).toBe(m.count(smart, NOW));
    expect(m.query({ search: 'ivan', now: NOW })).toContain('demo-ivan');
    const byScore = m.query({ sort: 'tieScore', dir: 'desc', now: NOW });
    const scores = byScore.map((id) => m.row(id)!.tieScore).filter((x) => x !== undefined) as number[];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const inBerlin = m.query({ condition: { field: 'city', op: 'is', value: 'Berlin' }, now: NOW });
    expect(inBerlin.length).toBeGreaterThan(0);
    expect(inBerlin.every((id) => m.row(id)!.city === 'Berlin')).toBe(true);
  });

  it('follows changes contact by contact: new contacts, notes, memberships, smart-group members', async () => {
    const d = fresh();
    await loadDemoBook(NOW, d);
    const m = new BookModel();
    await loadBook(m, d);
    const stop = followBook(m, d);
    try {
      const c = await addContact({ name: 'Пётр Сидоров', company: 'Acme', relation: 'customer', source: { kind: 'user', at: NOW } }, d);
      await until(() => !!m.row(c.id));
      expect(m.query({ search: 'petr sidorov', now: NOW })).toEqual([c.id]);

      await addNote(c.id, 'Plays chess on Sundays', NOW, d);
      await until(() => m.query({ search: 'chess sundays', now: NOW }).includes(c.id));

      const g = await createGroup({ name: 'Chess players' }, NOW, d);
      await until(() => !!m.group(g.id));
      await addMembers(g.id, [c.id, 'demo-anna'], NOW, d);
      await until(() => m.groupCounts(NOW).get(g.id) === 2);
      await removeMembers(g.id, ['demo-anna'], d);
      await until(() => m.groupCounts(NOW).get(g.id) === 1);

      // smart group: customers at Acme, live as contacts change
      const smart = await createGroup({ name: 'Acme customers', rule: { all: [{ field: 'company', op: 'is', value: 'acme' }, { field: 'relation', op: 'is', value: 'customer' }] } }, NOW, d);
      await until(() => m.groupCounts(NOW).get(smart.id) === 1);
      await updateContact('demo-john', { company: 'Acme' }, d);
      await until(() => m.groupCounts(NOW).get(smart.id) === 2);
      await updateContact(c.id, { relation: 'prospect' }, d);
      await until(() => m.groupCounts(NOW).get(smart.id) === 1);

      // the days-since-contact column follows interactions
      await addInteraction({ contactId: c.id, kind: 'call', direction: 'out', at: NOW - 3 * DAY, summary: '' }, d);
      await until(() => m.row(c.id)!.lastContactAt === NOW - 3 * DAY);

      // delete and undo
      const del = await deleteGroup(g.id, d);
      await until(() => !m.group(g.id) && !m.row(c.id)!.groups.includes(g.id));
      await restoreGroup(del!, d);
      await until(() => m.groupCounts(NOW).get(g.id) === 1);

      // a rule replaces stored members
      await setGroupRule(g.id, { field: 'city', op: 'is', value: 'Berlin' }, d);
      await until(() => m.group(g.id)?.rule !== undefined && m.row(c.id)!.groups.length === 0);

      await d.contacts.delete(c.id);
      await until(() => !m.row(c.id));
      expect(m.query({ search: 'sidorov', now: NOW })).toEqual([]);
    } finally {
      stop();
    }
  });

  it('reads which contacts a change set touched', () => {
    expect(bookChange({ 'idb://x/contacts/': { d: 1, from: 'a', to: 'a' } }, 'x')).toEqual({ contacts: new Set(['a']), groups: false, products: false });
    expect(bookChange({ 'idb://x/memberships/': { d: 1, from: ['g', 'b'], to: ['g', 'b'] } }, 'x')?.contacts).toEqual(new Set(['b']));
    expect(bookChange({ 'idb://x/contacts/': { d: 1, from: -Infinity, to: [[[]]] } }, 'x')?.contacts).toBe('all');
    expect(bookChange({ 'idb://y/contacts/': { d: 1, from: 'a', to: 'a' } }, 'x')).toBeNull();
    expect(bookChange({ 'idb://x/settings/': { d: 1, from: 'a', to: 'a' } }, 'x')).toBeNull();
  });
});
