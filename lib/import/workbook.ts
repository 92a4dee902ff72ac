// Excel workbooks (.xlsx) → grids of cells, one per sheet, for the same detection,
// mapping, rejects and accounting as a CSV (grid.ts).
//
// Read with read-excel-file (its `universal` build: fflate to unzip, saxen's SAX parser
// for the sheet XML; no DOM, no Worker, no Node API — so the same code runs in the
// import Web Worker, in tests and in the CLI). SheetJS's npm `xlsx` is not used: the
// npm package stopped at 0.18.5 (2022) with known advisories (prototype pollution,
// ReDoS) fixed only in builds published outside npm.
//
// What the library gives and what is done with it:
// - a formula's cached value (the one Excel computed and saved) is the cell's value;
//   nothing is evaluated;
// - a cell with a date format comes as a Date → an ISO date (time kept when it has one);
//   a plain number in a column that is a date field (grid.ts) is taken for a date serial;
// - numbers are kept as the text the file stores them as (no float rounding of phone
//   numbers or IDs), but a whole number the file stores in exponent or with ".0" (Google
//   Sheets writes "3.2488983471E10", "4.0") is written out as Excel shows it: 32488983471, 4;
// - merged cells: the value is in the top-left cell, the others are empty — as the file
//   says; nothing is copied into them;
// - rows keep their places, so a row's index + 1 is its row number in Excel.
//
// Bounded: the zip's directory is read first and a workbook that unpacks to more than
// MAX_UNPACKED_BYTES is refused before anything is inflated; an encrypted workbook
// (a CFB/OLE container, like old binary .xls) is refused by its first bytes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { ImportError } from './table';
import { why } from './why';

/** What one cell can hold once read: text, a date, a boolean, or nothing. */
export type CellValue = string | boolean | Date | null;

export interface Sheet {
  name: string;
  /** row i is the spreadsheet's row i + 1 (empty rows kept as empty arrays or nulls) */
  rows: CellValue[][];
}

/** A workbook that unpacks to more than this is refused (a zip bomb, or a sheet far beyond a contact list). */
export const MAX_UNPACKED_BYTES = 768 * 1024 * 1024;
/**
 * A sheet with more rows holding values than this is refused: read-excel-file gathers
 * a sheet's rows by concatenating arrays once per XML chunk and shrinks its chunks when
 * one takes longer than 7 ms, so far past this its time grows with the square of the
 * rows and its recursion runs out of stack. A CSV has no such limit.
 */
export const MAX_SHEET_ROWS = 300_000;

export const ENCRYPTED_OR_XLS = why('encryptedOrXls');

export function isZip(b: Uint8Array): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export function isCfb(b: Uint8Array): boolean {
  return b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/** Reads every sheet. Throws ImportError (one clear message) when the file is not a workbook Tiewise can read. */
export async function readWorkbook(bytes: Uint8Array): Promise<Sheet[]> {
  if (isCfb(bytes)) throw new ImportError(ENCRYPTED_OR_XLS);
  if (!isZip(bytes)) throw new ImportError(why('notXlsx'));
  let unpacked = 0;
  const names: string[] = [];
  try {
    // the directory only: the filter sees each entry's unpacked size and inflates nothing
    unzipSync(bytes, {
      filter: (f) => {
        unpacked += f.originalSize;
        names.push(f.name);
        return false;
      },
    });
  } catch (e) {
    throw new ImportError(why('cannotUnpack', { detail: (e as Error).message }));
  }
  if (names.includes('mimetype') && !names.includes('xl/workbook.xml')) {
    throw new ImportError(why('ods'));
  }
  if (names.includes('xl/workbook.bin')) {
    throw new ImportError(why('xlsb'));
  }
  if (!names.includes('xl/workbook.xml')) {
    throw new ImportError(why('zipNotXlsx'));
  }
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new ImportError(why('tooBigUnpacked', { mb: Math.round(unpacked / 1024 / 1024), max: MAX_UNPACKED_BYTES / 1024 / 1024 }));
  }
  const ab = withoutEmptyRows(bytes);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(ab, { trim: false, parseNumber: plainNumber })) as unknown as typeof sheets;
  } catch (e) {
    throw new ImportError(why('workbookUnreadable', { detail: (e as Error).message || String(e) }));
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellOf)) }));
}

/**
 * The workbook again (stored, not compressed) with every sheet's empty rows taken out:
 * rows with no cell, or only empty cells (a format applied down to row 1,048,576).
 * Their numbers stay, since every row says its own number (`r`); a sheet whose rows do
 * not is left as it is. Refuses a sheet with more than MAX_SHEET_ROWS rows of values.
 */
function withoutEmptyRows(bytes: Uint8Array): ArrayBuffer {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    let xml = strFromU8(files[name]);
    if (!/<row(?![^>]*\br=)[\s>/]/.test(xml)) {
      xml = xml.replace(/<row\b[^>]*?(?:\/>|>(?:\s*<c\b[^>]*?(?:\/>|>\s*<\/c>))*\s*<\/row>)/g, '');
      files[name] = strToU8(xml);
    }
    let rows = 0;
    for (let at = xml.indexOf('<row'); at >= 0; at = xml.indexOf('<row', at + 4)) rows++;
    if (rows > MAX_SHEET_ROWS) {
      throw new ImportError(why('sheetTooLong', { rows, max: MAX_SHEET_ROWS }));
    }
  }
  const out = zipSync(files, { level: 0 });
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** A number cell's stored text; a whole number in exponent form or with a zero fraction as its digits. */
function plainNumber(s: string): string {
  if (!/^-?\d+(?:\.\d*)?(?:[eE][+-]?\d+|(?<=\.0*))$/.test(s)) return s;
  const n = Number(s);
  return Number.isSafeInteger(n) ? String(n) : s;
}

function cellOf(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  // a Date from another realm (tests), or a number the parseNumber option did not catch
  if (typeof v === 'number') return String(v);
  if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
  return String(v);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A date as ISO 8601: the day alone at midnight, else with the time (UTC, as the sheet has no zone). */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // a serial's fraction of a day is a float: 09:30 may come as 09:29:59.9995
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const time = `${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
  // a time-only cell ("h:mm") is a fraction of day 0, 1899-12-30: the time is all it says
  if (d.getTime() < Date.UTC(1900, 0, 1)) return time;
  if (!h && !m && !s) return day;
  return `${day}T${time}`;
}

/**
 * An Excel date serial (days since 1899-12-30, Lotus's leap-year bug included) → ISO
 * date; undefined when the text is not a plausible serial (1900-01-01 … 9999-12-31).
 */
export function serialToIso(text: string): string | undefined {
  if (!/^\d{1,7}(\.\d+)?$/.test(text.trim())) return undefined;
  const n = Number(text);
  if (!(n >= 1 && n < 2958466)) return undefined;
  const ms = Math.round((n - 25569) * 86400) * 1000;
  return isoDate(new Date(ms));
}

/** A cell as the text a CSV of the same sheet would hold (dates as ISO). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return isoDate(v);
}
