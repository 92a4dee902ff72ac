// The import bench's CSV (gen-csv.ts: HubSpot columns, Cyrillic names, commas and
// line breaks inside cells, duplicates, rows naming nobody) as an .xlsx workbook,
// written with write-excel-file: `tsx tests/bench/gen-xlsx.ts [rows] > file.xlsx`.
import Papa from 'papaparse';
import { fileURLToPath } from 'node:url';
import writeXlsxFile from 'write-excel-file/node';
import { genContactsCsv } from './gen-csv';

export async function genContactsXlsx(rows = 100_000, seed = 8): Promise<Buffer> {
  const table = Papa.parse<string[]>(genContactsCsv(rows, seed), { skipEmptyLines: true }).data;
  // a few cells as Excel stores them: Record ID a number; the rest text
  const data = table.map((r, i) => r.map((v, c) => (i > 0 && c === 0 && /^\d+$/.test(v) ? Number(v) : v || null)));
  return (await writeXlsxFile(data as never, { sheet: 'Contacts' } as never).toBuffer()) as Buffer;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await genContactsXlsx(Number(process.argv[2] ?? 100_000)));
}
