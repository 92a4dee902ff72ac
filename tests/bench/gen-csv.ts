// A deterministic contacts CSV for the import bench: `tsx tests/bench/gen-csv.ts [rows] [seed] > file.csv`
// (default 100,000 rows). Same rows and seed → same bytes. Mixes English and Russian
// names, quoted cells with commas, a multi-line note every 97th row, a duplicate
// e-mail every 50th row and a row naming nobody every 1,000th, so the import does
// its real work. Columns: HubSpot's export.
import { fileURLToPath } from 'node:url';

const FIRST = ['Anna', 'Ivan', 'Olga', 'Marcus', 'Priya', 'Wei', 'Sofia', 'Jón', 'Мария', 'Дмитрий', 'Елена', 'Сергей', 'Guðrún', 'Tom', 'Laura', 'Павел'];
const LAST = ['Lindqvist', 'Petrov', 'Kuznetsova', "O'Neill", 'Sharma', 'Zhang', 'Rossi', 'Sigurðsson', 'Соколова', 'Волков', 'Новикова', 'Иванов', 'Jónsdóttir', 'Becker', 'Chen', 'Гусев'];
const COMPANY = ['Northwind Traders', 'Contoso, Ltd', 'Fabrikam', 'Ромашка', 'ООО "Вектор"', 'Globex', 'Initech', 'Hekla Software', 'Tver Trade', 'Сокол, АО'];
const TITLE = ['CEO', 'CTO', 'Head of Procurement', 'Engineer', 'Директор', 'Менеджер по закупкам', 'Analyst', 'VP Sales'];
const CITY = ['London', 'Berlin', 'Москва', 'Санкт-Петербург', 'Reykjavik', 'Austin', 'Казань', 'Lyon'];
const STAGE = ['lead', 'opportunity', 'customer', 'evangelist'];
const SYLLABLE = ['ber', 'lin', 'ova', 'ski', 'son', 'dot', 'ter', 'man', 'kov', 'ane', 'ros', 'vik', 'ель', 'ин', 'ова', 'ков', 'лев', 'нов', 'ски', 'рин'];

/** mulberry32: a tiny seeded PRNG */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function genContactsCsv(rows = 100_000, seed = 8): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const out = ['Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,City,Lifecycle Stage,Notes'];
  for (let i = 1; i <= rows; i++) {
    const first = pick(FIRST);
    // enough distinct surnames that name + company repeats only where we put duplicates
    const last = pick(LAST) + '-' + pick(SYLLABLE) + pick(SYLLABLE) + pick(SYLLABLE);
    const nobody = i % 1000 === 0;
    const email = nobody ? '' : i % 50 === 0 ? `person${i - 1}@example.com` : `person${i}@example.com`;
    const phone = `+${1 + Math.floor(r() * 98)} ${100 + Math.floor(r() * 900)} ${1000000 + Math.floor(r() * 9000000)}`;
    const note = i % 97 === 0 ? `Met at the expo.\nFollow up, ${pick(CITY)}.` : r() < 0.3 ? `Prefers e-mail, ${pick(STAGE)}` : '';
    out.push([String(i), nobody ? '' : first, nobody ? '' : last, email, phone, `${pick(COMPANY)} ${1 + Math.floor(r() * 500)}`, pick(TITLE), pick(CITY), pick(STAGE), note].map(q).join(','));
  }
  return out.join('\r\n') + '\r\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 8);
  process.stdout.write(genContactsCsv(rows, seed));
}
