import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { TiewiseDB } from '@/lib/db/database';
import { ImportCancelled, applyImport } from '@/lib/db/importer';
import { addContact } from '@/lib/db/contacts';
import { keysForName } from '@/lib/db/keys';
import { StorageFullError } from '@/lib/db/errors';
import { readChunks, rejectsFile, type FileRead, type ReadOptions } from '@/lib/import/read';
import { formatOf } from '@/lib/import/read';
import { genContactsCsv } from '../bench/gen-csv';

let n = 0;
const fresh = () => new TiewiseDB(`importer-${Date.now()}-${++n}`);
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));

async function read(bytes: Uint8Array, name = 'x.csv', opts: Partial<ReadOptions> = {}): Promise<FileRead> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += 1000) yield bytes.subarray(i, i + 1000);
  }
  return readChunks(chunks(), { format: formatOf(name, bytes), ...opts });
}

async function counts(d: TiewiseDB) {
  const out: Record<string, number> = {};
  for (const t of ['contacts', 'profiles', 'notes', 'interactions', 'purchases', 'products', 'complaints']) out[t] = await d.table(t).count();
  return out;
}

/** A middleware that fails with a QuotaExceededError once `k` rows have been written. */
function quotaAfter(d: TiewiseDB, k: number) {
  let written = 0;
  d.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          mutate: (req) => {
            const rows = 'values' in req ? req.values.length : 0;
            if (rows && written + rows > k) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            written += rows;
            return t.mutate(req);
          },
        };
      },
    }),
  });
}

describe('applying an import to the book', () => {
  it('adds the hubspot contacts; the same file again adds nothing', async () => {
    const d = fresh();
    const report = await read(fixture('hubspot.csv'), 'hubspot.csv');
    const first = await applyImport(report, { fileName: 'hubspot.csv' }, d);
    expect(first.summary.added).toBe(report.accepted);
    expect(first.summary.merged).toBe(0);
    const after1 = await counts(d);
    const again = await applyImport(await read(fixture('hubspot.csv'), 'hubspot.csv'), { fileName: 'hubspot.csv' }, d);
    expect(again.summary.added).toBe(0);
    expect(again.summary.merged).toBe(report.accepted);
    expect(again.summary.updated).toBe(0);
    expect(await counts(d)).toEqual(after1);
    const priya = await d.contacts.where('emails').equals('priya.sharma@globex.example').toArray();
    expect(priya).toHaveLength(1);
    expect(priya[0].relation).toBe('customer');
    expect(priya[0].source).toMatchObject({ kind: 'import' });
  });

  it('a generated 2,000-row file twice: same counts, rejects kept with their lines', async () => {
    const d = fresh();
    const bytes = new TextEncoder().encode(genContactsCsv(2000, 3));
    const r1 = await applyImport(await read(bytes), { fileName: 'gen.csv' }, d);
    const c1 = await counts(d);
    expect(c1.contacts).toBe(r1.summary.added);
    expect(r1.rejected.length).toBe(2); // every 1,000th row names nobody
    expect(r1.rejected.every((r) => r.line > 1 && r.reason)).toBe(true);
    const r2 = await applyImport(await read(bytes), { fileName: 'gen.csv' }, d);
    expect(r2.summary.added).toBe(0);
    expect(await counts(d)).toEqual(c1);
  });

  it('every contact of a file longer than one write is stored with its name keys, found by a name lookup', async () => {
    const d = fresh();
    const r = await applyImport(await read(new TextEncoder().encode(genContactsCsv(2500, 4))), { fileName: 'gen.csv' }, d);
    const stored = await d.contacts.toArray();
    expect(stored.length).toBe(r.summary.added);
    expect(stored.length).toBeGreaterThan(2000); // three writes of new contacts
    for (const c of stored) expect(c.nameKeys, c.name).toEqual(keysForName(c.name));
    const last = stored.find((c) => c.id === r.contactIds[r.contactIds.length - 1])!;
    expect(await d.contacts.where('nameKeys').equals(last.nameKeys[0]).primaryKeys()).toContain(last.id);
  });

  it('merges into an existing contact by e-mail, CRM id and profile URL, filling only empty fields', async () => {
    const d = fresh();
    const a = await addContact({ name: 'Alice Moreau', emails: ['alice@moreau.example'], company: 'Moreau (old)', source: { kind: 'user', at: 1 } }, d);
    const r = await applyImport(await read(fixture('generic.csv'), 'generic.csv'), { fileName: 'generic.csv' }, d);
    expect(r.summary.merged).toBeGreaterThanOrEqual(1);
    const alice = await d.contacts.get(a.id);
    expect(alice!.company).toBe('Moreau (old)'); // never replaced
    expect(alice!.city).toBe('Lyon'); // filled
    expect(alice!.phones).toContain('+33 6 55 55 01 01');
    const profiles = await d.profiles.where('contactId').equals(a.id).toArray();
    expect(profiles.map((p) => p.url)).toEqual(['https://www.linkedin.com/in/alice-moreau/']);
    // a second import finds Alice by her profile URL alone
    const byUrl = 'Full Name,LinkedIn,Town\r\nA. Moreau,https://linkedin.com/in/Alice-Moreau?trk=x,Paris\r\n';
    const r2 = await applyImport(await read(new TextEncoder().encode(byUrl)), { fileName: 'url.csv' }, d);
    expect(r2.summary).toMatchObject({ added: 0, merged: 1 });
    expect((await d.contacts.get(a.id))!.city).toBe('Lyon');
  });

  it('the identity matcher merges only a clear match; a weak one is a new contact', async () => {
    const d = fresh();
    await addContact({ name: 'Ivan Petrov', phones: ['+7 926 555-11-22'], company: 'Vector', city: 'Moscow', source: { kind: 'user', at: 1 } }, d);
    const csv = 'Name,Phone,Company\r\nИван Петров,+7 (926) 555-11-22,Vector\r\nIvan Petrov,,Globex\r\n';
    const r = await applyImport(await read(new TextEncoder().encode(csv)), { fileName: 'p.csv' }, d);
    expect(r.summary).toMatchObject({ merged: 1, added: 1 });
    expect(await d.contacts.count()).toBe(2);
  });

  it('notes and purchases attach to their contacts; unknown contacts are rejected with line and reason', async () => {
    const d = fresh();
    await applyImport(await read(new TextEncoder().encode('Name,Email\r\nAnna Lindqvist,anna.lindqvist@northwind.example\r\nИван Петров,ivan@petrov.example\r\n')), { fileName: 'c.csv' }, d);
    const notes = await read(fixture('notes.csv'), 'notes.csv');
    expect(notes.kind).toBe('notes');
    const rn = await applyImport(notes, { fileName: 'notes.csv' }, d);
    expect(rn.summary.notes).toBe(2);
    expect(rn.rejected.map((x) => x.line)).toEqual(expect.arrayContaining([5]));
    const purchases = await read(fixture('purchases.csv'), 'purchases.csv');
    const rp = await applyImport(purchases, { fileName: 'purchases.csv' }, d);
    expect(rp.summary.purchases).toBe(1);
    expect(rp.rejected.find((x) => x.reason.includes('sidorov@vector.example'))?.raw).toContain('sidorov@vector.example');
    // twice: nothing new
    const rp2 = await applyImport(await read(fixture('purchases.csv'), 'purchases.csv'), { fileName: 'purchases.csv' }, d);
    expect(rp2.summary.purchases).toBe(0);
    expect(await d.purchases.count()).toBe(1);
    expect(await d.products.count()).toBe(1);
  });

  it('JSON: contacts, notes, interactions, purchases; twice adds nothing', async () => {
    const d = fresh();
    const json = await read(fixture('tiewise.json'), 'tiewise.json');
    const r = await applyImport(json, { fileName: 'tiewise.json' }, d);
    expect(r.summary.added).toBeGreaterThan(0);
    const c1 = await counts(d);
    const r2 = await applyImport(await read(fixture('tiewise.json'), 'tiewise.json'), { fileName: 'tiewise.json' }, d);
    expect(r2.summary.added).toBe(0);
    expect(await counts(d)).toEqual(c1);
    const file = rejectsFile(json, r.rejected);
    expect(file.ext).toBe('json');
    expect(Object.keys(JSON.parse(file.text)).length).toBeGreaterThan(0);
  });
});

describe('an import that fails leaves the book as it was', () => {
  it('rolls back on a QuotaExceededError after K writes and says the disk is full', async () => {
    const d = fresh();
    await applyImport(await read(fixture('hubspot.csv'), 'hubspot.csv'), { fileName: 'hubspot.csv' }, d);
    const before = await counts(d);
    const snapshot = await d.contacts.toArray();
    d.close();
    const q = new TiewiseDB(d.name);
    quotaAfter(q, 1200);
    const big = await read(new TextEncoder().encode(genContactsCsv(3000, 5)));
    await expect(applyImport(big, { fileName: 'big.csv', chunkSize: 500 }, q)).rejects.toBeInstanceOf(StorageFullError);
    expect(await counts(q)).toEqual(before);
    expect(await q.contacts.toArray()).toEqual(snapshot);
    q.close();
  });

  it('rolls back when cancelled mid-write', async () => {
    const d = fresh();
    const ctl = new AbortController();
    const big = await read(new TextEncoder().encode(genContactsCsv(3000, 6)));
    const p = applyImport(big, { fileName: 'big.csv', chunkSize: 500, signal: ctl.signal, onProgress: (done) => done >= 1000 && ctl.abort() }, d);
    await expect(p).rejects.toBeInstanceOf(ImportCancelled);
    expect(await d.contacts.count()).toBe(0);
    expect(await d.notes.count()).toBe(0);
    expect(Dexie.currentTransaction).toBeFalsy();
  });
});

  it('a new record given a key the book already holds aborts: nothing is overwritten', async () => {
    const d = fresh();
    await applyImport(await read(fixture('hubspot.csv'), 'hubspot.csv'), { fileName: 'hubspot.csv' }, d);
    const before = await counts(d);
    const snapshot = await d.contacts.toArray();
    const taken = snapshot[0].id;
    const big = await read(new TextEncoder().encode(genContactsCsv(50, 7)));
    // `add` refuses a key the store holds: the whole import is rolled back
    await expect(applyImport(big, { fileName: 'big.csv', newId: () => taken }, d)).rejects.toThrow();
    expect(await counts(d)).toEqual(before);
    expect(await d.contacts.toArray()).toEqual(snapshot);
  });

describe('the rejects file', () => {
  it('has the header and the bad rows verbatim; fixed, it imports', async () => {
    const d = fresh();
    const csv = 'Name,Email,Company\r\nGood One,good@x.example,X\r\n,,Nobody Ltd\r\n"Broken, quote,b@x.example,Y\r\nBad Fields,a@b.example,X,extra\r\n';
    const report = await read(new TextEncoder().encode(csv));
    const r = await applyImport(report, { fileName: 'r.csv' }, d);
    expect(r.summary.added).toBe(1);
    expect(r.rejected.map((x) => x.line)).toEqual([3, 4, 5]);
    const file = rejectsFile(report, r.rejected);
    expect(file.text).toBe('\uFEFFName,Email,Company\r\n,,Nobody Ltd\r\n"Broken, quote,b@x.example,Y\r\nBad Fields,a@b.example,X,extra\r\n');
    const fixed = file.text.replace(',,Nobody Ltd', 'Nobody Person,,Nobody Ltd').replace('"Broken, quote', '"Broken, quote"').replace(',X,extra', ',X');
    const again = await read(new TextEncoder().encode(fixed));
    const r2 = await applyImport(again, { fileName: 'fixed.csv' }, d);
    expect(r2.rejected).toEqual([]);
    expect(r2.summary.added).toBe(3);
    expect(await d.contacts.count()).toBe(4);
  });
});
