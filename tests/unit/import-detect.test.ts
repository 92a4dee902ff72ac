// Encoding, delimiter, header and preset detection; the record reader's physical lines and recovery.
import { decodeBytes, detectEncoding } from '../../lib/import/decode';
import { detectPreset, proposeMapping } from '../../lib/import/mapping';
import { PRESETS } from '../../lib/import/presets';
import { CsvRecordReader, readRecords } from '../../lib/import/records';
import { detectDelimiter, detectHeader } from '../../lib/import/sniff';
import { headerKey } from '../../lib/import/fields';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const t = (bom ? '\uFEFF' : '') + s;
  const out = new Uint8Array(t.length * 2);
  for (let i = 0; i < t.length; i++) {
    const [lo, hi] = [t.charCodeAt(i) & 0xff, t.charCodeAt(i) >> 8];
    out[i * 2] = le ? lo : hi;
    out[i * 2 + 1] = le ? hi : lo;
  }
  return out;
}

describe('detectEncoding', () => {
  it('BOMs', () => {
    expect(detectEncoding(utf8('\uFEFFName'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(utf16('Name', true, true))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(utf16('Name', false, true))).toEqual({ encoding: 'utf-16be', bom: true });
  });
  it('UTF-16 without BOM by its NUL bytes', () => {
    expect(detectEncoding(utf16('Name,Email\nAnna,a@x\n', true, false))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(utf16('Name,Email\nAnna,a@x\n', false, false))).toEqual({ encoding: 'utf-16be', bom: false });
    expect(decodeBytes(utf16('Имя;Почта\n', false, false)).text).toBe('Имя;Почта\n');
  });
  it('UTF-8 without BOM, also with a character cut at the end of the sample', () => {
    expect(detectEncoding(utf8('Имя,Фамилия'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(utf8('Имя,Фамилия').subarray(0, 5))).toEqual({ encoding: 'utf-8', bom: false });
  });
  it('Windows-1251 when the bytes are not UTF-8 and Cyrillic runs dominate', () => {
    // "Имя;Фамилия" in Windows-1251
    const bytes = Uint8Array.from([0xc8, 0xec, 0xff, 0x3b, 0xd4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff]);
    expect(detectEncoding(bytes)).toEqual({ encoding: 'windows-1251', bom: false });
    expect(decodeBytes(bytes).text).toBe('Имя;Фамилия');
  });
  it("Shift_JIS (a Japanese Windows export) when its pairs are valid and spell kana and kanji", () => {
    // "メールアドレス,名前\r\n名無しの権兵衛,gonbei@example.jp\r\n" in Shift_JIS
    const bytes = Uint8Array.from([
      0x83, 0x81, 0x81, 0x5b, 0x83, 0x8b, 0x83, 0x41, 0x83, 0x68, 0x83, 0x8c, 0x83, 0x58, 0x2c, 0x96, 0xbc, 0x91, 0x4f, 0x0d, 0x0a,
      0x96, 0xbc, 0x96, 0xb3, 0x82, 0xb5, 0x82, 0xcc, 0x8c, 0xa0, 0x95, 0xba, 0x89, 0x71, 0x2c, ...new TextEncoder().encode('gonbei@example.jp\r\n'),
    ]);
    expect(detectEncoding(bytes)).toEqual({ encoding: 'shift_jis', bom: false });
    expect(decodeBytes(bytes).text).toBe('メールアドレス,名前\r\n名無しの権兵衛,gonbei@example.jp\r\n');
    // Western letters before letters ("Müller;Jürgen;Gräfin") and curly quotes stay Windows-1252
    const western = Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x4a, 0xfc, 0x72, 0x67, 0x65, 0x6e, 0x3b, 0x47, 0x72, 0xe4, 0x66, 0x69, 0x6e, 0x3b, 0x93, 0x53, 0x6d, 0x69, 0x74, 0x68, 0x94]);
    expect(detectEncoding(western).encoding).toBe('windows-1252');
  });
  it('GBK, Big5 and EUC-KR (Excel and Thunderbird on Chinese and Korean Windows) when the text they spell is Chinese or Korean', () => {
    const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
    // "姓名,电子邮件,手机,公司" and two people in GBK; the same in Big5 (traditional); a Korean list in EUC-KR
    const gbk = hex('d0d5c3fb2cb5e7d7d3d3cabcfe2ccad6bbfa2cb9abcbbe0d0acdf5d0a1c3f72c7869616f6d696e67406578616d706c652e636f6d2c31333930303030303030312cc4cfbea9bfc6bcbcd3d0cfdeb9abcbbe0d0ac0eebbaa2c6c69687561406578616d706c652e636f6d2c31333930303030303030322cb1b1bea9b5e7d7d3d3d0cfdeb9abcbbe0d0a');
    const big5 = hex('a96da6572cb971a46cb66ca5f32ca4e2bef72ca4bda5710d0ab3afa46aa4e52c746169406578616d706c652e636f6d2c303931323030303030312ca578a55faceca7dea6b3adada4bda5710d0aaa4cacfcacc22c6d6569406578616d706c652e636f6d2c303931323030303030322cb0aab6afb971a46ca6b3adada4bda5710d0a');
    const euckr = hex('c0ccb8a72cc0ccb8dec0cf2cc1f7c3a52cc8b8bbe70d0ab1e8b9cebcf62c6d696e7375406578616d706c652e636f6d2cb4ebc7a5c0ccbbe72cc7d1bafbc0fcc0da0d0ac0ccbcadbfac2c73656f79656f6e406578616d706c652e636f6d2cb0fac0e52cc7aab8a5b9d9b4d9bbf3bbe70d0a');
    expect(detectEncoding(gbk).encoding).toBe('gb18030');
    expect(decodeBytes(gbk).text.split('\r\n')[1]).toBe('王小明,xiaoming@example.com,13900000001,南京科技有限公司');
    expect(detectEncoding(big5).encoding).toBe('big5');
    expect(decodeBytes(big5).text.split('\r\n')[1]).toBe('陳大文,tai@example.com,0912000001,台北科技有限公司');
    expect(detectEncoding(euckr).encoding).toBe('euc-kr');
    expect(decodeBytes(euckr).text.split('\r\n')[0]).toBe('이름,이메일,직책,회사');
    // German rows whose accented letters pair up with the letters after them ("Jörg" is "J鰎g" in GBK) stay
    // Windows-1252; a Russian list of four- and six-letter words (each letter a byte: pairs, as GBK's are) stays Windows-1251
    const de = hex('6e5f676976656e2c6e5f66616d696c792c7469746c652c6f72675f6e616d652c6164725f6f6e655f6c6f63616c6974790d0a4af672672c4272616e64742c4765736368e466747366fc687265722c4dfc6c6c657220476d62482c4bf66c6e0d0a4afc7267656e2c536368e46665722c50726f6b75726973742c4df662656c6861757320536368e46665722c4cfc6265636b0d0a4be47468652c46f672737465722c4275636868616c746572696e2c4dfc6c6c657220476d62482c44fc7373656c646f72660d0a');
    expect(detectEncoding(de).encoding).toBe('windows-1252');
    const ru = hex('c0edede02ccfe5f2f0eee22cceecf1ea0d0aceebe5e32cc8e2e0edeee22cd2f3ebe00d0adeebe8ff2ccef0ebeee2e02cd1eef7e80d0a');
    expect(detectEncoding(ru).encoding).toBe('windows-1251');
  });
  it('Latin-1 accents alone between ASCII letters are Windows-1252', () => {
    // "José;Müller"
    const bytes = Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
    expect(decodeBytes(bytes).text).toBe('José;Müller');
  });
  it('Mac Roman (a Salesforce report saved on a Mac) is read as Mac Roman; typographic apostrophes stay Windows-1252', () => {
    const mac = (s: string) => Uint8Array.from([...s].map((ch) => ({ ñ: 0x96, é: 0x8e, ã: 0x8b, í: 0x92, ë: 0x91 })[ch as 'ñ'] ?? ch.charCodeAt(0)));
    const rows = 'First Name,Last Name\nElena,Muñoz\nRenée,Walsh\nJoão,Lima\nTeo,Ríos\nNoël,Hart\n';
    expect(detectEncoding(mac(rows)).encoding).toBe('macintosh');
    expect(decodeBytes(mac(rows)).text).toBe(rows);
    // Windows-1252: "O’Brien", "don’t", an en dash, and "André" (0xE9: "AndrÈ" on a Mac)
    const win = Uint8Array.from([...'Name,Note\nO’Brien,don’t\nAndré,Smith–Jones\n'].map((ch) => ({ '’': 0x92, é: 0xe9, '–': 0x96 })[ch as 'é'] ?? ch.charCodeAt(0)));
    expect(detectEncoding(win).encoding).toBe('windows-1252');
    expect(decodeBytes(win).text).toBe('Name,Note\nO’Brien,don’t\nAndré,Smith–Jones\n');
    // only apostrophes: nothing says Mac
    const quotes = Uint8Array.from([...'Name\nO’Brien\nD’Angelo\n'].map((ch) => (ch === '’' ? 0x92 : ch.charCodeAt(0))));
    expect(detectEncoding(quotes).encoding).toBe('windows-1252');
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter with consistent field counts, quotes respected', () => {
    expect(detectDelimiter('a;b;c\n"x, y";2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n"x; y; z",2,3\n4,5,6\n')).toBe(',');
    expect(detectDelimiter('a\tb\tc\nSmith, J\t2\t3\n')).toBe('\t');
  });
  it('looks past a preamble', () => {
    expect(detectDelimiter('Notes:\n"A sentence, with commas; and more"\n\nA;B;C\n1;2;3\n4;5;6\n')).toBe(';');
  });
});

describe('detectHeader', () => {
  it('the row naming the most known columns', () => {
    const recs = readRecords('Export of 2024-03-01\n\nFirst Name,Last Name,Email\nAnna,L,a@x\n', { delimiter: ',' });
    expect(detectHeader(recs)?.line).toBe(3);
  });
  it('unknown headers: the first record as wide as most of the rest', () => {
    const recs = readRecords('report\nfoo,bar,baz\n1,2,3\n4,5,6\n', { delimiter: ',' });
    expect(detectHeader(recs)?.line).toBe(2);
  });
});

describe('CsvRecordReader', () => {
  const text = 'h1,h2,h3\r\n1,"multi\nline\r\ncell",3\r\n4,5,6\r\n7,"open,8\r\n9,10,11\r\n\r\n12,13,14';
  const expected = [
    [1, ['h1', 'h2', 'h3']],
    [2, ['1', 'multi\nline\r\ncell', '3']],
    [5, ['4', '5', '6']],
    [6, 'unclosed quote'],
    [7, ['9', '10', '11']],
    [9, ['12', '13', '14']],
  ];
  const summary = (recs: { line: number; fields: string[] | null; problem?: { reason: string } }[]) => recs.map((r) => [r.line, r.fields ?? r.problem?.reason]);

  it('physical lines: cells spanning lines, blank lines, an unclosed quote', () => {
    expect(summary(readRecords(text, { delimiter: ',' }))).toEqual(expected);
  });
  it('the same in chunks of every size from 1 to 12 characters', () => {
    for (let size = 1; size <= 12; size++) {
      const out: Parameters<typeof summary>[0] = [];
      const r = new CsvRecordReader({ delimiter: ',' }, (rec) => out.push(rec));
      for (let i = 0; i < text.length; i += size) r.push(text.slice(i, i + size));
      r.end();
      expect(summary(out), `chunk size ${size}`).toEqual(expected);
    }
  });
  it('keeps the raw text of a rejected line', () => {
    const recs = readRecords(text, { delimiter: ',' });
    expect(recs[3].raw).toBe('7,"open,8');
  });
  it('an unclosed quote at the very end', () => {
    expect(summary(readRecords('a,b\n1,"x', { delimiter: ',' }))).toEqual([[1, ['a', 'b']], [2, 'unclosed quote']]);
  });
  it('a quote left open past maxRecordLines is an unclosed quote, even before the end', () => {
    const body = ['a,b', '1,"never closed', ...Array.from({ length: 30 }, (_, i) => `${i},x`)].join('\n') + '\n';
    const out: number[] = [];
    const r = new CsvRecordReader({ delimiter: ',', maxRecordLines: 10 }, (rec) => rec.problem && out.push(rec.line));
    for (let i = 0; i < body.length; i += 16) r.push(body.slice(i, i + 16));
    r.end();
    expect(out).toEqual([2]);
  });
  it('old Mac line ends (\\r)', () => {
    expect(summary(readRecords('a,b\r1,2\r3,4', { delimiter: ',', newline: '\r' }))).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']]]);
  });
});

describe('presets as data', () => {
  it('are well formed: unique ids, known headers once each, signatures among the columns', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      const keys = p.columns.map((c) => headerKey(c.header));
      expect(new Set(keys).size, p.id).toBe(keys.length);
      for (const s of p.signature) expect(keys, `${p.id}: ${s}`).toContain(headerKey(s));
    }
  });
  it('each preset is detected from its own export columns', () => {
    for (const p of PRESETS) {
      const headers = p.columns.filter((c) => !c.importOnly).map((c) => c.header);
      expect(detectPreset(headers).preset, p.id).toBe(p.id);
    }
  });
  it('Salesforce and Zoho told apart by spelling and signature', () => {
    const common = ['First Name', 'Last Name', 'Email', 'Phone', 'Account Name', 'Title', 'Mailing City'];
    expect(detectPreset(['Contact ID', ...common, 'Mailing State/Province']).preset).toBe('salesforce');
    expect(detectPreset(['Contact Id', ...common, 'Secondary Email']).preset).toBe('zoho');
  });
  it('a couple of common names is generic', () => {
    expect(detectPreset(['Name', 'Email', 'Phone']).preset).toBe('generic');
  });
});

describe('proposeMapping', () => {
  it('generic names, English and Russian', () => {
    expect(proposeMapping(['ФИО', 'Телефон', 'Почта', 'Организация', 'Должность', 'Город', 'Заметки', 'ВКонтакте', 'Ид'])).toEqual(
      ['name', 'phone', 'email', 'company', 'position', 'city', 'notes', 'profileUrl', 'crmId'],
    );
    expect(proposeMapping(['Full Name', 'E-mail Address', 'Mobile Phone', 'Organisation', 'Job Title', 'LinkedIn Profile URL', 'Favourite colour'])).toEqual(
      ['name', 'email', 'phone', 'company', 'position', 'profileUrl', null],
    );
  });
  it('a single-valued field takes one column; e-mail and phone take several', () => {
    expect(proposeMapping(['Company', 'Organization', 'Email', 'Work Email'])).toEqual(['company', null, 'email', 'email']);
  });
});
