// A stored read is never blanked: a read that says nothing never overwrites one
// that said something; each field keeps its last good value and when it was read.
import 'fake-indexeddb/auto';
import { openDatabase, TiewiseDB, useDatabase } from '@/lib/db/database';
import { addContact } from '@/lib/db/contacts';
import { findProfileByUrl, linkProfile, recordProfileRead } from '@/lib/db/profiles';
import { getContactRecord } from '@/lib/db/record';
import { FIELD_NAMES, emptyFields, type Extraction, type Fields } from '@/lib/extract/types';
import { parseSnapshot, staleFields } from '@/lib/model/profile-read';
import { DAY } from '@/lib/domain/time';

let db: TiewiseDB;
let n = 0;
beforeEach(async () => {
  db = new TiewiseDB(`profile-read-${++n}`);
  useDatabase(db);
  await openDatabase(db);
});

const URL_ = 'https://www.linkedin.com/in/anna-kowalski-42/';
const T0 = Date.UTC(2026, 10, 20);

function read(fields: Partial<Fields>): Extraction {
  return { site: 'linkedin', kind: 'profile', profileUrl: URL_, lang: 'en', fields: { ...emptyFields(), ...fields } };
}
const ok = <T,>(value: T) => ({ status: 'ok' as const, value, via: 'test' });

/** What the content script sends when the page still showed someone else after its retries. */
function identityMismatch(): Extraction {
  return read(Object.fromEntries(FIELD_NAMES.map((f) => [f, { status: 'unreadable' as const }])) as Partial<Fields>);
}

async function linked() {
  const c = await addContact({ name: 'Anna Kowalski', source: { kind: 'user', at: 1 } });
  await linkProfile(c.id, read({
    name: ok('Anna Kowalski'), headline: ok('Head of Procurement'), company: ok('Northwind Traders'),
    connections: ok(500), experience: ok([{ title: 'Head of Procurement', company: 'Northwind Traders' }]),
  }), T0);
  return c;
}

describe('recording a profile read', () => {
  it('a read whose identity did not match keeps every field of the last good read, with its time', async () => {
    await linked();
    const p = await recordProfileRead(identityMismatch(), T0 + 3 * DAY);
    const snap = parseSnapshot(p!.snapshot)!;
    expect(snap.fields.name).toEqual(ok('Anna Kowalski'));
    expect(snap.fields.headline).toEqual(ok('Head of Procurement'));
    expect(snap.fields.experience).toEqual(ok([{ title: 'Head of Procurement', company: 'Northwind Traders' }]));
    // when the values were read stays the good read's; the attempt is remembered
    expect(p!.readAt).toBe(T0);
    expect(p!.triedAt).toBe(T0 + 3 * DAY);
    expect(staleFields(p!)).toMatchObject({ name: T0, headline: T0, company: T0, connections: T0, experience: T0 });
    // and the stored row says the same after a reload
    const stored = await findProfileByUrl(URL_);
    expect(parseSnapshot(stored!.snapshot)!.fields.company).toEqual(ok('Northwind Traders'));
  });

  it('a partial read updates what it read and keeps what it could not', async () => {
    await linked();
    const p = await recordProfileRead(read({
      name: ok('Anna Kowalski'), company: ok('Globex'), headline: { status: 'unreadable' }, connections: { status: 'missing' },
    }), T0 + DAY);
    const snap = parseSnapshot(p!.snapshot)!;
    expect(snap.fields.company).toEqual(ok('Globex'));
    expect(snap.fields.headline).toEqual(ok('Head of Procurement'));
    expect(snap.fields.connections).toEqual(ok(500));
    expect(p!.readAt).toBe(T0 + DAY);
    expect(p!.fieldsAt).toMatchObject({ name: T0 + DAY, company: T0 + DAY, headline: T0, connections: T0 });
    expect(Object.keys(staleFields(p!)).sort()).toEqual(['connections', 'experience', 'headline']);
    // a field neither read ever had keeps the newest status
    expect(snap.fields.about).toEqual({ status: 'missing' });
  });

  it('a later good read clears the staleness', async () => {
    await linked();
    await recordProfileRead(identityMismatch(), T0 + DAY);
    const p = await recordProfileRead(read({
      name: ok('Anna Kowalski'), headline: ok('VP Procurement'), company: ok('Northwind Traders'),
      connections: ok(501), experience: ok([{ company: 'Northwind Traders' }]),
    }), T0 + 2 * DAY);
    expect(staleFields(p!)).toEqual({});
    expect(parseSnapshot(p!.snapshot)!.fields.headline).toEqual(ok('VP Procurement'));
  });

  it('relinking a profile with a blank read keeps what it had', async () => {
    const c = await linked();
    await linkProfile(c.id, identityMismatch(), T0 + DAY);
    const rec = await getContactRecord(c.id);
    expect(parseSnapshot(rec!.profiles[0].snapshot)!.fields.headline).toEqual(ok('Head of Procurement'));
  });

  it('finds the profile by any spelling of its URL', async () => {
    await linked();
    expect((await findProfileByUrl('https://de.linkedin.com/in/Anna-Kowalski-42?trk=x'))?.url).toBe(URL_);
    const p = await recordProfileRead({ ...identityMismatch(), profileUrl: 'https://linkedin.com/in/ANNA-KOWALSKI-42/details/skills/' }, T0 + DAY);
    expect(p?.triedAt).toBe(T0 + DAY);
  });
});
