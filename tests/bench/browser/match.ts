// Runs inside Chromium (bundled by tests/bench/cases/match.ts): a synthetic book
// in the real database schema, then one profile read matched as the panel does it
// (candidatesFor: the nameKeys and e-mail indexes) or by a scan of the contacts
// store with the same scoring.
import { TiewiseDB } from '@/lib/db/database';
import { candidatesFor } from '@/lib/db/match';
import { emptyFields, type Extraction } from '@/lib/extract/types';
import { matchInputFromExtraction, prepare, scoreMatch, SUGGEST_THRESHOLD } from '@/lib/model/identity';
import { generateBook } from '../gen-book';

const dbs = new Map<number, TiewiseDB>();
const reads = new Map<number, Extraction>();

function profileRead(name: string, company?: string, city?: string): Extraction {
  const fields = emptyFields();
  fields.name = { status: 'ok', value: name, via: 'bench' };
  if (company) fields.company = { status: 'ok', value: company, via: 'bench' };
  if (city) fields.location = { status: 'ok', value: city, via: 'bench' };
  return { site: 'linkedin', kind: 'profile', profileUrl: 'https://www.linkedin.com/in/bench-probe/', lang: 'en', fields };
}

async function setup(n: number): Promise<string> {
  const d = new TiewiseDB(`bench-match-${n}`);
  await d.open();
  const { contacts } = generateBook({ contacts: n, products: 10, purchases: 0, seed: 42 });
  for (let i = 0; i < contacts.length; i += 10_000) await d.contacts.bulkAdd(contacts.slice(i, i + 10_000));
  // a Cyrillic contact, read from a Latin-script profile with a nickname and another transliteration
  const target = contacts.find((c) => c.name.startsWith('Александр ') && c.company)!;
  const TR: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
  const last = [...target.lastName!.toLowerCase()].map((ch) => TR[ch] ?? ch).join('');
  reads.set(n, profileRead(`Sasha ${last[0].toUpperCase()}${last.slice(1)}`, target.company, target.city));
  dbs.set(n, d);
  return target.id;
}

/** The panel's way: ids of the candidates, and the time. */
async function viaIndex(n: number): Promise<{ ms: number; ids: string[] }> {
  const t0 = performance.now();
  const c = await candidatesFor(reads.get(n)!, 1000, dbs.get(n)!);
  return { ms: performance.now() - t0, ids: c.filter((x) => x.score >= SUGGEST_THRESHOLD).map((x) => x.contact.id) };
}

/** A scan of the contacts store (one getAll, the fastest read of every record) with the same scoring. */
async function viaScan(n: number): Promise<{ ms: number; ids: string[] }> {
  const t0 = performance.now();
  const p = prepare(matchInputFromExtraction(reads.get(n)!));
  const ids: string[] = [];
  for (const c of await dbs.get(n)!.contacts.toArray()) {
    if (scoreMatch(p, c).score >= SUGGEST_THRESHOLD) ids.push(c.id);
  }
  return { ms: performance.now() - t0, ids };
}

Object.assign(globalThis, { setup, viaIndex, viaScan });
