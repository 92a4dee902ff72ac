// A sheet of a workbook, a table of an HTML "xls" or an XML address book's records → the same rows a CSV gives
// (TableRow), into the same sinks (contacts, leads, deals, purchases, notes), so
// detection, mapping, rejects and accounting are the CSV's own. A row's line is its
// row number in the sheet (the header row included; in an HTML table the header row
// is 1). Rows before the header row are not data; blank rows are skipped and not
// counted; every other row is accepted, a duplicate, or rejected with a reason.
import Papa from 'papaparse';
import { roleOf } from './activity';
import type { ContactField } from './fields';
import type { CsvRecord } from './records';
import { detectHeader, headerIsData } from './sniff';
import { headerAgain, headerCells, ImportError, MAX_CELL_CHARS, MAX_COLUMNS, type RowSink, type TableInfo } from './table';
import { type CellValue, cellText, isoDate, serialToIso } from './workbook';
import { why } from './why';

export type GridFormat = 'xlsx' | 'xls-html' | 'xml';

export interface Grid {
  /** the sheet's or the table's name */
  name: string;
  /** row i is row number i + 1 */
  rows: CellValue[][];
}

/** How many non-blank rows the header is looked for in (as for a CSV). */
const HEADER_SAMPLE = 40;
const DATE_FIELDS: ReadonlySet<ContactField> = new Set<ContactField>(['birthday', 'connectedOn']);

function isBlankRow(row: CellValue[]): boolean {
  for (const v of row) if (v !== null && (typeof v !== 'string' || v.trim() !== '')) return false;
  return true;
}

const texts = (row: CellValue[]) => row.map(cellText);

/** The header row (1-based) and the grid's width; throws ImportError for an empty sheet. */
export function gridHeader(grid: Grid, headerLine?: number): { headerLine: number; width: number } {
  let width = 0;
  for (const r of grid.rows) if (r.length > width) width = r.length;
  if (width > MAX_COLUMNS) throw new ImportError(why('fileTooWide', { sheet: grid.name, columns: width, max: MAX_COLUMNS }));
  if (headerLine !== undefined && grid.rows[headerLine - 1] && !isBlankRow(grid.rows[headerLine - 1])) return { headerLine, width };
  const sample: CsvRecord[] = [];
  for (let i = 0; i < grid.rows.length && sample.length < HEADER_SAMPLE; i++) {
    if (isBlankRow(grid.rows[i])) continue;
    sample.push({ line: i + 1, lines: 1, raw: '', fields: texts(grid.rows[i]) });
  }
  const header = detectHeader(sample);
  if (!header) throw new ImportError(why('sheetEmpty', { sheet: grid.name }));
  if (headerIsData(header)) throw new ImportError(why('sheetHeaderIsData', { sheet: grid.name, line: header.line }));
  return { headerLine: header.line, width };
}

/** The header row's names, as wide as the grid (a column with no name is "" and keeps its values as "column N"). */
export function gridHeaders(grid: Grid, headerLine: number, width: number): string[] {
  const row = texts(grid.rows[headerLine - 1] ?? []).map((h) => h.trim());
  while (row.length < width) row.push('');
  return row;
}

export interface GridSinkChoice {
  sink: RowSink;
  /** the columns that are dates (a contact's birthday, a purchase's date): a number there is a date serial */
  dateColumns: number[];
}

/** The date columns for a contact mapping or an activity file's headers. */
export function dateColumnsOf(headers: string[], mapping?: (ContactField | null)[]): number[] {
  const out: number[] = [];
  headers.forEach((h, i) => {
    if (mapping ? mapping[i] !== null && mapping[i] !== undefined && DATE_FIELDS.has(mapping[i]!) : roleOf(h) === 'date') out.push(i);
  });
  return out;
}

/**
 * Feeds the grid's data rows to the sink onHeader returns. `base` is what the file
 * says of itself (its encoding for an HTML page). Throws ImportError for an empty sheet.
 */
export function readGrid(
  grid: Grid,
  base: Pick<TableInfo, 'encoding' | 'bom'> & { format: GridFormat },
  opts: { headerLine?: number },
  onHeader: (info: TableInfo) => GridSinkChoice,
): TableInfo {
  const { headerLine, width } = gridHeader(grid, opts.headerLine);
  const headers = gridHeaders(grid, headerLine, width);
  const info: TableInfo = { ...base, delimiter: ',', newline: '\r\n', headerLine, headers, sheet: grid.name };
  const { sink, dateColumns } = onHeader(info);
  const dates = new Set(dateColumns);
  const header = headerCells(headers);
  for (let i = headerLine; i < grid.rows.length; i++) {
    const cells = grid.rows[i];
    if (!cells || isBlankRow(cells)) continue;
    const line = i + 1;
    const fields = new Array<string>(width);
    let long = -1;
    for (let c = 0; c < width; c++) {
      const v = cells[c] ?? null;
      let t: string;
      if (v instanceof Date) t = isoDate(v);
      else if (typeof v === 'string' && dates.has(c)) t = serialToIso(v) ?? v;
      else t = cellText(v);
      if (t.length > MAX_CELL_CHARS && long < 0) long = t.length;
      fields[c] = t;
    }
    if (long >= 0) {
      const raw = csvLine(fields.map((f) => (f.length > 1000 ? f.slice(0, 1000) + '…' : f)));
      sink.reject({ line, ...why('cellTooLong', { chars: long, max: MAX_CELL_CHARS }), raw });
      continue;
    }
    if (headerAgain(fields, header)) {
      sink.reject({ line, ...why('headerAgain'), raw: csvLine(fields) });
      continue;
    }
    // raw is only needed for a row that is rejected or kept as an activity's text
    let raw: string | undefined;
    sink.row({
      line,
      fields,
      get raw() {
        return (raw ??= csvLine(fields));
      },
    });
  }
  return info;
}

/** A row as one CSV line (what a rejects file holds for it). */
export function csvLine(fields: string[]): string {
  let n = fields.length;
  while (n > 0 && fields[n - 1] === '') n--;
  return Papa.unparse([fields.slice(0, n)], { newline: '\r\n', quotes: false });
}

