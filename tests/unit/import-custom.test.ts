// Issue 15: nothing a user exported is silently dropped. Every column with no field of
// its own is kept on the contact under the file's own name (Contact.custom), searchable
// and written back on export; country, website, middle name, owner, status, "Connected
// On", birthday and labels get real fields.
import { readFileSync } from 'node:fs';
import { BookIndex, type SearchDoc } from '@/lib/book/search';
import { TiewiseDB } from '@/lib/db/database';
import { applyImport } from '@/lib/db/importer';
import type { Contact } from '@/lib/domain/entities';
import { exportRow, toCsv } from '@/lib/import/export';
import { tagsOf } from '@/lib/import/to-contact';
import { type FileRead, ImportReader, formatOf } from '@/lib/import/read';

let n = 0;
const fresh = () => new TiewiseDB(`custom-${Date.now()}-${++n}`);
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
function read(bytes: Uint8Array | string, name = 'x.csv'): FileRead {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const r = new ImportReader({ format: formatOf(name, b) });
  r.push(b);
  return r.end();
}
async function imported(bytes: Uint8Array | string, name = 'x.csv'): Promise<Contact[]> {
  const d = fresh();
  await applyImport(read(bytes, name), { fileName: name, now: 1_700_000_000_000 }, d);
  return d.contacts.orderBy('name').toArray();
}
const custom = (c: Contact | undefined) => Object.fromEntries((c?.custom ?? []).map((x) => [x.name, x.value]));

describe('an Outlook export keeps every column', () => {
  it('real fields where they mean something; the rest under their own names', async () => {
    const all = await imported(fixture('outlook-trailing-comma.csv'), 'contacts.csv');
    expect(all.map((c) => c.name)).toEqual(['Harriet K. Osei', 'Mateus Carvalho', 'Ксения Дорохова']);
    const h = all[0];
    expect(h).toMatchObject({
      firstName: 'Harriet', middleName: 'K.', lastName: 'Osei', country: 'United Kingdom', website: 'https://brightwater.example',
      birthday: { day: 14, month: 3, year: 1984 }, tags: ['Clients', 'Trade show 2025'],
    });
    expect(custom(h)).toEqual({
      Department: 'Purchasing', 'E-mail Type': 'SMTP', 'E-mail Display Name': 'Harriet Osei (harriet.osei@brightwater.example)', 'User 1': 'Tier A',
    });
    // Outlook's "not set" markers (0/0/00, Unspecified, Normal, False) are not values
    expect(custom(all[1])).toEqual({ Title: 'Dr.', 'E-mail Type': 'SMTP', Spouse: 'Ana' });
    expect(all[1].birthday).toBeUndefined();
  });

  it('is written back: into the preset column of the same name, else a column of its own, and reads in again the same', async () => {
    const all = await imported(fixture('outlook-trailing-comma.csv'), 'contacts.csv');
    const csv = toCsv(all.map((c) => exportRow(c)), undefined, { preset: 'outlook' });
    const [header, first] = csv.split('\r\n');
    const cols = header.split(',');
    expect(cols.filter((c) => c === 'Department')).toHaveLength(1);
    expect(cols.slice(-4)).toEqual(['E-mail Type', 'E-mail Display Name', 'User 1', 'Spouse']);
    expect(first.split(',')[cols.indexOf('Department')]).toBe('Purchasing');
    const again = await imported(csv, 'back.csv');
    expect(again.map((c) => custom(c))).toEqual(all.map((c) => custom(c)));
    expect(again[0]).toMatchObject({ country: 'United Kingdom', website: 'https://brightwater.example', middleName: 'K.' });
  });
});

describe('real fields from the other exports', () => {
  it('Google labels: " ::: " lists, without the system group every contact has', async () => {
    expect(tagsOf('* myContacts ::: Clients ::: * starred')).toEqual(['Clients', 'starred']);
    const all = await imported(fixture('google-contacts.csv'), 'google.csv');
    expect(all.find((c) => c.name === 'Olga Kuznetsova')?.tags).toEqual(['Clients']);
    expect(all.find((c) => c.name === 'Jón Sigurðsson')?.tags).toEqual([]);
    expect(custom(all.find((c) => c.name === 'Jón Sigurðsson'))).toMatchObject({ Nickname: 'Nonni' });
  });
  it('LinkedIn "Connected On" is a date on the contact', async () => {
    const all = await imported(fixture('linkedin-connections.csv'), 'Connections.csv');
    expect(all.find((c) => c.name === 'Anna Lindqvist')?.connectedAt).toBe(Date.UTC(2024, 2, 14));
  });
  it('owner and the CRM status, verbatim; a lead is a prospect', async () => {
    const hub = await imported(fixture('hubspot.csv'), 'hubspot.csv');
    expect(hub.find((c) => c.name === 'Priya Sharma')).toMatchObject({ owner: 'Kate Miller', crmStatus: 'customer', relation: 'customer' });
    const leads = await imported(fixture('bitrix24-leads.csv'), 'LEAD.csv');
    const zuev = leads.find((c) => c.name === 'Виктор Павлович Зуев')!;
    expect(zuev).toMatchObject({ owner: 'Мария Лосева', crmStatus: 'Новая', relation: 'prospect', country: 'Россия', middleName: 'Павлович' });
    expect(custom(zuev)).toMatchObject({ 'Название лида': 'Заявка с сайта: станок', Сумма: '185 000,00', Товар: 'Станок ТС-16', Источник: 'Веб-сайт' });
    // the duplicate row's columns the first lacked are kept too
    expect(custom(zuev)).toMatchObject({ Клиент: 'Виктор Зуев' });
  });
  it('accepted + duplicates + rejected = the rows of every fixture', () => {
    for (const f of ['outlook-trailing-comma.csv', 'bitrix24-leads.csv', 'amocrm-contacts-1251.csv', 'google-contacts.csv', 'hubspot.csv']) {
      const r = read(fixture(f));
      if (r.kind !== 'contacts') throw new Error(f);
      expect(r.rows, f).toBe(r.accepted + r.duplicates.length + r.rejected.length);
    }
  });
});

describe('columns named like Object.prototype members are columns', () => {
  it('__proto__, constructor, toString, hasOwnProperty survive to the stored contact', async () => {
    const csv = 'Name,__proto__,constructor,toString,hasOwnProperty\nAnna Berg,p,c,t,h\n';
    const r = read(csv);
    if (r.kind !== 'contacts') throw new Error(r.kind);
    expect(Object.entries(r.records[0].custom ?? {})).toEqual([['__proto__', 'p'], ['constructor', 'c'], ['toString', 't'], ['hasOwnProperty', 'h']]);
    const [c] = await imported(csv);
    expect(c.custom).toEqual([{ name: '__proto__', value: 'p' }, { name: 'constructor', value: 'c' }, { name: 'toString', value: 't' }, { name: 'hasOwnProperty', value: 'h' }]);
  });
});

describe('custom fields are searchable in the book', () => {
  it('a custom value finds its contact', () => {
    const ix = new BookIndex();
    const docs: SearchDoc[] = [
      { id: 'a', name: 'Harriet Osei', company: 'Brightwater', custom: ['Tier A', 'Purchasing'] },
      { id: 'b', name: 'Mateus Carvalho', company: 'Ferro' },
    ];
    ix.addAll(docs);
    expect(ix.search('purchasing')).toEqual(['a']);
  });
});
