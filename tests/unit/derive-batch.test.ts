// Tie fields computed in batches (issue 16): an import stores its contacts with
// the same tie fields a refresh computes from the stored rows, and a refresh of a
// few contacts (anyOf reads) agrees with a refresh of the whole book (key-range
// reads).
import 'fake-indexeddb/auto';
import { TiewiseDB } from '@/lib/db/database';
import { refreshAllTies, type RefreshProgress } from '@/lib/db/derive';
import { applyImport } from '@/lib/db/importer';
import type { Contact, Interaction } from '@/lib/domain/entities';
import { readChunks } from '@/lib/import/read';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2026, 5, 1);
const src = { kind: 'user' as const, at: 0 };
let n = 0;
const fresh = () => new TiewiseDB(`derive-batch-${Date.now()}-${++n}`);
const person = (id: string, name: string, company: string): Contact => ({
  id, name, company, relation: 'prospect', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0,
});
let k = 0;
const ix = (contactId: string, days: number): Interaction => ({
  id: `i${++k}`, contactId, kind: 'meeting', direction: 'in', at: NOW - days * DAY, summary: 'working session', source: src,
});

/** A champion at Acme: many recent meetings. */
async function withChampion(d: TiewiseDB) {
  await d.contacts.bulkPut([person('ivan', 'Ivan Petrov', 'Acme'), person('zoe', 'Zoe Hart', 'Globex')]);
  await d.interactions.bulkPut(Array.from({ length: 16 }, (_, i) => ix('ivan', 3 + i * 9)));
  await refreshAllTies(NOW, d);
}

async function importCsv(d: TiewiseDB, csv: string) {
  const bytes = new TextEncoder().encode(csv);
  async function* chunks() {
    yield bytes;
  }
  return applyImport(await readChunks(chunks(), { format: 'csv' }), { fileName: 'x.csv', now: NOW }, d);
}

const tieOf = (c: Contact | undefined) => c && { networkType: c.networkType, stage: c.stage, tieScore: c.tieScore };

describe('tie fields in batches', () => {
  it('an import stores each contact with the tie fields a refresh computes, and names the peers it may have changed', async () => {
    const d = fresh();
    await withChampion(d);
    const r = await importCsv(d, 'First Name,Last Name,Email,Company Name,Notes\nBoris,Orlov,boris@acme.test,Acme,Met at the expo\nLena,Berg,lena@initech.test,Initech,\n');
    expect(r.contactIds).toHaveLength(2);
    const stored = await d.contacts.bulkGet(r.contactIds);
    for (const c of stored) expect(c?.tieScore).toEqual(expect.any(Number));
    // the champion is a peer of the new Acme contact, not of the Initech one
    expect(r.peerIds).toEqual(['ivan']);
    const before = stored.map(tieOf);
    await refreshAllTies(NOW, d, r.contactIds);
    expect((await d.contacts.bulkGet(r.contactIds)).map(tieOf)).toEqual(before);
    // the new Acme contact is judged with its champion: a stakeholder entering the account
    const boris = stored.find((c) => c?.name === 'Boris Orlov');
    expect(await d.contacts.get('ivan')).toMatchObject({ networkType: 'strong-tie-champion', stage: 'entering-account' });
    expect(boris).toMatchObject({ networkType: 'weak-tie-prospect', stage: 'entering-account' });
    expect(stored.find((c) => c?.name === 'Lena Berg')).toMatchObject({ stage: 'prospecting' });
  });

  it('an import whose champion is its last row: the colleagues before it are judged with it, each stored as a refresh computes it', async () => {
    const d = fresh();
    // 1,200 people at Acme and elsewhere; the last one at Acme has met the rep often (a champion), so the
    // Acme people before it are judged again with it (the second pass)
    const day = (n: number) => new Date(NOW - n * DAY).toISOString().slice(0, 10);
    const contacts = Array.from({ length: 1200 }, (_, i) => ({ name: `Person ${i}`, email: `p${i}@x${i % 7}.test`, company: i % 3 ? `Firm ${i % 50}` : 'Acme' }));
    contacts.push({ name: 'Vera Champion', email: 'vera@acme.test', company: 'Acme' });
    const interactions = Array.from({ length: 16 }, (_, i) => ({ email: 'vera@acme.test', kind: 'meeting', direction: 'in', at: day(3 + i * 9), summary: 'working session' }));
    const bytes = new TextEncoder().encode(JSON.stringify({ contacts, interactions }));
    async function* chunks() {
      yield bytes;
    }
    const r = await applyImport(await readChunks(chunks(), { format: 'json' }), { fileName: 'x.json', now: NOW }, d);
    expect(r.contactIds).toHaveLength(1201);
    const stored = new Map((await d.contacts.toArray()).map((c) => [c.id, tieOf(c)]));
    const vera = (await d.contacts.where('emails').equals('vera@acme.test').first())!;
    expect(vera).toMatchObject({ networkType: 'strong-tie-champion' });
    const early = (await d.contacts.where('emails').equals('p0@x0.test').first())!;
    expect(early).toMatchObject({ company: 'Acme', stage: 'entering-account' });
    await refreshAllTies(NOW, d);
    expect(new Map((await d.contacts.toArray()).map((c) => [c.id, tieOf(c)]))).toEqual(stored);
  });

  it('a company that names no organisation makes no colleagues: a self-employed champion is no peer of another self-employed contact', async () => {
    const d = fresh();
    await d.contacts.bulkPut([person('ivan', 'Ivan Petrov', 'Self-employed')]);
    await d.interactions.bulkPut(Array.from({ length: 16 }, (_, i) => ix('ivan', 3 + i * 9)));
    await refreshAllTies(NOW, d);
    expect((await d.contacts.get('ivan'))?.tieScore).toBeGreaterThan(0.5);
    const r = await importCsv(d, 'First Name,Last Name,Email,Company Name\nBoris,Orlov,boris@mail.example,Self-employed\n');
    expect(r.peerIds).toEqual([]);
    const boris = await d.contacts.get(r.contactIds[0]);
    // (at Acme, the same import makes him a stakeholder entering the account: the test above)
    expect(boris?.company).toBe('Self-employed');
    expect(boris?.stage).not.toBe('entering-account');
    expect(boris?.companyKey).toBeUndefined();
  });

  it('a refresh of a few contacts agrees with a refresh of the whole book, and reports progress to the end', async () => {
    const a = fresh();
    const b = fresh();
    for (const d of [a, b]) {
      await d.contacts.bulkPut(Array.from({ length: 60 }, (_, i) => person(`c${String(i).padStart(3, '0')}`, `Person ${i}`, i % 3 ? 'Acme' : 'Globex')));
      await d.interactions.bulkPut(Array.from({ length: 40 }, (_, i) => ix(`c${String(i % 5).padStart(3, '0')}`, 2 + i * 3)));
    }
    const seen: RefreshProgress[] = [];
    await refreshAllTies(NOW, a, undefined, (p) => seen.push(p));
    await refreshAllTies(NOW, b, ['c003', 'c001', 'c040']);
    const pick = async (d: TiewiseDB) => (await d.contacts.bulkGet(['c001', 'c003', 'c040'])).map(tieOf);
    expect(await pick(b)).toEqual(await pick(a));
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(seen.at(-1)!.done).toBeGreaterThanOrEqual(60);
  });
});
