// vCard traps found in real exports, round 4 (an Outlook "Library" export, a Nokia's Greek card, a Hebrew phone book,
// Samsung's and Google's labels, Apple's company cards, RFC 2426's AGENT). The structures are theirs, the people invented.
import { ImportReader } from '@/lib/import/read';
import { type VcardReport, readVcardBytes, readVcards } from '@/lib/import/vcard';

/** Every card accounted for: rows = accepted + duplicates + rejected. */
function counted(r: VcardReport): VcardReport {
  expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
  return r;
}

const text = (...lines: string[]) => counted(readVcards(lines.join('\r\n') + '\r\n'));

/** A text in a single-byte code page ("windows-1253"), as a legacy phone writes it. */
function codePage(label: string, s: string): Uint8Array {
  const dec = new TextDecoder(label);
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(dec.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...s], (c) => {
    const b = byChar.get(c);
    if (b === undefined) throw new Error(`${c} is not in ${label}`);
    return b;
  });
}

/** A file's bytes from its parts: ASCII text and the bytes of legacy-encoded values. */
function bytesOf(...parts: (string | Uint8Array)[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The file as the import reads it (its bytes, chunked as a stream). */
function imported(bytes: Uint8Array): VcardReport {
  const reader = new ImportReader({ format: 'vcard' });
  reader.push(bytes.subarray(0, 7));
  reader.push(bytes.subarray(7));
  const out = reader.end();
  if (out.kind !== 'contacts' || !('format' in out) || out.format !== 'vcard') throw new Error(`read as ${out.kind}`);
  return counted(out);
}

describe("vCard 2.1's base64 value goes on until a blank line", () => {
  it('a PHOTO whose base64 lines are not indented (Outlook) is the photo, no custom "vCard line" fields', () => {
    const picture = Uint8Array.from({ length: 2400 }, (_, i) => (i * 7919 + 13) % 256);
    const b64 = btoa(String.fromCharCode(...picture)).match(/.{1,76}/g)!;
    const r = text('BEGIN:VCARD', 'VERSION:2.1', 'N:Linden;Mara', 'FN:Mara Linden', 'PHOTO;ENCODING=BASE64;TYPE=JPEG:', ...b64, '',
      'EMAIL;PREF;INTERNET:mara.linden@example.com', 'TEL;WORK;VOICE:+1 555 0142', 'END:VCARD');
    expect([r.rows, r.accepted, r.rejected.length]).toEqual([1, 1, 0]);
    expect(r.records[0]).toEqual({ name: 'Mara Linden', firstName: 'Mara', lastName: 'Linden', email: 'mara.linden@example.com', phone: '+1 555 0142' });
  });

  it('a base64 NOTE over unindented lines is read whole', () => {
    const b64 = btoa('Met at the trade fair in spring; call about the catalogue.').match(/.{1,20}/g)!;
    const r = text('BEGIN:VCARD', 'VERSION:2.1', 'FN:Olaf Brandt', 'NOTE;ENCODING=BASE64:' + b64[0], ...b64.slice(1), '', 'END:VCARD');
    expect(r.records[0]).toEqual({ name: 'Olaf Brandt', notes: 'Met at the trade fair in spring; call about the catalogue.' });
  });
});

describe('a card read in the charset it names itself', () => {
  const greekCard = (name: [string, string]) => [
    'BEGIN:VCARD\r\nVERSION:2.1\r\nN:', codePage('windows-1253', `${name[1]};${name[0]}`), '\r\nFN:', codePage('windows-1253', `${name[0]} ${name[1]}`),
    '\r\nTEL;CELL:+30 210 555 0101\r\nLABEL;HOME;CHARSET=Windows-1253;ENCODING=QUOTED-PRINTABLE:=C1=E8=DE=ED=E1\r\nEND:VCARD\r\n',
  ];

  it('a Greek name written without a CHARSET, beside a LABEL in Windows-1253, is Greek (not Windows-1251 Cyrillic)', () => {
    const r = imported(bytesOf(...greekCard(['Βαγγέλης', 'Παπαδημάκης'])));
    expect([r.rows, r.accepted]).toEqual([1, 1]);
    expect(r.records[0]).toMatchObject({ name: 'Βαγγέλης Παπαδημάκης', firstName: 'Βαγγέλης', lastName: 'Παπαδημάκης', custom: { LABEL: 'Αθήνα' } });
  });

  it("only that card: the file's other cards are read as the file is", () => {
    const russian = codePage('windows-1251', 'Иванова;Ольга');
    const r = counted(readVcardBytes(bytesOf(
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:', russian, '\r\nTEL:+7 495 555 0100\r\nEND:VCARD\r\n',
      ...greekCard(['Σοφία', 'Καραλή']),
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:', codePage('windows-1251', 'Петров;Антон'), '\r\nTEL:+7 495 555 0101\r\nEND:VCARD\r\n',
    )));
    expect([r.rows, r.accepted]).toEqual([3, 3]);
    expect(r.records.map((x) => x.name)).toEqual(['Ольга Иванова', 'Σοφία Καραλή', 'Антон Петров']);
  });

  it('a quoted-printable name with no CHARSET in a card that names Windows-1253 elsewhere is Greek too', () => {
    const r = text('BEGIN:VCARD', 'VERSION:2.1', 'N;ENCODING=QUOTED-PRINTABLE:=CD=DF=EA=EF=F2', 'TEL:+30 210 555 0102',
      'NOTE;CHARSET=Windows-1253;ENCODING=QUOTED-PRINTABLE:=D0=E5=EB=DC=F4=E7=F2', 'END:VCARD');
    expect(r.records[0]).toMatchObject({ name: 'Νίκος', lastName: 'Νίκος', notes: 'Πελάτης' });
  });

  it('a Hebrew phone book with no CHARSET (Windows-1255, guessed as Windows-1251) is Hebrew; lower-case Russian stays Russian', () => {
    const hebrew = (first: string, last: string, tel: string) => [
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:', codePage('windows-1255', `${last};${first}`), '\r\nFN:', codePage('windows-1255', `${first} ${last}`), `\r\nTEL;CELL:${tel}\r\nEND:VCARD\r\n`,
    ];
    const r = counted(readVcardBytes(bytesOf(...hebrew('דוד', 'כהן', '+972 50 555 0101'), ...hebrew('שרה', 'לוי', '+972 50 555 0102'), ...hebrew("צ'רלי", 'אדלר', '+972 50 555 0103'))));
    expect([r.rows, r.accepted]).toEqual([3, 3]);
    expect(r.records.map((x) => [x.firstName, x.lastName])).toEqual([['דוד', 'כהן'], ['שרה', 'לוי'], ["צ'רלי", 'אדלר']]);
    // (Russian typed without capitals: "н", "п" inside its words are no Hebrew final letters)
    const lower = counted(readVcardBytes(bytesOf('BEGIN:VCARD\r\nVERSION:2.1\r\nN:', codePage('windows-1251', 'петров;иван'), '\r\nTEL:+7 495 555 0102\r\nEND:VCARD\r\n')));
    expect(lower.records[0]).toMatchObject({ name: 'иван петров' });
  });
});

describe("Samsung's labels and service codes", () => {
  it('a custom label in quoted-printable with a soft break inside its parentheses labels a phone; other labels too', () => {
    const r = text('BEGIN:VCARD', 'VERSION:2.1', 'N:Quill;Tessa;;;', 'FN:Tessa Quill', 'TEL;CELL:+1 555 0150',
      'TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=43=75=73=74=6F=6D=20=50=61=79=6D=', '=65=6E=74):611',
      'TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=42=61=6E=6B):+1 555 0151', 'TEL;X-CUSTOM(CHARSET=UTF-8,ENCODING=QUOTED-PRINTABLE,=46=61=78):+1 555 0152',
      'END:VCARD');
    expect([r.rows, r.accepted]).toEqual([1, 1]);
    expect(r.records[0]).toEqual({ name: 'Tessa Quill', firstName: 'Tessa', lastName: 'Quill', phone: '+1 555 0150', phones: ['+1 555 0150', '+1 555 0151', '611'], custom: { FAX: '+1 555 0152' } });
  });

  it('a service code first ("*777#", "#123#") is no main phone when the card has a real number; alone, it is the number', () => {
    const r = text('BEGIN:VCARD', 'VERSION:2.1', 'N:Vance;Ivo;;;', 'FN:Ivo Vance', 'TEL;CELL:*777#', 'TEL;HOME:#123#', 'TEL;CELL:+1 555 0160', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:2.1', 'N:Balance;;;;', 'FN:Balance', 'TEL;CELL:*100#', 'END:VCARD');
    expect([r.rows, r.accepted]).toEqual([2, 2]);
    expect(r.records[0]).toMatchObject({ name: 'Ivo Vance', phone: '+1 555 0160', phones: ['+1 555 0160', '*777#', '#123#'] });
    expect(r.records[1]).toMatchObject({ name: 'Balance', phone: '*100#' });
  });
});

describe("Google's and Apple's labels", () => {
  it('item1.TEL labelled homeFax, workFax, otherFax or FAX is a fax, kept as TEL;TYPE=FAX is', () => {
    const r = text('BEGIN:VCARD', 'VERSION:3.0', 'FN:Pia Hart', 'N:Hart;Pia;;;', 'TEL;TYPE=CELL:+44 7700 900123',
      'item1.TEL:0344 555 0199', 'item1.X-ABLabel:homeFax', 'item2.TEL:0344 555 0198', 'item2.X-ABLabel:workFax',
      'item3.TEL:0344 555 0197', 'item3.X-ABLabel:otherFax', 'item4.TEL:0344 555 0196', 'item4.X-ABLabel:FAX', 'TEL;TYPE=FAX:0344 555 0195', 'END:VCARD');
    expect(r.records[0]).toEqual({
      name: 'Pia Hart', firstName: 'Pia', lastName: 'Hart', phone: '+44 7700 900123',
      custom: { FAX: '0344 555 0199', 'FAX 2': '0344 555 0198', 'FAX 3': '0344 555 0197', 'FAX 4': '0344 555 0196', 'FAX 5': '0344 555 0195' },
    });
  });

  it("Apple's card shown as its company that names a person in N is that person at the company; with no N, the company's", () => {
    const r = text('BEGIN:VCARD', 'VERSION:3.0', 'N:Doe;Jane;;;', 'FN:Acme Travel', 'ORG:Acme Travel;', 'X-ABShowAs:COMPANY', 'TEL;type=WORK:+1 555 0170', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:3.0', 'N:;;;;', 'FN:Bolt Freight', 'ORG:Bolt Freight;', 'X-ABShowAs:COMPANY', 'TEL;type=WORK:+1 555 0171', 'END:VCARD');
    expect([r.rows, r.accepted, r.rejected.length]).toEqual([2, 1, 1]);
    expect(r.records[0]).toEqual({ name: 'Jane Doe', firstName: 'Jane', lastName: 'Doe', company: 'Acme Travel', phone: '+1 555 0170' });
    expect(r.rejected[0]).toMatchObject({ code: 'companyRecord', line: 9 });
  });
});

describe('an AGENT\'s card', () => {
  it('"AGENT:BEGIN:VCARD" with its lines folded and " END:VCARD" is part of the property: one row, one contact', () => {
    const r = text('BEGIN:VCARD', 'VERSION:3.0', 'FN:Lena Voss', 'N:Voss;Lena;;;', 'EMAIL:lena.voss@example.com', 'AGENT:BEGIN:VCARD', ' VERSION:3.0',
      ' FN:Sam Poe', ' TEL:+1-919-555-0180', ' EMAIL\\;INTERNET:sam.poe@example.com', ' END:VCARD', 'TEL:+1 555 0181', 'END:VCARD');
    expect([r.rows, r.accepted, r.duplicates.length, r.rejected.length]).toEqual([1, 1, 0, 0]);
    expect(r.records[0]).toEqual({ name: 'Lena Voss', firstName: 'Lena', lastName: 'Voss', email: 'lena.voss@example.com', phone: '+1 555 0181', custom: { AGENT: 'Sam Poe, sam.poe@example.com, +1-919-555-0180' } });
    // (RFC 2426's own example: the card in one escaped value, folded anywhere, even inside a word)
    const escaped = text('BEGIN:VCARD', 'VERSION:3.0', 'FN:Lena Voss', 'AGENT:BEGIN:VCARD\\nFN:Sam Poe\\nTEL:+1-919-555-', ' 0180\\nEMAIL\\;INT',
      ' ERNET:sam.poe@example.com\\nEND:VCARD\\n', 'END:VCARD');
    expect([escaped.rows, escaped.accepted]).toEqual([1, 1]);
    expect(escaped.records[0]).toEqual({ name: 'Lena Voss', custom: { AGENT: 'Sam Poe, sam.poe@example.com, +1-919-555-0180' } });
  });
});

describe("Outlook's and Samsung's extras", () => {
  it("a quoted-printable LABEL's =0D=0A before the exporter's own line break is one line break", () => {
    for (const label of [['LABEL;WORK;ENCODING=QUOTED-PRINTABLE:Hafenstra=DFe 12=0D=0A', '65201 Wiesbaden'], ['LABEL;WORK;ENCODING=QUOTED-PRINTABLE:Hafenstra=DFe 12=0D=0A=', '65201 Wiesbaden']]) {
      const r = text('BEGIN:VCARD', 'VERSION:2.1', 'N:Ernst;Kai', 'FN:Kai Ernst', ...label, 'END:VCARD');
      expect(r.records[0].custom).toEqual({ LABEL: 'Hafenstraße 12\n65201 Wiesbaden' });
    }
  });

  it("Outlook's X-MS-OL-DESIGN is no field; X-SAMSUNGADR repeating the ADR is not kept, one that differs is", () => {
    const r = text('BEGIN:VCARD', 'VERSION:2.1', 'N:Ernst;Kai', 'FN:Kai Ernst', 'ADR;HOME:;;Hafenweg 3;Mainz;;55116;Germany', 'X-SAMSUNGADR;HOME:;;Hafenweg 3;Mainz;;55116;Germany',
      'X-SAMSUNGADR;WORK:;;Kai-Str. 9;Mainz;;55118;Germany',
      'X-MS-OL-DESIGN;CHARSET=utf-8:<card xmlns="http://schemas.microsoft.com/office/outlook/12/electronicbusinesscards" ver="1.0" layout="left" bgcolor="ffffff"><img xmlns="" align="fit" area="16" use="cardpicture"/></card>',
      'END:VCARD');
    expect(r.records[0]).toEqual({ name: 'Kai Ernst', firstName: 'Kai', lastName: 'Ernst', city: 'Mainz', country: 'Germany', custom: { Address: 'Hafenweg 3, Mainz, 55116, Germany', 'X-SAMSUNGADR': ';;Kai-Str. 9;Mainz;;55118;Germany' } });
  });
});
