import { exportCsv, exportFileName, exportJson, exportRecord } from '@/lib/book/export';
import { clickRow, emptySelection, selectAll } from '@/lib/book/selection';
import { toRow } from '@/lib/book/row';
import type { Contact } from '@/lib/domain/entities';

const c = (over: Partial<Contact>): Contact => ({
  id: 'c1', name: 'Ольга Смирнова', emails: ['olga@example.ru'], phones: [], tags: ['vip'], nameKeys: [],
  source: { kind: 'user', at: 0 }, createdAt: 0, updatedAt: 0, ...over,
});

describe('book export', () => {
  it('writes CSV with a BOM, the chosen columns, and formula-like cells neutralised', () => {
    const rows = [
      exportRecord(c({ company: '=HYPERLINK("http://x")', lastContactAt: Date.UTC(2025, 0, 2) }), toRow(c({})), ['Moscow prospects', 'VIP'], ['name', 'company', 'lastContact', 'groups']),
      exportRecord(c({ id: 'c2', name: '@admin', company: 'Acme, Inc.' }), undefined, [], ['name', 'company', 'lastContact', 'groups']),
    ];
    const csv = exportCsv(rows, ['name', 'company', 'lastContact', 'groups']);
    expect(csv.startsWith('\uFEFFName,Company,Last Contact,Groups\r\n')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[1]).toBe('Ольга Смирнова,"\'=HYPERLINK(""http://x"")",2025-01-02,Moscow prospects; VIP');
    expect(lines[2]).toBe('\'@admin,"Acme, Inc.",,');
  });
  it('writes JSON with the same columns and real nulls', () => {
    const r = exportRecord(c({}), toRow(c({}), { networks: ['vk'] }), [], ['name', 'email', 'networks', 'tieScore']);
    expect(JSON.parse(exportJson([r]))).toEqual([{ name: 'Ольга Смирнова', email: 'olga@example.ru', networks: ['vk'], tieScore: null }]);
  });
  it('names the file after the group', () => {
    expect(exportFileName('Moscow prospects', 'csv', Date.UTC(2025, 5, 1))).toBe('tiewise-moscow-prospects-2025-06-01.csv');
    expect(exportFileName('Клиенты «Ромашки»', 'json', Date.UTC(2025, 5, 1))).toBe('tiewise-клиенты-ромашки-2025-06-01.json');
    expect(exportFileName('***', 'csv', 0)).toBe('tiewise-book-1970-01-01.csv');
  });
});

describe('bulk selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e'];
  it('a click toggles one row; a shift-click sets the range from the anchor', () => {
    let s = clickRow(emptySelection(), order, 1, false);
    s = clickRow(s, order, 3, true);
    expect([...s.ids].sort()).toEqual(['b', 'c', 'd']);
    s = clickRow(s, order, 2, true);
    expect([...s.ids].sort()).toEqual(['b']);
    s = clickRow(s, order, 4, false);
    s = clickRow(s, order, 0, true);
    expect([...s.ids].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
  it('select all takes the whole list, not only the rows on screen', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    expect(selectAll(many).ids.size).toBe(100_000);
  });
});
