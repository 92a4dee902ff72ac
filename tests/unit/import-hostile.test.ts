// Issue 15, hostile files: each one a bounded, accounted-for result — never a crash,
// a hang, or a row that silently vanishes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJson } from '@/lib/import/json';
import { neutraliseCell, toCsv } from '@/lib/import/export';
import { ImportReader } from '@/lib/import/read';
import { ImportError } from '@/lib/import/table';

const root = join(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'tiewise-hostile-'));
function cli(name: string, content: string | Uint8Array) {
  const file = join(tmp, name);
  writeFileSync(file, content);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools/import-check.ts'), file], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const enc = (s: string) => new TextEncoder().encode(s);
function read(input: Uint8Array | string, chunk = 1 << 16) {
  const b = typeof input === 'string' ? enc(input) : input;
  const r = new ImportReader({ format: 'csv' });
  for (let i = 0; i < b.length; i += chunk) r.push(b.subarray(i, i + chunk));
  const out = r.end();
  if (out.kind !== 'contacts' || 'format' in out) throw new Error(out.kind);
  expect(out.rows).toBe(out.accepted + out.duplicates.length + out.rejected.length);
  return out;
}
function cp1251(text: string): Uint8Array {
  const dec = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((c) => table.get(c)!));
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('JSON', () => {
  it('an entry nested 5,000 deep is one rejected entry, not an aborted import (exit 0)', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const r = cli('deep.json', `{"contacts":[\n{"name":"Anna Berg","email":"anna@berg.example"},\n{"name":${deep}}\n]}\n`);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect([o.rows, o.accepted]).toEqual([2, 1]);
    expect(o.rejected).toEqual([expect.objectContaining({ line: 3, index: 1, reason: 'nested more than 32 levels deep' })]);
  });
  it('a collection that is not an array is reported at its own line; unknown keys are said, "Contacts" is contacts', () => {
    const r = importJson(['{', '  "Contacts": [{ "name": "Anna Berg", "address": { "city": "Oslo" } }],', '  "notes": { "text": "x" },', '  "leads": []', '}'].join('\n'));
    expect(r.contacts.map((c) => c.name)).toEqual(['Anna Berg']);
    expect(r.contacts[0].custom).toEqual({ address: '{"city":"Oslo"}' });
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [4, 'unknown collection "leads": Tiewise reads contacts, notes, interactions, purchases, products, complaints'],
      [3, 'notes is not an array'],
    ]);
    expect(r.rows).toBe(r.accepted + r.rejected.length + r.duplicates.length);
  });
});

describe('CSV', () => {
  it('an unknown header and rows ending in a comma: the first row is data, not the header', () => {
    const r = read('Who,Mail,Firm\nAnna Berg,anna@berg.example,Acme,\nBo Lind,bo@lind.example,Initech,\n');
    expect([r.headerLine, r.rows, r.accepted]).toEqual([1, 2, 2]);
    expect(r.records.map((x) => x.email)).toEqual(['anna@berg.example', 'bo@lind.example']);
  });
  it('NUL bytes and a BOM in mid-file are removed, and said', () => {
    const r = read(concat(enc('Name,Email\nAn'), new Uint8Array([0]), enc('na Berg,anna@berg.example\n\uFEFFBo Lind,bo@lind.example\n')));
    expect(r.records.map((x) => x.name)).toEqual(['Anna Berg', 'Bo Lind']);
    expect(r.warnings).toEqual([{ message: '2 NUL or byte-order-mark characters removed from inside the text' }]);
  });
  it('a repeated header row is not a contact', () => {
    const r = read('Name,Email\nAnna Berg,anna@berg.example\nName,Email\nBo Lind,bo@lind.example\n');
    expect(r.records.map((x) => x.name)).toEqual(['Anna Berg', 'Bo Lind']);
    expect(r.rejected).toEqual([{ line: 3, code: 'headerAgain', reason: 'the header row again, not a contact', raw: 'Name,Email' }]);
  });
  it('the header again is told by its cells, each trimmed; a cell that differs makes it a row', () => {
    const r = read('Name,Email,Phone\nAnna Berg,anna@berg.example,1\n Name , Email ,Phone \nName,Email,Phone 2\nBo Lind,bo@lind.example,2\n');
    expect(r.rejected.filter((x) => x.code === 'headerAgain').map((x) => x.line)).toEqual([3]);
    expect(r.records.length + r.rejected.length + r.duplicates.length).toBe(4);
  });
  it('a cell has a size cap; an endless line is skipped without holding it, and the next row is read', () => {
    const big = '9'.repeat(200_000);
    const r = read(`Name,Email,Phone\nAnna Berg,anna@berg.example,${big}\nBo Lind,bo@lind.example,1\n`);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[2, 'a cell of 200,000 characters: at most 100,000']]);
    expect(r.records.map((x) => x.name)).toEqual(['Bo Lind']);
    const t0 = performance.now();
    const huge = read(concat(enc('Name,Email,Phone\nAnna Berg,anna@berg.example,'), new Uint8Array(10_000_000).fill(0x39), enc('\nBo Lind,bo@lind.example,1\n')), 1 << 20);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(huge.rejected.map((x) => [x.line, x.reason])).toEqual([[2, 'a line longer than 4,000,000 characters']]);
    expect(huge.recordLines).toEqual([3]);
  });
  it('a 1,000,000-column header is refused with one clear message, quickly', () => {
    const t0 = performance.now();
    expect(() => read('c,'.repeat(999_999) + 'c\nAnna\n', 1 << 20)).toThrow('the header row (line 1) has 1,000,000 columns; Tiewise reads at most 10,000');
    expect(performance.now() - t0).toBeLessThan(5000);
  });
  it('mixed encodings, per row: a Windows-1251 row in a UTF-8 file is rejected and says why', () => {
    const filler = Array.from({ length: 1500 }, (_, i) => `Person ${i},p${i}@x.example,Компания\n`).join('');
    const r = read(concat(enc('Name,Email,Company\n' + filler), cp1251('Иван Петров,ivan@x.example,Ромашка\n'), enc('Анна Берг,anna@x.example,Ромашка\n')));
    expect(r.encoding).toBe('utf-8');
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[1502, 'not UTF-8 like the rest of the file (a row saved in another encoding?): its letters cannot be read']]);
    expect(r.records.at(-1)?.name).toBe('Анна Берг');
  });
  it('mixed encodings, per row: a UTF-8 row in a Windows-1251 file is re-read as UTF-8, and said', () => {
    const r = read(concat(cp1251('Имя;Фамилия;Почта\nИван;Петров;ivan@x.example\n'), enc('Ирина;Шишкина;irina@x.example\n')));
    expect(r.encoding).toBe('windows-1251');
    expect(r.records.map((x) => x.name)).toEqual(['Иван Петров', 'Ирина Шишкина']);
    expect(r.warnings).toEqual([{ line: 3, message: 'this row was UTF-8 inside a Windows-1251 file: re-read as UTF-8' }]);
  });
});

describe('export neutralises what a spreadsheet may run', () => {
  it.each([' =1+1', '\u200b=1+1', '\ufeff=1+1', '\u00a0@SUM(A1)', '＝1+1', '＋1', '－1', '＠x', '  ＝1'])('%j', (cell) => {
    expect(neutraliseCell(cell)).toBe("'" + cell);
    // papaparse may quote the cell (a leading space or BOM): the apostrophe comes first inside
    expect(toCsv([{ name: cell }], ['name']).split('\r\n')[1].replace(/^"|"$/g, '')).toBe("'" + cell);
  });
  it('leaves ordinary text alone', () => {
    for (const v of ['Anna', ' Anna', 'a=b', '1+1', '\u200bAnna']) expect(neutraliseCell(v)).toBe(v);
  });
});

describe('a file of a format Tiewise cannot read is refused whole, with one message', () => {
  it.each([
    // a workbook is read (tests/unit/import-workbook.test.ts); a broken one is refused whole
    ['book.xlsx', concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), enc('[Content_Types].xml'.repeat(20))), /this workbook cannot be unpacked/],
    ['old.xls', concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), new Uint8Array(200)), /password-protected \(encrypted\) Excel workbook or an old binary Excel \.xls/],
    ['report.pdf', enc('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /this is a PDF/],
    // Thunderbird's LDIF export (its first entry a mailing list): read as a CSV, 32 lines were 32 rows naming nobody
    ['abook.ldif', enc('dn: cn=team list\nobjectclass: top\nobjectclass: groupOfNames\ncn: team list\n\ndn: cn=Una Test,mail=una@test.example\nobjectclass: top\nobjectclass: person\ngivenName: Una\nsn: Test\nmail: una@test.example\n'), /LDIF address book .* export the address book as vCard/],
  ])('%s: exit 2, never rows rejected one by one', (name, body, msg) => {
    const r = cli(name, body);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(msg);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(() => new ImportReader({ format: 'csv' }).push(body)).toThrow(ImportError);
  });
});
