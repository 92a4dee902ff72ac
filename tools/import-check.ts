// `npm run --silent import-check -- <file> [--all]` — what importing this file would
// do, without a browser and without writing anything (docs/import.md).
//
// stdout: one JSON object — preset, encoding, bom, format, delimiter, headerLine, rows,
// accepted, duplicates [{line, sameAs}], rejected [{line, reason, code, params, raw}], records
// (the first five accepted, every one with --all). Exit 0 whenever the file could
// be read, also when every row is bad; exit 2 with one line on stderr when it cannot
// (missing, a directory, empty, no header row, not valid JSON).
//
// Other kinds of file, same shape:
// - a purchases CSV or a notes CSV (the whole header weighed, lib/import/kind.ts):
//   "kind" is added ("purchases" | "notes"), preset is "generic", duplicates is [],
//   records are purchases / notes with the contact they refer to.
// - a leads or deals export: "kind": "leads" | "deals", read as contacts (each row
//   is a person; what the lead carries is kept in its fields and `custom`).
// - a .json file (Tiewise's import format: {contacts, notes, interactions,
//   purchases, products, complaints}): "kind": "json", preset "generic", delimiter
//   and headerLine null, rows = entries in all arrays, a rejected entry's line is
//   the physical line it starts on (plus "collection" and "index"), records are the
//   first accepted contacts.
// - a .vcf file (vCard 2.1, 3.0, 4.0): "format": "vcard", encoding, delimiter and
//   headerLine null, a card's line is the line of its BEGIN:VCARD.
// - an .xlsx workbook or an HTML "xls" (Bitrix24), told by the bytes, not the name:
//   "format": "xlsx" | "xls-html", "sheet": the sheet (table) read — the first that
//   looks like data, or `--sheet <name>`; delimiter null; encoding null for a workbook,
//   the page's for HTML; a row's line is its spreadsheet row (table row, header = 1).
// - a password-protected workbook, an old binary .xls, a PDF: exit 2, one line.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { CsvImport, type CsvImportReport } from '../lib/import/csv-kind';
import { decodeBytes } from '../lib/import/decode';
import { importJson } from '../lib/import/json';
import { ImportError } from '../lib/import/table';
import { jcardText, readVcardBytes, readVcards } from '../lib/import/vcard';
import { formatOf, isGridFormat, readGridFile, unreadableFormat } from '../lib/import/read';

const args = process.argv.slice(2);
const all = args.includes('--all');
const sheetAt = args.indexOf('--sheet');
const sheet = sheetAt >= 0 ? args[sheetAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && !(sheetAt >= 0 && i === sheetAt + 1));

function fail(message: string): never {
  process.stderr.write(`import-check: ${message}\n`);
  process.exit(2);
}

if (!file) fail('usage: import-check <file> [--all] [--sheet <name>]');
let size: number;
try {
  const st = statSync(file);
  if (st.isDirectory()) fail(`${file} is a directory, not a file`);
  size = st.size;
} catch (e) {
  fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
}
if (size === 0) fail(`${file} is empty`);
{
  // a workbook, an HTML page or a PDF is refused whole, with what to do instead
  const fd = openSync(file, 'r');
  const head = new Uint8Array(Math.min(size, 4096));
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const refused = unreadableFormat(head);
  if (refused) fail(`${file}: ${refused.reason}`);
}

const limit = (xs: unknown[]) => (all ? xs : xs.slice(0, 5));

function readAll(): Uint8Array {
  const fd = openSync(file!, 'r');
  const bytes = new Uint8Array(size);
  readSync(fd, bytes, 0, size, 0);
  closeSync(fd);
  return bytes;
}

/** A CSV file's or a sheet's report, in the one shape of docs/import.md (format and sheet only for workbooks and HTML tables). */
function printTable(r: CsvImportReport, how: { encoding: string | null; delimiter: string | null; format?: string; sheet?: string }): void {
  const common = {
    preset: r.kind === 'contacts' ? r.preset : 'generic',
    encoding: how.encoding,
    bom: r.bom,
    format: how.format,
    sheet: how.sheet,
    delimiter: how.delimiter,
    headerLine: r.headerLine,
    rows: r.rows,
    accepted: r.accepted,
    duplicates: r.kind === 'contacts' ? r.duplicates.map(({ line, sameAs }) => ({ line, sameAs })) : [],
    // with its reason's code and params, as the settings page says it in the user's language
    rejected: r.rejected.map(({ line, reason, code, params, raw }) => ({ line, reason, code, params, raw })),
    records: limit(r.records),
    // leads and deals: the deal each row carries (lib/import/deals.ts), with its line
    ...(r.kind === 'contacts' && r.deals ? { deals: limit(r.deals.map((x) => x.deal)) } : {}),
    // only when the reader changed or doubted something (NULs removed, a row re-read)
    ...(r.warnings?.length ? { warnings: r.warnings } : {}),
  };
  const kind = r.kind === 'contacts' ? r.entity : r.kind;
  print(kind === 'contacts' ? common : { kind, ...common });
}

/** A vCard or JSON file's counts and records, in the report's shape (no delimiter nor header line). */
function counted(r: { rows: number; accepted: number; duplicates: { line: number; sameAs: number }[]; rejected: unknown[] }, records: unknown[]) {
  return {
    delimiter: null,
    headerLine: null,
    rows: r.rows,
    accepted: r.accepted,
    duplicates: r.duplicates.map(({ line, sameAs }) => ({ line, sameAs })),
    rejected: r.rejected,
    records: limit(records),
  };
}

function printVcards(r: ReturnType<typeof readVcards>): void {
  print({ preset: 'generic', encoding: null, bom: false, format: 'vcard', ...counted(r, r.records) });
}

try {
  const fd = openSync(file, 'r');
  const head = new Uint8Array(Math.min(size, 4096));
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const format = formatOf(file, head);
  if (isGridFormat(format)) {
    const r = await readGridFile(readAll(), { format, sheet });
    printTable(r, { encoding: format === 'xlsx' ? null : r.encoding, format, sheet: r.sheet, delimiter: null });
  } else if (format === 'vcard' || /\.(vcf|vcard)$/i.test(file)) {
    printVcards(readVcardBytes(readAll()));
  } else if (/\.json$/i.test(file)) {
    const { text, encoding, bom } = decodeBytes(readAll());
    // (a jCard file: vCards written as JSON, read as the cards it holds, as the import reads it)
    const cards = jcardText(text);
    if (cards !== null) printVcards(readVcards(cards));
    else {
      const r = importJson(text);
      print({ kind: 'json', preset: 'generic', encoding, bom, ...counted(r, r.contacts) });
    }
  } else {
    const imp = new CsvImport();
    const fd = openSync(file, 'r');
    const chunk = new Uint8Array(1 << 20);
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      imp.push(chunk.slice(0, n));
    }
    closeSync(fd);
    const r = imp.end();
    printTable(r, { encoding: r.encoding, delimiter: r.delimiter, format: 'csv' });
  }
} catch (e) {
  if (e instanceof ImportError) fail(`${file}: ${e.message}`);
  throw e;
}

function print(o: unknown): void {
  process.stdout.write(JSON.stringify(o, null, 2) + '\n');
}
