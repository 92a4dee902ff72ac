// vCards (issue 15): 2.1 / 3.0 / 4.0 as phone books and Google/Apple/Outlook export
// them, every card accounted for, a card's line the line of its BEGIN:VCARD.
import { readFileSync } from 'node:fs';
import { TiewiseDB } from '@/lib/db/database';
import { applyImport } from '@/lib/db/importer';
import { ImportReader, formatOf, rejectsFile } from '@/lib/import/read';
import { readVcardBytes, readVcards } from '@/lib/import/vcard';

const bytes = new Uint8Array(readFileSync('tests/fixtures/import/contacts.vcf'));
const r = readVcards(new TextDecoder().decode(bytes));

describe('contacts.vcf', () => {
  it('every card accounted for, by the line of its BEGIN:VCARD', () => {
    expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
    expect([r.rows, r.accepted]).toEqual([7, 4]);
    expect(r.recordLines).toEqual([1, 18, 29, 51]);
    expect(r.duplicates).toEqual([{ line: 42, sameAs: 1, by: 'email' }]);
    expect(r.rejected.map((x) => [x.line, x.reason])).toEqual([
      [37, 'names nobody: a phone number (+44 113 496 0000) but no name and no e-mail'],
      [48, 'no END:VCARD before the next card'],
    ]);
  });
  it('3.0 (Google): folded lines, grouped properties, escaped URLs, labels', () => {
    expect(r.records[0]).toMatchObject({
      name: 'Harriet K. Osei', firstName: 'Harriet', middleName: 'K.', lastName: 'Osei', company: 'Brightwater Ltd', position: 'Buyer',
      email: 'harriet.osei@brightwater.example', city: 'Leeds', country: 'United Kingdom', birthday: '1984-03-14',
      notes: 'Met at the Leeds fair, wants a demo of the reporting module before the budget meeting',
      profileUrl: 'https://www.linkedin.com/in/harriet-osei-0000', website: 'https://brightwater.example', tags: 'myContacts, Clients',
      // the duplicate card's phone joins the first
      phones: ['+44 7700 900456', '+44 113 496 0001'],
    });
    expect(r.records[0].custom).toMatchObject({ Department: 'Purchasing', Address: '1 Mill Street, Leeds, LS1 4AA, United Kingdom' });
  });
  it('2.1 (Android/Outlook): quoted-printable UTF-8 with a soft line break, bare parameters', () => {
    expect(r.records[1]).toMatchObject({
      name: 'Илья Сергеевич Гордеев', firstName: 'Илья', middleName: 'Сергеевич', lastName: 'Гордеев', company: 'Промсвет',
      phones: ['+7 912 555-71-71', '+7 343 555-71-71'], email: 'gordeev@promsvet.example', profileUrl: 'https://vk.com/id0000002',
    });
  });
  it('4.0: what has no field is kept under its vCard name', () => {
    expect(r.records[2]).toMatchObject({ name: 'Mateus Carvalho', company: 'Ferro & Filhos', custom: { NICKNAME: 'Teu' } });
    expect(r.records[3]).toEqual({ name: 'Ксения Дорохова', email: 'k.dorokhova@stal.example' });
  });
  it('a file ending inside a card, a card the parser cannot read, an END without BEGIN: each one rejected record', () => {
    const x = readVcards('END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Ok Person\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEMAIL;TYPE="x:a@b.example\nEND:VCARD\nBEGIN:VCARD\nFN:Cut\n');
    expect(x.records.map((c) => c.name)).toEqual(['Ok Person']);
    expect(x.rejected.map((c) => [c.line, c.reason.replace(/:.*/, '')])).toEqual([[1, 'END'], [6, 'cannot be read'], [10, 'no END']]);
    expect(x.rows).toBe(4);
  });
  it('a line that is no property (a Roundcube card\'s "blablabla") is kept as the card\'s "vCard line", not the end of the card', () => {
    const x = readVcards('BEGIN:VCARD\nblablabla\nVERSION:3.0\nN:Test;Una;;;\nFN:Una Test\nEMAIL:una@test.example\n;;;\nEND:VCARD\n');
    expect(x.rejected).toEqual([]);
    expect(x.records[0]).toMatchObject({ name: 'Una Test', email: 'una@test.example', custom: { 'vCard line': 'blablabla', 'vCard line 2': ';;;' } });
  });
});

describe('through the import', () => {
  it('is told by its name or its first line; rejects go back as a .vcf', () => {
    expect(formatOf('contacts.vcf', bytes)).toBe('vcard');
    expect(formatOf('export', bytes)).toBe('vcard');
    const read = new ImportReader({ format: 'vcard' });
    read.push(bytes);
    const report = read.end();
    const f = rejectsFile(report, report.rejected);
    expect(f.ext).toBe('vcf');
    expect(f.text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:Reception only')).toBe(true);
  });
  it('stores the contacts with their social profiles linked and their custom fields', async () => {
    const d = new TiewiseDB(`vcard-${Date.now()}`);
    const read = new ImportReader({ format: 'vcard' });
    read.push(bytes);
    const res = await applyImport(read.end(), { fileName: 'contacts.vcf', now: 1 }, d);
    expect(res.summary).toMatchObject({ added: 4, duplicates: 1, rejected: 2, profiles: 2 });
    const h = await d.contacts.where('name').equals('Harriet K. Osei').first();
    expect(h).toMatchObject({ country: 'United Kingdom', website: 'https://brightwater.example', tags: ['Clients'], birthday: { day: 14, month: 3, year: 1984 } });
    expect(h?.custom).toEqual(expect.arrayContaining([{ name: 'Department', value: 'Purchasing' }]));
    expect((await d.profiles.toArray()).map((p) => p.network).sort()).toEqual(['linkedin', 'vk']);
  });
});

describe("old Japanese phones' vCards: plain values in the CHARSET they name", () => {
  it("'N;CHARSET=SHIFT_JIS:' and its bytes (and the reading's half-width katakana) are read in Shift_JIS, a 0x5C byte inside a character no backslash", () => {
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    // ソニア 山田 in Shift_JIS: ソ is 83 5C
    const sonia = [0x83, 0x5c, 0x83, 0x6a, 0x83, 0x41];
    const yamada = [0x8e, 0x52, 0x93, 0x63];
    const bytes = Uint8Array.from([
      ...ascii('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:'), ...yamada, 0x3b, ...sonia, ...ascii(';;;\r\n'),
      // the reading in half-width katakana, one byte each (ﾔﾏﾀﾞ ｿﾆｱ)
      ...ascii('SOUND;X-IRMC-N;CHARSET=SHIFT_JIS:'), 0xd4, 0xcf, 0xc0, 0xde, 0x3b, 0xbf, 0xc6, 0xb1, ...ascii(';;;\r\nTEL;PREF;VOICE:0300000001\r\nEND:VCARD\r\n'),
      ...ascii('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:'), ...sonia, ...ascii(';;;;\r\nEMAIL:sonia@example.jp\r\nEND:VCARD\r\n'),
    ]);
    const r = readVcardBytes(bytes);
    expect(r.records.map((x) => [x.name, x.lastName, x.firstName])).toEqual([['山田 ソニア', '山田', 'ソニア'], ['ソニア', 'ソニア', undefined]]);
  });
  it('a card that names a charset but is UTF-8 stays UTF-8', () => {
    const r = readVcardBytes(new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=SHIFT_JIS:山田;花子;;;\r\nEND:VCARD\r\n'));
    // (the family name first, as Japanese is written)
    expect(r.records[0].name).toBe('山田 花子');
  });
});

describe('cards as old and careless exporters wrote them', () => {
  it("Netscape Communicator 4: lower-case names and 'version:2.1' after N, ORG and ADR — the name, company and address split all the same", () => {
    const r = readVcards([
      'begin:vcard', 'n:Marlowe;Petra', 'tel;work:+30 31 555 0100', 'org:Harbour College;Network Centre', 'version:2.1',
      'email;internet:petra@harbour.example', 'adr;quoted-printable:;;Science Building, 1st Floor=0D=0A;Volos;Thessaly;383 33;Greece',
      'fn:Petra Marlowe', 'end:vcard', '',
    ].join('\r\n'));
    expect(r.records[0]).toMatchObject({
      name: 'Petra Marlowe', firstName: 'Petra', lastName: 'Marlowe', company: 'Harbour College', city: 'Volos', country: 'Greece',
      custom: { Department: 'Network Centre', Address: 'Science Building, 1st Floor, Volos, Thessaly, 383 33, Greece' },
    });
  });
  it('a value of nothing but "=XX" bytes with no ENCODING said is quoted-printable UTF-8; one that is not UTF-8 stays as written', () => {
    const r = readVcards([
      'BEGIN:VCARD', 'VERSION:3.0', 'N:;=D0=9B=D0=B5=D0=BD=D0=B0;;;', 'FN:=D0=9B=D0=B5=D0=BD=D0=B0', 'TEL:+79000000001', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Ada =D0=9B', 'NOTE:=FF=FE', 'TEL:+79000000002', 'END:VCARD', '',
    ].join('\r\n'));
    expect(r.records.map((x) => [x.name, x.firstName, x.notes])).toEqual([['Лена', 'Лена', undefined], ['Ada =D0=9B', undefined, '=FF=FE']]);
  });
  it("the same address twice is one (Samsung writes each ADR twice); a name's doubled space and a title's leading ones are not its text", () => {
    const r = readVcards([
      'BEGIN:VCARD', 'VERSION:2.1', 'N:Novak;Zuzana  B.;;;', 'FN:Zuzana  B. Novak ', 'TITLE:  Buyer', 'ORG: Lipa Trade ',
      'ADR;HOME:;;Main Street 1;Brno;;;Czechia', 'ADR;HOME:;;Main Street 1;Brno;;;Czechia', 'ADR;WORK:;;Depot 2;Brno;;;Czechia',
      'TEL;CELL:+420 600 000 001', 'END:VCARD', '',
    ].join('\r\n'));
    expect(r.records[0]).toMatchObject({ name: 'Zuzana B. Novak', firstName: 'Zuzana B.', position: 'Buyer', company: 'Lipa Trade' });
    expect(r.records[0].custom).toEqual({ Address: 'Main Street 1, Brno, Czechia', 'Address 2': 'Depot 2, Brno, Czechia' });
  });
});

describe('what a card says of its values', () => {
  it("an address marked X-Obsolete goes last even when PREF; middle names parted by commas are names; a birthday in the year 1000 is no birthday", async () => {
    const r = readVcards([
      'BEGIN:VCARD', 'VERSION:2.1', 'N:Doe;John;Richter,James;;', 'FN:John Richter James Doe', 'EMAIL:jd@gmail.example', 'EMAIL;PREF;X-Obsolete:jd@googlemail.example',
      'BDAY:1000-01-01', 'END:VCARD', '',
    ].join('\r\n'));
    expect(r.records[0]).toMatchObject({ middleName: 'Richter James', email: 'jd@gmail.example', emails: ['jd@gmail.example', 'jd@googlemail.example'] });
    const d = new TiewiseDB(`vcard-bday-${Date.now()}`);
    const read = new ImportReader({ format: 'vcard' });
    read.push(new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lind\r\nEMAIL:ada@lind.example\r\nBDAY:1000-01-01\r\nEND:VCARD\r\n'));
    await applyImport(read.end(), { fileName: 'x.vcf', now: 1 }, d);
    const c = await d.contacts.where('name').equals('Ada Lind').first();
    expect(c?.birthday).toBeUndefined();
    expect(c?.custom).toEqual([{ name: 'Birthday', value: '1000-01-01' }]);
  });
});

describe("a phone book's labels and slips", () => {
  it("a number labelled 'Work Fax' (item1.X-ABLabel) is a fax, kept; a number in TITLE is a phone; EMAIL:null is nothing", () => {
    const r = readVcards([
      'BEGIN:VCARD', 'VERSION:3.0', 'FN:Somchai Dee', 'TEL;TYPE=CELL:084 000 0001', 'item1.TEL:074 000 111', 'item1.X-ABLabel:Work Fax',
      'item2.TEL:71234', 'item2.X-ABLabel:Office', 'TITLE:  081-111-2233', 'EMAIL;TYPE=INTERNET:null', 'END:VCARD', '',
    ].join('\r\n'));
    expect(r.records[0]).toMatchObject({ name: 'Somchai Dee', phones: ['084 000 0001', '71234', '081-111-2233'], custom: { FAX: '074 000 111' } });
    expect(r.records[0].position).toBeUndefined();
    expect(r.records[0].custom?.EMAIL).toBeUndefined();
  });
});
