// Export to a CRM's columns, formula neutralising, the rejects file, and the
// export → import round trip as a property.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importContactsCsv } from '../../lib/import/contacts';
import { exportColumns, neutraliseCell, rejectsCsv, rejectsText, toCsv } from '../../lib/import/export';
import { normaliseName } from '../../lib/import/dedupe';
import type { ImportedContact } from '../../lib/import/fields';
import { PRESET_IDS, type PresetId } from '../../lib/import/presets';

const dir = join(__dirname, '../fixtures/import');

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+7 999 555-01-01', "'+7 999 555-01-01"], ['-minus', "'-minus"], ['@sum', "'@sum"],
    ['\tx', "'\tx"], ['\rx', "'\rx"], ['plain', 'plain'], ['a=b', 'a=b'], ['', ''],
  ])('%j → %j', (v, out) => expect(neutraliseCell(v)).toBe(out));
});

describe('toCsv', () => {
  const anna: ImportedContact = {
    name: 'Anna Lindqvist', firstName: 'Anna', lastName: 'Lindqvist', email: 'anna@northwind.example',
    emails: ['anna@northwind.example', 'anna.l@mail.example'], phone: '+46 8 555 010', company: 'Northwind, AB',
    position: '=Head', crmId: '101', stage: 'customer',
  };
  it('writes a preset\'s own columns, second e-mail in the second e-mail column', () => {
    const csv = toCsv([anna], undefined, { preset: 'outlook' });
    const [head, row] = csv.split('\r\n');
    expect(head).toBe(exportColumns('outlook').map((c) => c.header).join(','));
    expect(head.startsWith('First Name,Middle Name,Last Name,Title,Company')).toBe(true);
    expect(row).toBe("Anna,,Lindqvist,,\"Northwind, AB\",,'=Head,,,'+46 8 555 010,,anna@northwind.example,anna.l@mail.example,,,,");
  });
  it('Bitrix24 gets ";" and an optional BOM', () => {
    const csv = toCsv([{ name: 'Сидоров', firstName: 'Николай', lastName: 'Сидоров', company: 'ООО «Вектор»' }], undefined, { preset: 'bitrix24', bom: true });
    expect(csv.startsWith('\uFEFFID;Обращение;Имя;Отчество;Фамилия;')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(';;Николай;;Сидоров;;ООО «Вектор»;;;;;;;;;;');
  });
  it('plain columns; arrays joined; the stored Contact shape (emails only) works too', () => {
    expect(toCsv([{ name: 'A', emails: ['a@x', 'b@x'], tags: ['vip', 'ru'] }], ['name', 'email', 'tags'])).toBe('name,email,tags\r\nA,a@x,"vip, ru"\r\n');
  });
  it('an exported fixture imports back with the same preset', () => {
    const r = importContactsCsv(new Uint8Array(readFileSync(join(dir, 'hubspot.csv'))));
    const back = importContactsCsv(toCsv(r.records, undefined, { preset: 'hubspot' }));
    expect(back.preset).toBe('hubspot');
    expect(back.records.map((x) => [x.name, x.email, x.crmId, x.company])).toEqual(r.records.map((x) => [x.name, x.email, x.crmId, x.company]));
  });
});

describe('rejects', () => {
  const r = importContactsCsv(new Uint8Array(readFileSync(join(dir, 'pipedrive.csv'))));
  it('rejectsCsv: line, reason and the raw row, neutralised', () => {
    expect(rejectsCsv([...r.rejected, { line: 9, reason: 'names nobody: no name and no e-mail', raw: '=cmd' }])).toBe(
      'Line,Reason,Raw\r\n' +
        '3,unclosed quote,"2,""Olaf Berg,olaf@berg.example,+47 555 0102,Berg AS,CEO,Customer"\r\n' +
        '5,9 fields for 7 columns,"4,Kevin Duarte,kevin@duarte.example,+351 555 0103,Duarte Lda,Manager,Warm,extra,cells"\r\n' +
        "9,names nobody: no name and no e-mail,'=cmd\r\n",
    );
  });
  it('rejectsText: header and rows verbatim, to fix and import again', () => {
    const text = rejectsText('Person - ID,Person - Name,Person - Email,Person - Phone,Person - Organization,Person - Job title,Person - Labels', r.rejected);
    const fixed = text.replace('2,"Olaf Berg', '2,Olaf Berg').replace(',Warm,extra,cells', ',Warm');
    const again = importContactsCsv(fixed);
    expect([again.preset, again.accepted, again.rejected]).toEqual(['pipedrive', 2, []]);
  });
});

describe('property: export → import', () => {
  const chars = fc.constantFrom(...'aZ жЁ,;\t"\n\r\'=+-@<>/.:1'.split(''), 'ö', '中');
  const text = fc.string({ unit: chars, maxLength: 12 });
  const row = fc.record({ firstName: text, lastName: text, email: text, company: text, position: text, city: text, notes: text });
  const presets = PRESET_IDS.filter((p) => p !== 'pipedrive'); // Pipedrive's export has a single Name column
  const blank = (v: string) => v.trim() === '';
  /** a cell as the import reads any field but a note: trimmed, its line breaks a space */
  const line = (v: string) => v.trim().replace(/\s*[\r\n]+\s*/g, ' ');

  it('round-trips every value (formula-like ones come back neutralised); rows = accepted + duplicates + rejected', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.constantFrom<PresetId>(...presets), fc.boolean(), (rows, preset, bom) => {
        // unique, non-blank e-mails: every row names someone and none is a duplicate by e-mail
        // (no comma or semicolon in one: "a@b.c, d@e.f" is two addresses — the export's own way to write several;
        // no second "@", "<", ">" or parenthesis: that is no address, kept under its column, checked elsewhere)
        // (and no name made of two e-mail addresses: a mailing list's row, refused — checked elsewhere)
        const addresses = (v: string) => v.match(/[^\s@;,<>"]+@[^\s@;,<>"]+\.[^\s@;,<>"]+/g)?.length ?? 0;
        const named = (r: (typeof rows)[number]) => (addresses(`${r.firstName} ${r.lastName}`) > 1 ? { ...r, firstName: r.firstName.replace(/@/g, ''), lastName: r.lastName.replace(/@/g, '') } : r);
        const input = rows.map((r, i) => ({ ...named(r), email: `u${i}${r.email.replace(/[\s,;@<>()]/g, '')}@x.example`, crmId: `id${i}` }));
        const csv = toCsv(input, undefined, { preset, bom });
        const r = importContactsCsv(new TextEncoder().encode(csv));
        expect(r.rows).toBe(input.length);
        expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
        expect(r.rejected).toEqual([]);
        expect(r.encoding).toBe('utf-8');
        expect(r.bom).toBe(bom);
        if (r.duplicates.length) return; // same name at the same company: merged, checked elsewhere
        const cols = new Set(exportColumns(preset).map((c) => c.field));
        r.records.forEach((rec, i) => {
          for (const [k, v] of Object.entries(input[i])) {
            if (!cols.has(k)) continue;
            const got = (rec as unknown as Record<string, unknown>)[k];
            let sent = neutraliseCell(v);
            // the import's own rules: a bare CR in a note is a line break; an address is no last name;
            // a company that is the contact's own name is no account
            if (k === 'notes') sent = sent.replace(/\r(?!\n)/g, '\n');
            // any other field is trimmed, and marks alone ("-", "./", ",", a guarded "'-") say nothing: kept under the column
            else if (/^'?[\s*\-–—_.,;:?!#/\\]+$/.test(sent)) sent = '';
            // (and a line break inside any field but a note is a space)
            else sent = sent.trim().replace(/\s*[\r\n]+\s*/g, ' ');
            if (k === 'lastName' && /^[^\s@,;<>()]+@[^\s@,;<>()]+\.[^\s@,;<>()]+$/.test(sent.trim())) continue;
            // a first name written "Family, Given" with no last name is read as the two (checked elsewhere)
            if ((k === 'firstName' || k === 'lastName') && blank(input[i].lastName) && input[i].firstName.includes(', ')) continue;
            // a last name that starts with the first name and goes on is read as the whole name (checked elsewhere)
            if (k === 'lastName' && normaliseName(input[i].firstName) && normaliseName(input[i].lastName).startsWith(`${normaliseName(input[i].firstName)} `)) continue;
            // a first name that ends with the last name is read as the given name before it (checked elsewhere)
            // (as the import reads the two: one line each, "a\n中" | "中" is "a 中" | "中")
            if (k === 'firstName' && input[i].lastName.trim() && line(input[i].firstName).toLowerCase().endsWith(` ${line(input[i].lastName).toLowerCase()}`)) continue;
            if (k === 'company' && rec.firstName && rec.lastName && normaliseName(sent) === normaliseName(rec.name)) continue;
            if (blank(sent)) expect(got, k).toBeUndefined();
            else expect(got, k).toBe(sent);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
