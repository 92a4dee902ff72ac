// Issue 15: Excel workbooks and Bitrix24's HTML "xls" read like a CSV — each sheet
// (table) offered, the same detection, mapping, rejects and accounting, a row's line
// its spreadsheet row. Fixtures: tests/fixtures/import/make-workbooks.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { readHtmlTables } from '@/lib/import/html-table';
import { type CsvRead, type TablePreview, formatOf, previewFile, readChunks, readGridFile, rejectsFile } from '@/lib/import/read';
import { ImportError } from '@/lib/import/table';
import { isoDate, serialToIso } from '@/lib/import/workbook';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/import', name)));
const adds = (r: CsvRead) => expect(r.accepted + r.rejected.length + (r.kind === 'contacts' ? r.duplicates.length : 0)).toBe(r.rows);

/** A minimal .xlsx: one sheet whose <sheetData> is given, inline strings only. */
function xlsx(sheetData: string | Uint8Array, name = 'Sheet1'): Uint8Array {
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const sheet = typeof sheetData === 'string' ? strToU8(head + sheetData + tail) : concat(strToU8(head), sheetData, strToU8(tail));
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': sheet,
  });
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
const col = (i: number) => String.fromCharCode(65 + i);
const row = (r: number, cells: string[]) => `<row r="${r}">${cells.map((v, i) => `<c r="${col(i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;

async function* chunksOf(b: Uint8Array, size = 1000) {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

describe('xlsx: amoCRM-like workbook (Russian headers, summary sheet first, merged group row)', () => {
  it('offers both sheets and shows the first that looks like data', async () => {
    const p = (await previewFile('amocrm-contacts.xlsx', fixture('amocrm-contacts.xlsx'))) as TablePreview;
    expect(p.format).toBe('xlsx');
    expect(p.sheets!.map((s) => [s.name, s.looksLikeData])).toEqual([['Сводка', false], ['Контакты', true]]);
    expect(p.sheet).toBe(1);
    expect(p.info).toMatchObject({ sheet: 'Контакты', headerLine: 2 });
    expect(p.preset).toBe('amocrm');
    expect(p.records[0].name).toBe('Соколова Ирина Андреевна');
  });

  it('every row accounted for, lines are spreadsheet rows, dates ISO, formulas their saved values, merged cells not copied', async () => {
    const r = (await readGridFile(fixture('amocrm-contacts.xlsx'), { format: 'xlsx' })) as Extract<CsvRead, { kind: 'contacts' }>;
    adds(r);
    expect(r).toMatchObject({ rows: 6, accepted: 4, headerLine: 2, sheet: 'Контакты', format: 'xlsx' });
    expect(r.duplicates).toEqual([{ line: 7, sameAs: 3, by: 'email' }]);
    expect(r.rejected).toEqual([expect.objectContaining({ line: 6, code: 'companyNoPerson', params: { company: 'ООО «Без Имени»' } })]);
    expect(r.recordLines).toEqual([3, 4, 8, 9]);
    const [irina, denis, olga, pavel] = r.records;
    // the full name as the file gives it (with patronymic), a serial in the birthday column a date
    expect(irina).toMatchObject({ name: 'Соколова Ирина Андреевна', crmId: '9001', birthday: '1989-05-18', phones: ['+7 (495) 555-01-01', '+7 (495) 555-01-02'] });
    // (her duplicate row, by e-mail, was the CRM's record 9004: its id kept beside hers)
    expect(irina.custom).toEqual({ 'Дата создания': '2025-11-03T09:30', 'Сделок': '2', 'crmId 2': '9004', 'Дата создания 2': '2025-11-06' });
    expect(denis.custom).toEqual({ 'Дата создания': '2025-11-04', 'Сделок': '1' });
    expect(olga.company).toBe('АО «Северный Ветер»');
    // the company cell merged over Olga's and Pavel's rows holds Olga's: nothing is guessed for Pavel
    expect(pavel.company).toBeUndefined();
  });

  it('streams through readChunks like the import worker', async () => {
    const r = await readChunks(chunksOf(fixture('amocrm-contacts.xlsx')), { format: 'xlsx' });
    expect(r).toMatchObject({ rows: 6, accepted: 4 });
  });

  it('rejects go to a CSV with the header row, to fix and import again', async () => {
    const r = await readGridFile(fixture('amocrm-contacts.xlsx'), { format: 'xlsx' });
    const f = rejectsFile(r, r.rejected);
    expect(f.ext).toBe('csv');
    expect(f.text.split('\r\n')[0]).toBe('\uFEFFID,Полное имя контакта,Имя,Фамилия,Компания,Должность (контакт),Дата рождения,Дата создания,Сделок,Рабочий телефон,Рабочий email,Теги');
    expect(f.text).toContain('9003,,,,ООО «Без Имени»');
  });
});

describe('xlsx: HubSpot-like workbook (English headers)', () => {
  it('numbers stay the text the file stores, custom columns kept, the other sheet on request', async () => {
    const r = (await readGridFile(fixture('hubspot-contacts.xlsx'), { format: 'xlsx' })) as Extract<CsvRead, { kind: 'contacts' }>;
    adds(r);
    expect(r).toMatchObject({ preset: 'hubspot', sheet: 'Contacts', headerLine: 1, rows: 4, accepted: 3 });
    expect(r.records[0]).toMatchObject({ name: 'Megan Holloway', phone: '14155550123', crmId: '501', birthday: '1986-02-14', country: 'United States', stage: 'customer' });
    expect(r.records[0].custom).toEqual({ 'Create Date': '2024-03-15T14:05', 'Open deals': '3', 'Favourite colour': 'teal' });
    const companies = await readGridFile(fixture('hubspot-contacts.xlsx'), { format: 'xlsx', sheet: 'Companies' });
    adds(companies);
    expect(companies).toMatchObject({ sheet: 'Companies', rows: 2, accepted: 0 });
    await expect(readGridFile(fixture('hubspot-contacts.xlsx'), { format: 'xlsx', sheet: 'Nope' })).rejects.toThrow(/no sheet “Nope”.*“Contacts”, “Companies”/);
  });

  it('a sheet with no header row (a list of phone numbers from row 1) is refused with the reason, as the same CSV is — its first number is not taken for a column name', async () => {
    const data = [1, 2, 3, 4].map((r) => `<row r="${r}"><c r="A${r}"><v>7965320959${r}</v></c></row>`).join('');
    const err = await readGridFile(xlsx(data, 'База'), { format: 'xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).why).toMatchObject({ code: 'sheetHeaderIsData', params: { sheet: 'База', line: 1 } });
    expect((err as ImportError).message).toMatch(/^row 1 of “База” holds data/);
    await expect(previewFile('baza.xlsx', xlsx(data, 'База'))).rejects.toThrow(/row 1 of “База” holds data/);
  });

  it("Google Sheets' whole numbers in exponent form or with '.0' read as Excel shows them", async () => {
    const num = (r: number, c: number, v: string) => `<c r="${col(c)}${r}"><v>${v}</v></c>`;
    const str = (r: number, c: number, v: string) => `<c r="${col(c)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const data =
      `<row r="1">${str(1, 0, 'Name')}${str(1, 1, 'Phone')}${str(1, 2, 'Company ID')}${str(1, 3, 'Shared connections')}${str(1, 4, 'Score')}</row>` +
      `<row r="2">${str(2, 0, 'Lena Dahl')}${num(2, 1, '3.2488983471E10')}${num(2, 2, '1.131638E7')}${num(2, 3, '4.0')}${num(2, 4, '0.75')}</row>` +
      `<row r="3">${str(3, 0, 'Ivo Berg')}${num(3, 1, '79653209599')}${num(3, 2, '9698301.0')}${num(3, 3, '12')}${num(3, 4, '1.5E-3')}</row>`;
    const r = (await readGridFile(xlsx(data), { format: 'xlsx' })) as Extract<CsvRead, { kind: 'contacts' }>;
    adds(r);
    expect(r.records.map((x) => [x.name, x.phone, x.custom])).toEqual([
      ['Lena Dahl', '32488983471', { 'Company ID': '11316380', 'Shared connections': '4', Score: '0.75' }],
      ['Ivo Berg', '79653209599', { 'Company ID': '9698301', 'Shared connections': '12', Score: '1.5E-3' }],
    ]);
  });
});

describe('refused whole with one message', () => {
  it.each(['encrypted.xlsx', 'legacy.xls'])('%s (a CFB container)', async (name) => {
    const err = await previewFile(name, fixture(name)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/password-protected.*old binary Excel \.xls/);
    await expect(readChunks(chunksOf(fixture(name)), { format: formatOf(name, fixture(name)) })).rejects.toThrow(/password-protected/);
  });
  it('an OpenDocument spreadsheet and a zip that is no workbook', async () => {
    const ods = zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') });
    await expect(previewFile('a.ods', ods)).rejects.toThrow(/OpenDocument/);
    await expect(previewFile('a.xlsx', zipSync({ 'a.txt': strToU8('hi') }))).rejects.toThrow(/not an Excel workbook/);
  });
  it('a workbook is told by its bytes, whatever its name', () => {
    expect(formatOf('contacts.csv', fixture('hubspot-contacts.xlsx'))).toBe('xlsx');
    expect(formatOf('leads.xls', fixture('bitrix24-leads.xls'))).toBe('xls-html');
  });
});

describe('xlsx: hostile sheets, bounded', () => {
  it('a million empty rows after the data: quick, and nothing but the data counted', async () => {
    const parts = [strToU8(row(1, ['Name', 'Email']) + row(2, ['Ann Example', 'ann@example.com']) + row(3, ['Bob Example', 'bob@example.com']))];
    let s = '';
    for (let r = 4; r <= 1_000_003; r++) {
      s += `<row r="${r}"><c r="A${r}" s="0"/></row>`;
      if (s.length > 1 << 20) {
        parts.push(strToU8(s));
        s = '';
      }
    }
    parts.push(strToU8(s));
    const book = xlsx(concat(...parts));
    const t0 = performance.now();
    const r = await readGridFile(book, { format: 'xlsx' });
    const ms = performance.now() - t0;
    adds(r);
    expect(r).toMatchObject({ rows: 2, accepted: 2 });
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('empty rows between the data keep the row numbers; a repeated header row and a huge cell are rejected, not imported', async () => {
    const big = 'x'.repeat(150_000);
    const book = xlsx(row(1, ['Name', 'Email']) + row(5, ['Ann Example', 'ann@example.com']) + row(9, ['Name', 'Email']) + row(12, [big, 'big@example.com']) + row(13, ['__proto__', 'p@example.com']));
    const r = await readGridFile(book, { format: 'xlsx' });
    adds(r);
    expect(r.recordLines).toEqual([5, 13]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[9, 'the header row again, not a contact'], [12, 'a cell of 150,000 characters: at most 100,000']]);
    expect(r.rejected[1].raw.length).toBeLessThan(2_000);
  });

  it('a column named __proto__ or constructor is a column like any other', async () => {
    const book = xlsx(row(1, ['Name', '__proto__', 'constructor']) + row(2, ['Ann Example', 'p', 'c']));
    const r = (await readGridFile(book, { format: 'xlsx' })) as Extract<CsvRead, { kind: 'contacts' }>;
    expect(Object.entries(r.records[0].custom ?? {})).toEqual([['__proto__', 'p'], ['constructor', 'c']]);
  });

  it('a sheet with more rows than a workbook may hold is refused whole, before the library reads it', async () => {
    let s = row(1, ['Name']);
    for (let r = 2; r <= 300_002; r++) s += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>P${r}</t></is></c></row>`;
    const t0 = performance.now();
    await expect(readGridFile(xlsx(s), { format: 'xlsx' })).rejects.toThrow(/has 300,002 rows, more than Tiewise reads from a workbook \(300,000\): save that sheet as “CSV UTF-8”/);
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 60_000);

  it('a sheet the library cannot read (cells without their address) is refused whole, with one message', async () => {
    const err = await readGridFile(xlsx('<row><c t="inlineStr"><is><t>Name</t></is></c></row>'), { format: 'xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/^this workbook cannot be read: /);
  });

  it("LinkedIn's Invitations re-saved as a workbook is refused for what it is, not as an empty workbook", async () => {
    const book = xlsx(row(1, ['From', 'To', 'Sent At', 'Message', 'Direction', 'inviterProfileUrl', 'inviteeProfileUrl']) +
      row(2, ['Ana Souza', 'Bo Lima', '11/14/24, 9:02 PM', '', 'OUTGOING', 'https://www.linkedin.com/in/ana-souza-1', 'https://www.linkedin.com/in/bo-lima-2']), 'Invitations');
    await expect(readGridFile(book, { format: 'xlsx' })).rejects.toThrow(/LinkedIn’s Invitations/);
  });

  it('an empty workbook is refused whole', async () => {
    await expect(readGridFile(xlsx(''), { format: 'xlsx' })).rejects.toThrow(/every sheet of this workbook is empty/);
  });

  it('date serials become dates only where a date is meant', () => {
    expect(serialToIso('45000')).toBe('2023-03-15');
    expect(serialToIso('45000.5')).toBe('2023-03-15T12:00');
    expect(serialToIso('+7 495')).toBeUndefined();
    expect(serialToIso('79161234567')).toBeUndefined();
    expect(isoDate(new Date(Date.UTC(1899, 11, 30, 9, 30)))).toBe('09:30');
    expect(isoDate(new Date(Date.UTC(2024, 2, 15, 14, 4, 59, 999)))).toBe('2024-03-15T14:05');
  });
});

describe('Bitrix24 HTML "xls"', () => {
  it('leads in UTF-8: told by content, weighed as leads, table rows as lines, <br> a line break, entities decoded', async () => {
    const bytes = fixture('bitrix24-leads.xls');
    const p = (await previewFile('leads.xls', bytes)) as TablePreview;
    expect(p).toMatchObject({ format: 'xls-html', kind: 'leads', preset: 'bitrix24' });
    expect(p.info).toMatchObject({ encoding: 'utf-8', headerLine: 1, sheet: 'Table 1' });
    const r = (await readGridFile(bytes, { format: 'xls-html' })) as Extract<CsvRead, { kind: 'contacts' }>;
    adds(r);
    expect(r).toMatchObject({ entity: 'leads', rows: 4, accepted: 2, duplicates: [{ line: 5, sameAs: 2, by: 'email' }] });
    expect(r.rejected.map((x) => x.line)).toEqual([4]);
    expect(r.records[0]).toMatchObject({ name: 'Виктор Павлович Зуев', middleName: 'Павлович', notes: 'Перезвонить\nв понедельник', stage: 'Новая', owner: 'Мария Лосева' });
    expect(r.records[0].custom).toMatchObject({ 'Название лида': 'Заявка с сайта: "Станок"', 'Сумма': '185 000,00' });
  });

  it('contacts in Windows-1251, as the meta line says', async () => {
    const r = (await readGridFile(fixture('bitrix24-contacts-1251.xls'), { format: 'xls-html' })) as Extract<CsvRead, { kind: 'contacts' }>;
    adds(r);
    expect(r).toMatchObject({ encoding: 'windows-1251', rows: 2, accepted: 2 });
    expect(r.records.map((x) => x.name)).toEqual(['Вера Николаевна Громова', 'Степан Ильич Баранов']);
  });

  it('hostile pages: scripts are not data, nested tables stay in their cell, no table is one message', () => {
    const [t] = readHtmlTables('<meta charset="utf-8"><table><tr><th>Name</th><th>Email</th></tr><tr><td>Ann<script>alert(1)</script> Example</td><td>ann@example.com<table><tr><td>inner</td></tr></table></td></tr></table>');
    expect(t.rows).toEqual([['Name', 'Email'], ['Ann Example', 'ann@example.com inner']]);
    expect(() => readHtmlTables('<html><body>ERROR_CONTACT_IS_EMPTY</body></html>')).toThrow(ImportError);
    expect(() => readHtmlTables('<table></table>')).toThrow(/no table with rows/);
  });

  it("Facebook's 'Download your information' friends page in HTML: refused with the way to the JSON it can read", () => {
    const page = '<html><head><meta charset="UTF-8" /><base href="../../" /><title>Your friends</title></head><body class="_5vb_ _2yq _a7o5"><div class="_a706" role="main">' +
      '<div class="_3-95 _a6-g"><div class="_2ph_ _a6-h _a6-i">Ann Example</div><div class="_3-94 _a6-o _2pie"><div class="_a72d">Feb 03, 2024 5:08:06pm</div></div></div></div></body></html>';
    expect(() => readHtmlTables(page)).toThrow(/Facebook’s “Download your information” in HTML.*JSON format/);
  });

  it("a landing page's lead log named .xls (bare <tr> rows, no <table>, no header) is refused with the reason, not read as CSV", async () => {
    const log = ' <tr> <td></td> <td>Олена Коваль</td> <td>+380670000001</td>   <td>19.02.18 / 22:56</td> </tr>\n  <tr> <td></td> <td>Ігор Мельник</td> <td>+380670000002</td>   <td>19.02.18 / 23:11</td> </tr>\n';
    const bytes = new TextEncoder().encode(log);
    expect(formatOf('leads.xls', bytes)).toBe('xls-html');
    await expect(readGridFile(bytes, { format: 'xls-html' })).rejects.toThrow(/^row 1 of “Table 1” holds data/);
    // with a header row, the same rows are a table; a real table after bare rows is a table of its own
    const tables = readHtmlTables('<tr><td>Name</td><td>Phone</td></tr><tr><td>Олена Коваль</td><td>+380670000001</td></tr><table><tr><td>Email</td></tr><tr><td>a@example.com</td></tr></table>');
    expect(tables.map((t) => t.rows)).toEqual([[['Name', 'Phone'], ['Олена Коваль', '+380670000001']], [['Email'], ['a@example.com']]]);
  });

  it('nesting 50,000 deep and a 5 MB cell: bounded, the row rejected with its line', async () => {
    const deep = '<div>'.repeat(50_000) + 'x' + '</div>'.repeat(50_000);
    const html = `<meta charset="utf-8"><table><tr><th>Name</th><th>Email</th></tr><tr><td>${deep}</td><td>d@example.com</td></tr><tr><td>${'y'.repeat(5_000_000)}</td><td>y@example.com</td></tr><tr><td>Ann Example</td><td>ann@example.com</td></tr></table>`;
    const t0 = performance.now();
    const r = await readGridFile(new TextEncoder().encode(html), { format: 'xls-html' });
    // ~1 s on an idle machine; the bound is generous for a shared, loaded one
    expect(performance.now() - t0).toBeLessThan(30_000);
    adds(r);
    expect(r).toMatchObject({ rows: 3, accepted: 2 });
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[3, 'a cell of 100,001 characters: at most 100,000']]);
  });

  it('colspan keeps the columns in place; a row wider than the header keeps its extra cell as a column', () => {
    const [t] = readHtmlTables('<table><tr><th colspan="2">Name</th><th>Email</th></tr><tr><td>Ann</td><td>Example</td><td>a@example.com</td><td>extra</td></tr></table>');
    expect(t.rows).toEqual([['Name', '', 'Email'], ['Ann', 'Example', 'a@example.com', 'extra']]);
  });
});

describe("Telegram Desktop's export of your contacts (lists/contacts.html)", () => {
  // the structure of a real export: no table, a div.entry per contact (invented people)
  const entry = (initials: string, added: string, name: string, phone: string) =>
    `\n     <div class="entry clearfix">\n      <div class="pull_left userpic_wrap">\n       <div class="userpic userpic1" style="width: 48px; height: 48px">\n        <div class="initials" style="line-height: 48px">\n${initials}\n        </div>\n       </div>\n      </div>\n` +
    `      <div class="body">\n       <div class="pull_right info details">\n${added}\n       </div>\n       <div class="name bold">\n${name}\n       </div>\n       <div class="details_entry details">\n${phone}\n       </div>\n      </div>\n     </div>\n`;
  const page = (entries: string) =>
    '<!DOCTYPE html>\n<html>\n <head>\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n </head>\n <body>\n  <div class="page_wrap">\n   <div class="page_header"><div class="content"><div class="text bold">Contacts</div></div></div>\n' +
    `   <div class="page_body list_page">\n    <div class="page_about details">If you allow access, Telegram continuously syncs your contacts.</div>\n    <div class="entry_list">${entries}    </div>\n   </div>\n  </div>\n </body>\n</html>\n`;

  it('each entry is a contact: its name, its phone, the day it was added (kept); a number shown for a name stays the name', async () => {
    const html = page(entry('AB', '20.01.2024 09:47:51', 'Aurora Bellini', '0056900000001') + entry('+5', '20.01.2024 09:47:50', '+56 9 0000 0002', '0056900000002') + entry('[M', '21.01.2024 10:00:00', '[D I E G O] Marsh &amp; Co', '+998 91 0000003'));
    expect(readHtmlTables(html)[0].rows).toEqual([
      ['Name', 'Phone', 'Added'],
      ['Aurora Bellini', '0056900000001', '20.01.2024 09:47:51'],
      ['+56 9 0000 0002', '0056900000002', '20.01.2024 09:47:50'],
      ['[D I E G O] Marsh & Co', '+998 91 0000003', '21.01.2024 10:00:00'],
    ]);
    const r = (await readGridFile(new TextEncoder().encode(html), { format: 'xls-html' })) as Extract<CsvRead, { kind: 'contacts' }>;
    expect(r.rows).toBe(3);
    expect(r.accepted).toBe(3);
    expect(r.records[0]).toMatchObject({ name: 'Aurora Bellini', phone: '0056900000001', custom: { Added: '20.01.2024 09:47:51' } });
  });

  it('a page with neither a table nor such entries still says there is nothing to import', () => {
    expect(() => readHtmlTables(page(''))).toThrow(/no table with rows/);
  });
});

describe('XML address books (IP phones, phone books)', () => {
  const enc = new TextEncoder();
  it("a Yealink directory: each DirectoryEntry a contact, its Telephones the numbers; character references read", async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<YealinkIPPhoneDirectory><DirectoryEntry><Name>&#x41E;&#x43B;&#x44F; &#x41B;&#x438;&#x43D;&#x434;</Name><Telephone>+7 912 000-00-01</Telephone><Telephone>202</Telephone></DirectoryEntry>' +
      '<DirectoryEntry><Name>Bo Lind</Name><Telephone>+47 912 34 567</Telephone></DirectoryEntry><DirectoryEntry><Telephone>203</Telephone></DirectoryEntry></YealinkIPPhoneDirectory>';
    const bytes = enc.encode(xml);
    expect(formatOf('phonebook.xml', bytes)).toBe('xml');
    const r = (await readGridFile(bytes, { format: 'xml' })) as Extract<CsvRead, { kind: 'contacts' }>;
    expect([r.rows, r.accepted, r.rejected.length]).toEqual([3, 2, 1]);
    expect(r.records.map((x) => [x.name, x.phones ?? [x.phone]])).toEqual([['Оля Линд', ['+7 912 000-00-01', '202']], ['Bo Lind', ['+47 912 34 567']]]);
    expect(r.rejected[0]).toMatchObject({ line: 4, code: 'phoneOnly' });
  });
  it("a Grandstream address book: its Contacts, not its groups; a nested <Phone><phonenumber> is the number; what has no field is kept", async () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<AddressBook><pbgroup><id>1</id><name>Sales</name></pbgroup>' +
      ['Ada', 'Bo', 'Cy'].map((n, i) => `<Contact><FirstName>${n}</FirstName><LastName>Lind</LastName><Phone><phonenumber>0585 000 00${i}</phonenumber><accountindex>0</accountindex></Phone><Group>1</Group></Contact>`).join('') + '</AddressBook>';
    const r = (await readGridFile(enc.encode(xml), { format: 'xml' })) as Extract<CsvRead, { kind: 'contacts' }>;
    expect(r.records.map((x) => [x.name, x.phone, x.custom])).toEqual([
      ['Ada Lind', '0585 000 000', { accountindex: '0', Group: '1' }], ['Bo Lind', '0585 000 001', { accountindex: '0', Group: '1' }], ['Cy Lind', '0585 000 002', { accountindex: '0', Group: '1' }],
    ]);
  });
  it('hostile or empty: an external entity is never read, a file with no records is refused whole, an Excel XML sheet still refused', async () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><list><person><name>&x;Ann Lind</name><email>ann@lind.example</email></person><person><name>Bo</name><email>bo@lind.example</email></person></list>';
    const r = (await readGridFile(enc.encode(xxe), { format: 'xml' })) as Extract<CsvRead, { kind: 'contacts' }>;
    expect(r.records.map((x) => x.email)).toEqual(['ann@lind.example', 'bo@lind.example']);
    expect(JSON.stringify(r.records)).not.toContain('root:');
    await expect(readGridFile(enc.encode('<?xml version="1.0"?>\n<settings/>'), { format: 'xml' })).rejects.toThrow(/holds no records/);
    const deep = `<?xml version="1.0"?>\n${'<a>'.repeat(5000)}x${'</a>'.repeat(5000)}`;
    await expect(readGridFile(enc.encode(deep), { format: 'xml' })).rejects.toThrow(/more than 200 levels deep/);
    const excel = enc.encode('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    await expect(readGridFile(excel, { format: formatOf('x.xml', excel) as 'xml' })).rejects.toThrow(/Excel 2003 XML/);
  });
});
