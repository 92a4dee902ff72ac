// `npm run import-check -- <file>`: the JSON of docs/import.md on stdout, exit codes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const fixture = (name: string) => join(root, 'tests/fixtures/import', name);
function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools/import-check.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('import-check', () => {
  it('prints exactly the contract\'s keys, first five records', () => {
    const r = run(fixture('linkedin-connections.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['preset', 'encoding', 'bom', 'format', 'delimiter', 'headerLine', 'rows', 'accepted', 'duplicates', 'rejected', 'records']);
    expect(o).toMatchObject({ preset: 'linkedin-connections', encoding: 'utf-8', bom: false, format: 'csv', delimiter: ',', headerLine: 4, rows: 7, accepted: 6, duplicates: [{ line: 10, sameAs: 5 }], rejected: [] });
    expect(o.duplicates[0]).toEqual({ line: 10, sameAs: 5 });
    expect(o.records).toHaveLength(5);
    expect(o.records[0].name).toBe('Anna Lindqvist');
  });
  it('--all prints every accepted record', () => {
    expect(JSON.parse(run(fixture('linkedin-connections.csv'), '--all').stdout).records).toHaveLength(6);
  });
  it('exit 0 when every row is bad', () => {
    const r = run(fixture('all-bad.csv'));
    expect(r.code).toBe(0);
    // each reason with its code, as the settings page says it in the user's language
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, accepted: 0, rejected: [{ line: 2, code: expect.any(String) }, { line: 3, reason: 'unclosed quote', code: expect.any(String), raw: '"unclosed,x@example.com,1' }] });
  });
  it.each([
    ['missing', fixture('nope.csv'), /no such file/],
    ['a directory', fixture(''), /is a directory/],
    ['empty', fixture('empty.csv'), /is empty/],
  ])('exit 2 with one line on stderr: %s', (_, file, msg) => {
    const r = run(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a JSON file: same shape, delimiter and headerLine null', () => {
    const o = JSON.parse(run(fixture('tiewise.json')).stdout);
    expect(o).toMatchObject({ kind: 'json', preset: 'generic', encoding: 'utf-8', delimiter: null, headerLine: null, rows: 13, accepted: 7, duplicates: [{ line: 6, sameAs: 3 }] });
    expect(o.rejected).toHaveLength(5);
  });
  it('a purchases CSV says its kind', () => {
    expect(JSON.parse(run(fixture('purchases.csv')).stdout)).toMatchObject({ kind: 'purchases', preset: 'generic', rows: 6, accepted: 2 });
  });
  it('an .xlsx workbook: the same object with format and sheet, rows as spreadsheet rows, custom fields on each record', () => {
    const r = run(fixture('amocrm-contacts.xlsx'), '--all');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['preset', 'encoding', 'bom', 'format', 'sheet', 'delimiter', 'headerLine', 'rows', 'accepted', 'duplicates', 'rejected', 'records']);
    expect(o).toMatchObject({ preset: 'amocrm', encoding: null, format: 'xlsx', sheet: 'Контакты', delimiter: null, headerLine: 2, rows: 6, accepted: 4, duplicates: [{ line: 7, sameAs: 3 }] });
    expect(o.rows).toBe(o.accepted + o.duplicates.length + o.rejected.length);
    expect(o.rejected).toEqual([{ line: 6, reason: 'names a company (“ООО «Без Имени»”), no person: no name and no e-mail; Tiewise keeps people, so import the company’s contacts',
      code: 'companyNoPerson', params: expect.anything(), raw: '9003,,,,ООО «Без Имени»,,,2025-11-05,0,+7 (343) 555-03-03' }]);
    expect(o.records[0]).toMatchObject({ name: 'Соколова Ирина Андреевна', birthday: '1989-05-18', custom: { 'Дата создания': '2025-11-03T09:30', 'Сделок': '2' } });
  });
  it('--sheet reads another sheet', () => {
    expect(JSON.parse(run(fixture('hubspot-contacts.xlsx'), '--sheet', 'Companies').stdout)).toMatchObject({ sheet: 'Companies', rows: 2 });
  });
  it("Bitrix24's HTML 'xls': its encoding, the leads kind, table rows as lines", () => {
    const o = JSON.parse(run(fixture('bitrix24-leads.xls')).stdout);
    expect(o).toMatchObject({ kind: 'leads', preset: 'bitrix24', encoding: 'utf-8', format: 'xls-html', sheet: 'Table 1', delimiter: null, headerLine: 1, rows: 4, accepted: 2, duplicates: [{ line: 5, sameAs: 2 }], rejected: [{ line: 4 }] });
    expect(o.records[0].custom['Название лида']).toBe('Заявка с сайта: "Станок"');
    // the lead each row carries, as for a CSV, with its table row
    expect(o.deals[0]).toMatchObject({ line: 2, kind: 'lead', crmId: '3101', amount: 185000, currency: 'RUB' });
    expect(JSON.parse(run(fixture('bitrix24-contacts-1251.xls')).stdout)).toMatchObject({ encoding: 'windows-1251', rows: 2, accepted: 2 });
  });
  it('a vCard: headerLine null, each record with its custom fields', () => {
    const o = JSON.parse(run(fixture('contacts.vcf')).stdout);
    expect(o).toMatchObject({ format: 'vcard', headerLine: null, delimiter: null });
    expect(o.rows).toBe(o.accepted + o.duplicates.length + o.rejected.length);
  });
  it.each(['encrypted.xlsx', 'legacy.xls'])('%s is refused whole: exit 2, one line, nothing on stdout', (name) => {
    const r = run(fixture(name));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/password-protected \(encrypted\) Excel workbook or an old binary Excel \.xls/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
