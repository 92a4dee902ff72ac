// Looking at the first part of a CSV text: which line break, which delimiter, and
// which record is the header (LinkedIn's Connections.csv has notes before it).
import { bareHeaders, isKnownHeader } from './mapping';
import { type CsvRecord, type Delimiter, type Newline, readRecords } from './records';

export const DELIMITERS: Delimiter[] = [',', ';', '\t'];
/** How many records the sniffers look at. */
const SAMPLE_RECORDS = 40;

/** The line breaks outside quoted cells (Excel puts \n inside them, \r\n between rows). */
function breaksIn(text: string): { crlf: number; lf: number; cr: number } {
  const sample = text.replace(/"[^"]*"/g, '');
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample.charCodeAt(i);
    if (ch === 13) {
      if (sample.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (ch === 10) lf++;
  }
  return { crlf, lf, cr };
}

/** The line break between records: the most common one outside quoted cells. */
export function detectNewline(text: string): Newline {
  const { crlf, lf, cr } = breaksIn(text);
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  if (cr > lf) return '\r';
  return '\n';
}

/**
 * The line break and the delimiter under which most of the sample's records share one width.
 * Rows ending in \r\n beside lines ending in a lone \n outside quotes are either a file whose
 * tool wrote its header apart from its rows (a Salesforce data set's header ends in \n, each
 * row in \r\n: read at \r\n, the header swallowed the first row and the rest lost their
 * columns) or rows with a bare line break inside a cell: each break is tried, and the one under
 * which the records agree wins (at \n, a \r\n row's \r is trailing space of its last cell).
 */
export function detectLayout(sample: string, delimiter: Delimiter | undefined, final = false): { newline: Newline; delimiter: Delimiter } {
  const newline = detectNewline(sample);
  const tries: Newline[] = newline === '\r\n' && breaksIn(sample).lf > 0 ? ['\r\n', '\n'] : [newline];
  let best: { newline: Newline; delimiter: Delimiter; agree: number } | undefined;
  for (const nl of tries) {
    const found = bestDelimiter(sample, nl, final, delimiter ? [delimiter] : DELIMITERS);
    if (!best || found.agree > best.agree) best = { newline: nl, delimiter: found.d, agree: found.agree };
  }
  return { newline: best!.newline, delimiter: best!.delimiter };
}

/**
 * The delimiter under which most records share one field count (above one),
 * quotes respected (papaparse reads the sample). Ties go to the larger count.
 */
export function detectDelimiter(sample: string, newline: Newline = detectNewline(sample), final = false): Delimiter {
  return bestDelimiter(sample, newline, final, DELIMITERS).d;
}

function bestDelimiter(sample: string, newline: Newline, final: boolean, delimiters: Delimiter[]): { d: Delimiter; agree: number; width: number } {
  let best: { d: Delimiter; agree: number; width: number } = { d: delimiters[0], agree: 0, width: 0 };
  for (const d of delimiters) {
    const recs = readRecords(sample, { delimiter: d, newline }, final).slice(0, SAMPLE_RECORDS);
    const counts = new Map<number, number>();
    for (const r of recs) if (r.fields && r.fields.length > 1) counts.set(r.fields.length, (counts.get(r.fields.length) ?? 0) + 1);
    for (const [width, agree] of counts) {
      if (agree > best.agree || (agree === best.agree && width > best.width)) best = { d, agree, width };
    }
  }
  return best;
}

/**
 * The header record among the sample's: the one naming the most known columns
 * (two at least); failing that, the first record as wide as most of those after it.
 */
export function detectHeader(records: CsvRecord[]): CsvRecord | undefined {
  const recs = records.filter((r) => r.fields && r.fields.some((f) => f.trim() !== '')).slice(0, SAMPLE_RECORDS);
  let best: CsvRecord | undefined;
  let bestScore = 1;
  for (const r of recs) {
    const score = bareHeaders(r.fields!).filter(isKnownHeader).length;
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best) return best;
  // a record with empty fields at its end fits every width from its last value on
  // (data rows ending in a delimiter must not make the first of them the header)
  const common = rowsWidth(recs);
  const fits = recs.find((r) => common !== undefined && filledWidth(r.fields!) <= common && r.fields!.length >= common);
  // a first record wider than the rows, every cell a distinct label (an export in a language we have no
  // names for, whose rows leave their last columns out): the header, not a preamble — else the first row
  // would be taken for it and lost without a word
  const first = recs[0];
  if (first && fits && first !== fits && common !== undefined && first.fields!.length > common && headerLike(first.fields!)) return first;
  return fits ?? recs[0];
}

/**
 * A header taken by its width, not its names, that holds data (an address, a bare number):
 * the file has no header row, and reading its first person as one would lose them without a word.
 */
export function headerIsData(header: CsvRecord): boolean {
  const fields = header.fields ?? [];
  return bareHeaders(fields).filter(isKnownHeader).length < 2 && fields.some((f) => DATA_CELL.test(f.trim()));
}
// (an address, a number, a date in digits or with its month's name: "11 Jun 2021", "Jun 11, 2021"; a web
// address: a scraped people list's profile links)
const DATA_CELL = /@|^[\d\s.,:/+()-]+$|^\d{1,2}[\s.-]+\p{L}{3,9}\.?[\s.-]+\d{2,4}$|^\p{L}{3,9}\.? \d{1,2},? \d{4}$|^https?:\/\/\S+$/u;

/** The width most records have (a record with empty fields at its end fits every width from its last value on). */
export function rowsWidth(records: CsvRecord[]): number | undefined {
  const widths = new Map<number, number>();
  for (const r of records) if (r.fields) for (let w = filledWidth(r.fields); w <= r.fields.length; w++) widths.set(w, (widths.get(w) ?? 0) + 1);
  return [...widths].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/**
 * Rows narrower than their header: most rows after it leave its last columns out (a
 * Chinese Outlook export: 92 names, 88 fields a row). Then the rows' width, else undefined.
 */
export function shortRows(records: CsvRecord[], header: CsvRecord): number | undefined {
  const recs = records.filter((r) => r.line > header.line && r.fields && r.fields.some((f) => f.trim() !== '')).slice(0, SAMPLE_RECORDS);
  const w = rowsWidth(recs);
  return w !== undefined && header.fields && w < header.fields.length ? w : undefined;
}

/**
 * Rows wider than their header: (nearly) every row after it has the same number of fields, more than
 * the header names, and some of them fill the unnamed ones (a tool that added columns without names:
 * "ID,Email,Status" over rows of six fields). Then that width, else undefined. A stray delimiter in one
 * row makes that row alone wider, and it stays a broken row.
 */
export function wideRows(records: CsvRecord[], header: CsvRecord): number | undefined {
  const named = header.fields?.length ?? 0;
  const recs = records.filter((r) => r.line > header.line && r.fields && r.fields.some((f) => f.trim() !== '')).slice(0, SAMPLE_RECORDS);
  if (recs.length < 2 || !named) return undefined;
  const counts = new Map<number, number>();
  for (const r of recs) counts.set(r.fields!.length, (counts.get(r.fields!.length) ?? 0) + 1);
  const [w, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return w > named && n >= recs.length * 0.9 && recs.some((r) => r.fields!.length === w && filledWidth(r.fields!) > named) ? w : undefined;
}

/** Cells that read as column names: filled ones distinct, none a number, a date or an address. */
function headerLike(fields: string[]): boolean {
  const filled = fields.map((f) => f.trim()).filter(Boolean);
  return filled.length >= 2 && new Set(filled).size === filled.length && !filled.some((f) => DATA_CELL.test(f));
}

/** Fields up to the last non-empty one (at least one). */
function filledWidth(fields: string[]): number {
  let n = fields.length;
  while (n > 1 && fields[n - 1].trim() === '') n--;
  return n;
}
