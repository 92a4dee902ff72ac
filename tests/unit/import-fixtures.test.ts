// Every preset's fixture through the whole CSV path (bytes → report), as the CLI and
// the Web Worker run it. Fixtures: tests/fixtures/import/make-fixtures.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContactImport, type ContactImportReport, importContactsCsv } from '../../lib/import/contacts';

const dir = join(__dirname, '../fixtures/import');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
const load = (name: string) => importContactsCsv(bytes(name));

function invariant(r: ContactImportReport) {
  expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
  expect(r.records).toHaveLength(r.accepted);
}

describe('LinkedIn Connections.csv', () => {
  const r = load('linkedin-connections.csv');
  it('skips the notes preamble: header on physical line 4', () => {
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.headerLine]).toEqual(['linkedin-connections', 'utf-8', false, ',', 4]);
    expect(r.headers).toEqual(['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On']);
  });
  it('counts, and the duplicate by profile URL (other case, trailing slash)', () => {
    invariant(r);
    expect([r.rows, r.accepted, r.rejected]).toEqual([7, 6, []]);
    expect(r.duplicates).toEqual([{ line: 10, sameAs: 5, by: 'profileUrl' }]);
    expect(r.recordLines).toEqual([5, 6, 7, 8, 9, 11]);
  });
  it('records as stored, values verbatim', () => {
    expect(r.records[0]).toEqual({
      name: 'Anna Lindqvist', firstName: 'Anna', lastName: 'Lindqvist', email: 'anna.lindqvist@northwind.example',
      company: 'Northwind Traders', position: 'Head of Procurement', profileUrl: 'https://www.linkedin.com/in/anna-lindqvist',
      connectedOn: '14 Mar 2024',
    });
    expect(r.records[1]).toMatchObject({ name: 'Иван Петров', company: 'Ромашка, ООО', position: 'Технический директор' });
    expect(r.records[1].email).toBeUndefined();
    expect(r.records[2].position).toBe('Sales Director, EMEA');
    expect(r.records[4].position).toBe('=Руководитель отдела');
  });
});

describe('Google Contacts (old layout, UTF-8 with BOM, CRLF)', () => {
  const r = load('google-contacts.csv');
  it('detects', () => {
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.headerLine]).toEqual(['google-contacts', 'utf-8', true, ',', 1]);
    expect(r.headers[0]).toBe('Name'); // the BOM is not part of the first header
  });
  it('rejects the row naming nobody', () => {
    invariant(r);
    expect([r.rows, r.accepted, r.duplicates]).toEqual([4, 3, []]);
    expect(r.rejected).toEqual([{ line: 4, code: 'phoneOnly', params: { phone: '+1 555 0100' }, reason: 'names nobody: a phone number (+1 555 0100) but no name and no e-mail', raw: ',,,,,,Met at the conference,* myContacts,,,,,Mobile,+1 555 0100,,,,,' }]);
  });
  it('two e-mails, markup kept verbatim', () => {
    expect(r.records[0]).toMatchObject({
      name: 'Olga Kuznetsova', email: 'olga.kuznetsova@tvertrade.example',
      emails: ['olga.kuznetsova@tvertrade.example', 'olga.k@mail.example'], phone: '+7 912 555-01-23',
      company: 'Tver Trade', position: 'Procurement Lead', website: 'https://vk.com/olga_kuz', birthday: '1985-04-12',
      notes: '<b>VIP</b> client — prefers calls', tags: '* myContacts ::: Clients',
    });
    expect(r.records[2].notes).toBe("<script>alert('x')</script>");
  });
});

describe('Google Contacts (2024 layout)', () => {
  const r = load('google-contacts-2024.csv');
  it('detects and maps', () => {
    invariant(r);
    expect([r.preset, r.bom, r.rows, r.accepted]).toEqual(['google-contacts', false, 2, 2]);
    expect(r.records[1]).toMatchObject({ name: 'Дмитрий Сергеевич Волков', middleName: 'Сергеевич', company: 'Яндекс', position: 'Аналитик', email: 'd.volkov@yandex.example' });
    expect(r.records[0]).toMatchObject({ name: 'Sofia Rossi', phone: '+39 333 123 4567', company: 'Contoso' });
  });
});

describe('Outlook, UTF-16LE with BOM, tab-separated', () => {
  const r = load('outlook-utf16.txt');
  it('detects', () => {
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.headerLine]).toEqual(['outlook', 'utf-16le', true, '\t', 1]);
  });
  it('multi-line note: the rows after it keep their physical lines', () => {
    invariant(r);
    expect([r.rows, r.accepted, r.rejected]).toEqual([3, 2, []]);
    expect(r.recordLines).toEqual([2, 4]);
    expect(r.duplicates).toEqual([{ line: 5, sameAs: 2, by: 'email' }]);
    expect(r.records[0].notes).toBe('Met at SaaStr;\r\nfollow up in Q3');
  });
  it('Outlook "Title" is a salutation, not the position', () => {
    expect(r.records[0]).toMatchObject({ name: 'Emma J Brooks', position: 'VP Sales', city: 'Seattle', phones: ['+1 206 555 0142', '+1 206 555 0199'] });
    expect(r.records[0].custom?.Title).toBe('Ms.');
  });
});

describe('HubSpot', () => {
  const r = load('hubspot.csv');
  it('duplicates by e-mail (any case) and by Record ID, merged into the earlier row', () => {
    invariant(r);
    expect([r.preset, r.rows, r.accepted]).toEqual(['hubspot', 6, 3]);
    expect(r.duplicates).toEqual([{ line: 4, sameAs: 2, by: 'email' }, { line: 5, sameAs: 3, by: 'crmId' }]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([[6, 'names a company (“Hooli”), no person: no name and no e-mail; Tiewise keeps people, so import the company’s contacts']]);
    // the duplicate's second phone is added; the earlier row's own values stay
    expect(r.records[0]).toMatchObject({ name: 'Priya Sharma', email: 'priya.sharma@globex.example', phones: ['+44 20 7946 0958', '+44 7700 900123'], crmId: '101', stage: 'customer' });
    expect(r.records[1]).toMatchObject({ name: 'Tom Becker', firstName: 'Tom', crmId: '102' });
    expect(r.records[2]).toMatchObject({ name: 'Мария Соколова', company: 'Сокол, АО', city: 'Казань' });
  });
});

describe('Salesforce: CRLF rows, LF inside quoted cells', () => {
  const r = load('salesforce.csv');
  it('physical lines after multi-line cells', () => {
    invariant(r);
    expect([r.preset, r.newline, r.rows, r.accepted]).toEqual(['salesforce', '\r\n', 4, 4]);
    expect(r.recordLines).toEqual([2, 5, 6, 8]);
    expect(r.records[0].notes).toBe('Key account.\nRenewal due in May.\nPrefers "email" over calls.');
    expect(r.records[0]).toMatchObject({ crmId: '0035g00000AbCdE', company: 'Acme Corp', position: 'VP Operations', city: 'Austin' });
  });
});

describe('Pipedrive: broken rows do not swallow the rows after them', () => {
  const r = load('pipedrive.csv');
  it('rejects exactly the broken lines', () => {
    invariant(r);
    expect([r.preset, r.rows, r.accepted]).toEqual(['pipedrive', 6, 4]);
    expect(r.rejected).toEqual([
      { line: 3, code: 'unclosedQuote', reason: 'unclosed quote', raw: '2,"Olaf Berg,olaf@berg.example,+47 555 0102,Berg AS,CEO,Customer' },
      { line: 5, code: 'width', params: { fields: 9, columns: 7 }, reason: '9 fields for 7 columns', raw: '4,Kevin Duarte,kevin@duarte.example,+351 555 0103,Duarte Lda,Manager,Warm,extra,cells' },
    ]);
    expect(r.recordLines).toEqual([2, 4, 6, 7]);
    expect(r.records.map((x) => x.name)).toEqual(['Nina Weber', 'Елена Новикова', 'Sara "The Closer" Lind', 'Paulo Costa']);
    expect(r.records[3].company).toBe('Costa, Filhos');
  });
});

describe('Zoho', () => {
  const r = load('zoho.csv');
  it('rows naming nobody are rejected; an e-mail alone names someone', () => {
    invariant(r);
    expect([r.preset, r.rows, r.accepted]).toEqual(['zoho', 5, 3]);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4]);
    expect(r.records[1]).toMatchObject({ name: 'info@blueyonder.example', email: 'info@blueyonder.example', crmId: 'zcrm_4876000000123004' });
    expect(r.records[2]).toMatchObject({ name: 'Peter Novak', emails: ['peter.novak@blueyonder.example', 'p.novak@gmail.example'], company: 'Blue Yonder', position: 'Buyer' });
  });
});

describe('amoCRM (Russian, UTF-8 with BOM)', () => {
  const r = load('amocrm.csv');
  it('detects, full-name column, duplicate by ID', () => {
    invariant(r);
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.rows, r.accepted]).toEqual(['amocrm', 'utf-8', true, ',', 4, 3]);
    expect(r.duplicates).toEqual([{ line: 5, sameAs: 2, by: 'crmId' }]);
    expect(r.records[0]).toMatchObject({ name: 'Ольга Васильева', company: 'ТехноПарк', email: 'o.vasilieva@technopark.example', phones: ['+7 495 555-10-20', '+7 916 555-10-20'], tags: 'ключевой, опт', crmId: '28341' });
    expect(r.records[1].company).toBe('ООО "Лебедь"');
  });
});

describe('Bitrix24 (Windows-1251, ";")', () => {
  const r = load('bitrix24.csv');
  it('detects', () => {
    expect([r.preset, r.encoding, r.bom, r.delimiter, r.headerLine]).toEqual(['bitrix24', 'windows-1251', false, ';', 1]);
  });
  it('counts and records', () => {
    invariant(r);
    expect([r.rows, r.accepted]).toEqual([5, 3]);
    expect(r.duplicates).toEqual([{ line: 6, sameAs: 2, by: 'email' }]);
    expect(r.rejected).toEqual([{ line: 4, code: 'companyNoPerson', params: { company: 'ЗАО «Полюс»' }, reason: 'names a company (“ЗАО «Полюс»”), no person: no name and no e-mail; Tiewise keeps people, so import the company’s contacts', raw: '103;;;;;;ЗАО «Полюс»;;+7 (495) 555-99-99;;;Москва;Общий номер;Елена Орлова' }]);
    expect(r.records[0]).toMatchObject({ name: 'Николай Иванович Сидоров', middleName: 'Иванович', company: 'ООО «Вектор»', email: 'sidorov@vector.example', city: 'Москва', notes: 'Постоянный клиент — №1', birthday: '12.05.1978' });
    expect(r.records[1]).toMatchObject({ name: 'Татьяна Петровна Ёлкина', notes: 'Заказ; доставка в пятницу' });
    expect(r.records[2].notes).toBe('=СУММ(1;2)');
  });
});

describe('generic headers', () => {
  it('English: LinkedIn/VK columns, full name, duplicate by name + company', () => {
    const r = load('generic.csv');
    invariant(r);
    expect([r.preset, r.rows, r.accepted]).toEqual(['generic', 3, 2]);
    expect(r.duplicates).toEqual([{ line: 4, sameAs: 2, by: 'name+company' }]);
    expect(r.records[0]).toMatchObject({ name: 'Alice Moreau', email: 'alice@moreau.example', phone: '+33 6 55 55 01 01', company: 'Moreau SARL', position: 'Founder', city: 'Lyon', profileUrl: 'https://www.linkedin.com/in/alice-moreau', notes: 'Likes cycling', custom: { 'Customer Since': '2021' } });
    expect(r.records[1].profileUrl).toBe('https://vk.com/pavel.gusev');
  });
  it('Russian, ";"', () => {
    const r = load('generic-ru.csv');
    invariant(r);
    expect([r.preset, r.delimiter, r.rows, r.accepted]).toEqual(['generic', ';', 2, 2]);
    expect(r.records[0]).toEqual({ name: 'Кузнецов Олег Петрович', email: 'oleg@sibles.example', phone: '+7 (383) 555-12-12', company: 'Сиблес', position: 'Коммерческий директор', city: 'Новосибирск', notes: 'Звонить после 10:00' });
  });
});

describe('formula-like and markup cells', () => {
  it('are kept verbatim on import', () => {
    const r = load('formulas.csv');
    invariant(r);
    expect(r.accepted).toBe(3);
    expect(r.records.map((x) => [x.name, x.company, x.notes])).toEqual([
      ['=HYPERLINK("http://evil.example","click")', '+Plus Corp', '-minus note'],
      ['@mention', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>'],
      ['Tab Start', 'tabbed company', 'normal'],
    ]);
  });
});

describe('streaming', () => {
  it.each(['linkedin-connections.csv', 'outlook-utf16.txt', 'bitrix24.csv', 'salesforce.csv', 'pipedrive.csv'])(
    '%s read in 7-byte chunks gives the same report',
    (name) => {
      const b = bytes(name);
      const imp = new ContactImport();
      for (let i = 0; i < b.length; i += 7) imp.push(b.subarray(i, i + 7));
      expect(imp.end()).toEqual(load(name));
    },
  );
});
