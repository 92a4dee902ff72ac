// Issue 15: the traps of real exports (fixtures: tests/fixtures/import/make-fixtures.ts,
// structure from each CRM's own export, people invented), through the whole path the
// CLI and the Web Worker run (bytes → report).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgeKind } from '../../lib/import/kind';
import { ImportReader, previewBytes } from '../../lib/import/read';

const dir = join(__dirname, '../fixtures/import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
function read(name: string) {
  const r = new ImportReader({ format: 'csv' });
  r.push(bytes(name));
  return r.end();
}
function contacts(name: string) {
  const r = read(name);
  if (r.kind !== 'contacts' || 'format' in r) throw new Error(`${name} read as ${r.kind}`);
  expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
  return r;
}

describe('Outlook CSV whose every row ends with a trailing comma', () => {
  const r = contacts('outlook-trailing-comma.csv');
  it('a trailing empty field is not a broken row: every row read', () => {
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.headerLine]).toEqual(['outlook', 'utf-8', true, ',', 1]);
    expect(r.headers).toHaveLength(92);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[6, 'names a company (“Reception only”), no person: no name and no e-mail; Tiewise keeps people, so import the company’s contacts']]);
    expect([r.rows, r.accepted]).toEqual([4, 3]);
    // the note spans two physical lines: the rows after it keep their lines
    expect(r.recordLines).toEqual([2, 4, 5]);
  });
  it('values land in their columns, not one to the side', () => {
    expect(r.records[0]).toMatchObject({
      name: 'Harriet K. Osei', middleName: 'K.', company: 'Brightwater Ltd', position: 'Buyer', city: 'Leeds',
      country: 'United Kingdom', email: 'harriet.osei@brightwater.example', website: 'https://brightwater.example',
      birthday: '3/14/1984', notes: 'Met at the Leeds fair,\r\nwants a demo', tags: 'Clients;Trade show 2025',
      phones: ['+44 113 496 0000', '+44 7700 900456'],
    });
    expect(r.records[1]).toMatchObject({ name: 'Mateus Carvalho', company: 'Ferro & Filhos', country: 'Portugal' });
    expect(r.records[2]).toMatchObject({ name: 'Ксения Дорохова', phone: '+7 911 555-40-40' });
  });
});

describe('Bitrix24 leads export (Russian headers, ";", UTF-8 with BOM)', () => {
  it('is leads, not purchases: the whole header is weighed', () => {
    const r = read('bitrix24-leads.csv');
    expect(r.kind).toBe('contacts');
    if (r.kind !== 'contacts' || 'format' in r) return;
    expect(r.entity).toBe('leads');
    expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.rows, r.accepted]).toEqual(['bitrix24', 'utf-8', true, ';', 5, 3]);
    expect(r.duplicates).toEqual([{ line: 5, sameAs: 2, by: 'email' }]);
    expect(r.rejected.map((x) => x.line)).toEqual([4]);
    expect(r.records[0]).toMatchObject({ name: 'Виктор Павлович Зуев', company: 'ООО «Техмаш»', position: 'Главный механик', city: 'Челябинск', country: 'Россия', email: 'zuev@tehmash.example', website: 'https://tehmash.example' });
    expect(r.records[1]).toMatchObject({ name: 'Алина Рустамовна Хасанова', profileUrl: 'https://vk.com/id0000001', notes: 'КП; скидка 5%' });
    expect(r.records[2]).toMatchObject({ name: 'Chen Liang', company: 'Harbor Tools', country: 'China' });
  });
  it('the judgement says why, and is sure', () => {
    const j = judgeKind(previewHeaders('bitrix24-leads.csv'));
    expect(j.kind).toBe('leads');
    expect(j.sure).toBe(true);
    expect(j.evidence.leads).toEqual(expect.arrayContaining(['Название лида', 'Повторный лид']));
    // the purchases evidence is there, and weighed, not ignored
    expect(j.evidence.purchases).toEqual(expect.arrayContaining(['Товар', 'Сумма']));
  });
  it('the preview offers it as leads', () => {
    const p = previewBytes('leads.csv', bytes('bitrix24-leads.csv'));
    expect(p.format === 'csv' && [p.kind, p.judgement.sure]).toEqual(['leads', true]);
  });
});

function previewHeaders(name: string): string[] {
  const p = previewBytes(name, bytes(name));
  if (p.format !== 'csv') throw new Error('not csv');
  return p.info.headers;
}

describe('what a file is: every kind weighed, unsure when the header says little', () => {
  it.each([
    [['Email', 'Product', 'SKU', 'Date', 'Quantity', 'Amount', 'Currency'], 'purchases', true],
    [['Contact', 'Date', 'Note'], 'notes', true],
    [['First Name', 'Last Name', 'Email', 'Phone', 'Company'], 'contacts', true],
    [['Deal - Title', 'Deal - Value', 'Deal - Stage', 'Person - Name', 'Person - Email', 'Deal - Expected close date'], 'deals', true],
    [['Название сделки', 'Бюджет', 'Этап сделки', 'Воронка', 'Полное имя контакта', 'Компания контакта'], 'deals', true],
  ])('%j → %s', (headers, kind, sure) => {
    const j = judgeKind(headers);
    expect([j.kind, j.sure]).toEqual([kind, sure]);
  });
  it('a customer name, a product and an amount with nothing else: not sure', () => {
    const j = judgeKind(['Клиент', 'Товар', 'Сумма', 'Телефон', 'Компания']);
    expect(j.sure).toBe(false);
  });
});

describe('amoCRM contacts (windows-1251): the full name as the file gives it', () => {
  const r = contacts('amocrm-contacts-1251.csv');
  it('"Полное имя контакта" is the name, patronymic and order kept', () => {
    expect([r.preset, r.encoding, r.delimiter, r.rows, r.accepted]).toEqual(['amocrm', 'windows-1251', ',', 3, 3]);
    expect(r.records.map((x) => x.name)).toEqual(['Гордеев Илья Сергеевич', 'Валентина Аркадьевна Шубина', 'Тимур']);
    expect(r.records[0]).toMatchObject({ firstName: 'Илья', lastName: 'Гордеев', company: 'ООО «Промсвет»', position: 'Начальник отдела закупок', city: 'Екатеринбург', website: 'https://promsvet.example' });
    expect(r.records[0].custom?.['Полное имя контакта']).toBeUndefined();
  });
});
