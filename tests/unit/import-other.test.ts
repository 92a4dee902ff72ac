// Purchases and notes CSVs, the JSON import format, previews and user mappings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectCsvKind } from '../../lib/import/kind';
import { importContactsCsv, previewContacts } from '../../lib/import/contacts';
import { importCsv } from '../../lib/import/csv-kind';
import { importJson } from '../../lib/import/json';
import { ImportError } from '../../lib/import/table';
import { parseAmount, parseTimestamp } from '../../lib/import/values';

const dir = join(__dirname, '../fixtures/import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('purchases CSV', () => {
  const r = importCsv(bytes('purchases.csv'));
  it('is told apart by its columns', () => {
    expect(r.kind).toBe('purchases');
    expect(detectCsvKind(['Email', 'Product', 'SKU', 'Date', 'Quantity', 'Amount', 'Currency'])).toBe('purchases');
    expect(detectCsvKind(['Покупатель', 'Товар', 'Дата', 'Количество', 'Сумма'])).toBe('purchases');
  });
  it('rows, records, reasons', () => {
    if (r.kind !== 'purchases') throw new Error(r.kind);
    expect([r.rows, r.accepted]).toEqual([6, 2]);
    expect(r.records).toEqual([
      { contact: { email: 'anna.lindqvist@northwind.example' }, product: { sku: 'TW-PRO-12', name: 'Tiewise Pro (annual)' }, at: Date.UTC(2024, 1, 1), quantity: 5, amount: 1495, currency: 'USD' },
      { contact: { email: 'sidorov@vector.example' }, product: { sku: 'TW-TEAM', name: 'Tiewise Team' }, at: Date.UTC(2024, 2, 15), quantity: 1, amount: 49900, currency: 'RUB' },
    ]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [4, 'names nobody: no contact e-mail, id or name'],
      [5, 'no product: neither a product name nor a SKU'],
      [6, 'date not understood: "someday"'],
      [7, 'quantity is not a number: "two"'],
    ]);
  });
});

describe('notes CSV', () => {
  const r = importCsv(bytes('notes.csv'));
  it('multi-line note, contact by e-mail or name, physical lines', () => {
    if (r.kind !== 'notes') throw new Error(r.kind);
    expect([r.rows, r.accepted]).toEqual([3, 2]);
    expect(r.recordLines).toEqual([2, 4]);
    expect(r.records).toEqual([
      { contact: { email: 'anna.lindqvist@northwind.example' }, at: Date.UTC(2024, 2, 20), text: 'Asked about SSO.\nSend the security whitepaper.' },
      { contact: { name: 'Иван Петров' }, at: Date.UTC(2024, 2, 21), text: 'Перезвонить после праздников' },
    ]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[5, 'names nobody: no contact e-mail, id or name']]);
  });
  it('a contacts file with a Notes column stays a contacts file', () => {
    expect(detectCsvKind(['Name', 'Email', 'Notes'])).toBe('contacts');
    expect(importCsv('Name,Email,Notes\nAnna,a@x.example,hi\n').kind).toBe('contacts');
  });
});

describe('values', () => {
  it.each([
    ['2024-03-15', Date.UTC(2024, 2, 15)],
    ['2024-03-15 10:22', Date.UTC(2024, 2, 15, 10, 22)],
    ['2024-03-15T10:22:00Z', Date.UTC(2024, 2, 15, 10, 22)],
    ['15.03.2024', Date.UTC(2024, 2, 15)],
    ['03/15/2024', Date.UTC(2024, 2, 15)],
    ['15 Mar 2024', Date.UTC(2024, 2, 15)],
    ['Mar 15, 2024', Date.UTC(2024, 2, 15)],
    ['15 марта 2024', Date.UTC(2024, 2, 15)],
    ['31.02.2024', undefined],
    ['someday', undefined],
  ])('parseTimestamp(%j)', (s, t) => expect(parseTimestamp(s)).toBe(t));
  it.each([
    ['1,495.00', 1495, undefined],
    ['49 900,00', 49900, undefined],
    ['$99.90', 99.9, 'USD'],
    ['1 234,5 ₽', 1234.5, 'RUB'],
    ['12 EUR', 12, 'EUR'],
    ['-5', -5, undefined],
  ])('parseAmount(%j)', (s, v, c) => expect(parseAmount(s)).toEqual(c ? { value: v, currency: c } : { value: v, currency: undefined }));
  it('not an amount', () => expect(parseAmount('two')).toBeUndefined());
});

describe('JSON import', () => {
  const r = importJson(readFileSync(join(dir, 'tiewise.json'), 'utf8'));
  it('counts every entry; rows = accepted + duplicates + rejected', () => {
    expect([r.rows, r.accepted, r.duplicates.length, r.rejected.length]).toEqual([13, 7, 1, 5]);
    expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
  });
  it('a bad entry is rejected with its collection, index, line and reason', () => {
    expect(r.rejected.map(({ collection, index, line, reason }) => [collection, index, line, reason])).toEqual([
      ['contacts', 2, 5, 'names nobody: no name and no e-mail'],
      ['contacts', 4, 7, 'name should be string, not 42'],
      ['notes', 1, 11, 'names nobody: no contactId, email or crmId'],
      ['interactions', 1, 15, 'kind: Invalid option: expected one of "call"|"meeting"|"email"|"chat"|"referral"|"introduction"'],
      ['products', 1, 22, 'name is missing'],
    ]);
    expect(r.rejected[0].raw).toBe('{"company":"Nobody Inc"}');
  });
  it('contacts deduplicated like a CSV, the duplicate merged', () => {
    expect(r.duplicates).toEqual([{ line: 6, sameAs: 3, by: 'email' }]);
    expect(r.contacts).toEqual([
      // (the duplicate's other name for her kept beside hers: nothing the file holds is dropped)
      { name: 'Anna Lindqvist', email: 'anna.lindqvist@northwind.example', phone: '+46 8 555 010', company: 'Northwind Traders', custom: { 'name 2': 'Anna L.' } },
      { name: 'Иван Петров', firstName: 'Иван', lastName: 'Петров', crmId: 'amo-28341', tags: 'vip, moscow' },
    ]);
  });
  it('the other collections, dates as epoch ms', () => {
    expect(r.notes).toEqual([{ email: 'anna.lindqvist@northwind.example', text: 'Prefers mornings', at: Date.UTC(2024, 2, 20) }]);
    expect(r.interactions).toEqual([{ email: 'anna.lindqvist@northwind.example', kind: 'call', direction: 'out', at: 1710000000000, summary: 'Intro call' }]);
    expect(r.purchases).toEqual([{ crmId: 'amo-28341', sku: 'TW-PRO-12', at: Date.UTC(2024, 1, 1), quantity: 2, amount: 598, currency: 'USD' }]);
    expect(r.products).toEqual([{ id: 'p-pro', sku: 'TW-PRO-12', name: 'Tiewise Pro (annual)', price: 299, currency: 'USD', relations: [] }]);
    expect(r.complaints).toEqual([{ email: 'anna.lindqvist@northwind.example', subject: 'Sync is slow', state: 'open', openedAt: Date.UTC(2024, 2, 1) }]);
  });
  it('a bare array is contacts; not JSON is an ImportError', () => {
    expect(importJson('[{"name":"A"},{"email":"b@x"}]').accepted).toBe(2);
    expect(() => importJson('{"contacts": [')).toThrow(ImportError);
  });
});

describe('mapping screen', () => {
  const csv = 'Col A,Col B,Col C\nAnna,Lind,anna@x.example\n,,\nBoris,,\n';
  it('previewContacts: detection, proposed mapping, first rows raw and mapped', () => {
    const p = previewContacts(csv);
    expect([p.preset, p.headerLine, p.delimiter]).toEqual(['generic', 1, ',']);
    expect(p.mapping).toEqual([null, null, null]);
    expect(p.sample).toEqual([['Anna', 'Lind', 'anna@x.example'], ['Boris', '', '']]);
  });
  it('a user mapping is applied to every row', () => {
    const r = importContactsCsv(csv, { mapping: ['firstName', 'lastName', 'email'] });
    expect(r.records).toEqual([
      { name: 'Anna Lind', firstName: 'Anna', lastName: 'Lind', email: 'anna@x.example' },
      { name: 'Boris', firstName: 'Boris' },
    ]);
    expect([r.rows, r.accepted]).toEqual([2, 2]); // the all-empty row is blank, not a record
  });
  it('a forced preset and header line', () => {
    const r = importContactsCsv('junk\nFirst Name,Last Name\nA,B\n', { preset: 'outlook', headerLine: 2 });
    expect([r.preset, r.headerLine, r.accepted]).toEqual(['outlook', 2, 1]);
  });
  it('no header row at all is an ImportError', () => {
    expect(() => importContactsCsv('\n\n  \n')).toThrow(ImportError);
    expect(() => importContactsCsv(new Uint8Array(0))).toThrow(ImportError);
  });
});
