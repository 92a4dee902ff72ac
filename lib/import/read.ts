// A dropped file → its preview (detection and the first rows, for the mapping
// screen) and, streaming, its full report. Runs in the import Web Worker, in
// tests and in the bench; takes bytes and chunks, never a File or the DOM.
// Activity rows (notes, purchases) keep their raw text, so a row whose contact is
// not found when the import is applied can still go into the rejects file.
// Over 300 lines on purpose: one way in for every file kind (detect, preview, streamed
// report, rejects file), each step choosing by the same detected format.
import Papa from 'papaparse';
import { decodeBytes } from './decode';
import { NoteSink, PurchaseSink } from './activity';
import type { ContactImportOptions } from './contacts';
import { ContactSink } from './contacts';
import type { CsvImportReport } from './csv-kind';
import type { ColumnMapping, ImportedContact } from './fields';
import { type JsonImportReport, importJson } from './json';
import { type VcardReport, jcardText, readVcardBytes, readVcards } from './vcard';
import { type FileKind, type KindJudgement, isPeopleKind, judgeKind } from './kind';
import { applyMapping, detectPreset, proposeMapping } from './mapping';
import type { PresetId } from './presets';
import { rejectsText } from './export';
import { ImportError, concat, type Rejected, type RowSink, type TableInfo, type TableRow, TableReader } from './table';
import { type Grid, type GridFormat, dateColumnsOf, gridHeader, gridHeaders, readGrid } from './grid';
import { htmlEncoding, looksLikeHtml, looksLikeSpreadsheetXml, readHtmlTables } from './html-table';
import { looksLikeXml, readXmlRecords, xmlEncoding } from './xml-records';
import { ENCRYPTED_OR_XLS, cellText, isCfb, isZip, readWorkbook, serialToIso } from './workbook';
import { type Why, why } from './why';

export type ImportFormat = 'csv' | 'json' | 'vcard' | GridFormat;

/** Workbooks and HTML "xls" files are read whole (a zip's directory is at its end). */
export function isGridFormat(f: ImportFormat): f is GridFormat {
  return f === 'xlsx' || f === 'xls-html' || f === 'xml';
}

/**
 * By the file's first bytes when they say it (a workbook is a zip; Bitrix24's "xls" is
 * HTML, whatever the name), else by the name, else by the first characters.
 */
export function formatOf(fileName: string, head: Uint8Array): ImportFormat {
  if (isZip(head)) return 'xlsx';
  if (looksLikeHtml(head)) return 'xls-html';
  // (Excel 2003's XML spreadsheet is refused by unreadableFormat)
  if (looksLikeXml(head)) return 'xml';
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(vcf|vcard)$/i.test(fileName)) return 'vcard';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  if (/^begin:vcard/i.test(new TextDecoder('latin1').decode(head.subarray(i, i + 11)))) return 'vcard';
  return head[i] === 0x7b || head[i] === 0x5b ? 'json' : 'csv';
}

/**
 * Why a file is not one Tiewise can read (a workbook, an HTML page, a PDF), in
 * words a person can act on; undefined when it may be text. A file like that is
 * refused whole with this message, never read as CSV and rejected row by row.
 */
export function unreadableFormat(head: Uint8Array): Why | undefined {
  const b = head;
  if (isCfb(b)) return ENCRYPTED_OR_XLS;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return why('pdf');
  if (looksLikeSpreadsheetXml(b)) {
    return why('xml2003');
  }
  if (looksLikeLdif(b)) return why('ldif');
  return undefined;
}

/**
 * An LDIF address book (Thunderbird's, an LDAP directory's export): its first entry's
 * "dn:" line, after comments and an optional "version: 1". Read as a CSV, each of its
 * lines was a row naming nobody.
 */
function looksLikeLdif(head: Uint8Array): boolean {
  const lines = new TextDecoder('latin1').decode(head.subarray(0, 2048)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').split(/\r?\n/);
  const first = lines.find((l) => l.trim() && !l.startsWith('#') && !/^version:\s*1\s*$/i.test(l));
  return !!first && /^dn::?\s/i.test(first) && lines.some((l) => /^objectclass:/i.test(l));
}

/** One sheet of a workbook (or table of an HTML file) as the mapping screen shows it. */
export type SheetPreview = Omit<TablePreview, 'sheets' | 'sheet'> & {
  name: string;
  /** non-blank rows after the header */
  dataRows: number;
  /** has rows and a header that names people (or a sure activity kind) */
  looksLikeData: boolean;
};

export interface TablePreview {
      format: 'csv' | GridFormat;
      kind: FileKind;
      /** why that kind, and whether the header made it clear (else the screen asks) */
      judgement: KindJudgement;
      info: TableInfo;
      preset: PresetId;
      mapping: ColumnMapping;
      /** the first data rows' cells */
      sample: string[][];
      /** the same rows through the mapping (contacts only) */
      records: ImportedContact[];
      /** a workbook's sheets (an HTML file's tables) with rows; this preview is sheets[sheet]'s */
      sheets?: SheetPreview[];
      sheet?: number;
}

export type FilePreview = TablePreview | { format: 'json' } | { format: 'vcard' };

/** Whether a preview is a table (CSV, a sheet of a workbook, an HTML table): one with columns to map. */
export function isTablePreview(p: FilePreview): p is TablePreview {
  return p.format !== 'json' && p.format !== 'vcard';
}

/** Detection on the file's first bytes (64 KB is plenty); `rows` data rows kept for the screen. */
export function previewBytes(fileName: string, head: Uint8Array, rows = 8): FilePreview {
  const refused = unreadableFormat(head);
  if (refused) throw new ImportError(refused);
  const format = formatOf(fileName, head);
  if (isGridFormat(format)) throw new Error('a workbook is read whole: use previewFile()');
  if (format !== 'csv') return { format };
  const sample: string[][] = [];
  const table = new TableReader({}, () => ({ row: (r) => void (sample.length < rows && sample.push(r.fields)), reject: () => {} }));
  table.push(head);
  const info = table.end();
  const judgement = judgeKind(info.headers);
  const kind = judgement.kind;
  const preset = detectPreset(info.headers).preset;
  const mapping = proposeMapping(info.headers, preset);
  return {
    format, kind, judgement, info, preset, mapping, sample,
    records: isPeopleKind(kind) ? sample.map((f) => applyMapping(info.headers, mapping, f).record) : [],
  };
}

export interface ReadOptions extends ContactImportOptions {
  format: ImportFormat;
  kind?: FileKind;
  /** a workbook's sheet (an HTML file's table) by name; the first that looks like data when absent */
  sheet?: string;
}

/** A CSV report whose activity records keep their raw text (parallel to records). */
export type CsvRead = CsvImportReport & { recordRaws?: string[] };
export type FileRead = CsvRead | JsonImportReport | VcardReport;

class RawKeeper implements RowSink {
  readonly raws: string[] = [];
  constructor(readonly sink: PurchaseSink | NoteSink) {}
  row(r: TableRow): void {
    const before = this.sink.records.length;
    this.sink.row(r);
    if (this.sink.records.length > before) this.raws.push(r.raw);
  }
  reject(r: Rejected): void {
    this.sink.reject(r);
  }
}

/** Streaming: push() chunks, end() for the report. */
export class ImportReader {
  private readonly table: TableReader | undefined;
  private sink: ContactSink | RawKeeper | undefined;
  private readonly json: Uint8Array[] = [];

  constructor(private readonly opts: ReadOptions) {
    if (opts.format === 'csv') {
      this.table = new TableReader(opts, (info) => {
        const kind = opts.kind ?? (opts.preset || opts.mapping ? 'contacts' : judgeKind(info.headers).kind);
        this.sink =
          kind === 'purchases' ? new RawKeeper(new PurchaseSink(info.headers))
          : kind === 'notes' ? new RawKeeper(new NoteSink(info.headers))
          : new ContactSink(info.headers, { ...opts, entity: kind });
        return this.sink;
      });
    }
  }

  private first = true;

  push(chunk: Uint8Array): void {
    if (this.first && chunk.length) {
      this.first = false;
      const refused = unreadableFormat(chunk) ?? (isZip(chunk) || looksLikeHtml(chunk) ? why('notCsvText') : undefined);
      if (refused) throw new ImportError(refused);
    }
    if (this.table) this.table.push(chunk);
    else this.json.push(chunk);
  }

  /** Throws ImportError when the file cannot be read at all. */
  end(): FileRead {
    if (!this.table) {
      if (this.opts.format === 'vcard') return readVcardBytes(concat(this.json));
      const text = new TextDecoder('utf-8').decode(concat(this.json));
      // (a jCard file is vCards written as JSON: read as the cards it holds)
      const cards = jcardText(text);
      return cards !== null ? readVcards(cards) : importJson(text);
    }
    const info = this.table.end();
    const s = this.sink!;
    if (s instanceof ContactSink) return s.report(info);
    const report = s.sink.report(info) as ActivityRead;
    return { ...report, recordRaws: s.raws };
  }
}

type ActivityRead = Extract<CsvImportReport, { kind: 'notes' | 'purchases' }>;

/** Reads a whole stream of chunks; `onProgress` gets the bytes read so far. */
export async function readChunks(chunks: AsyncIterable<Uint8Array>, opts: ReadOptions, onProgress?: (bytes: number) => void, cancelled?: () => boolean): Promise<FileRead> {
  if (isGridFormat(opts.format)) {
    const parts: Uint8Array[] = [];
    let bytes = 0;
    for await (const c of chunks) {
      if (cancelled?.()) throw new Error('cancelled');
      parts.push(c);
      bytes += c.length;
      onProgress?.(bytes);
    }
    return readGridFile(concat(parts, bytes), opts);
  }
  const r = new ImportReader(opts);
  let bytes = 0;
  for await (const c of chunks) {
    if (cancelled?.()) throw new Error('cancelled');
    r.push(c);
    bytes += c.length;
    onProgress?.(bytes);
  }
  return r.end();
}

/** The file's header row as CSV text (for a rejects file that imports again once fixed). */
export function headerText(info: Pick<TableInfo, 'headers' | 'delimiter'>): string {
  return Papa.unparse([info.headers], { delimiter: info.delimiter, newline: '\r\n', quotes: false });
}

/**
 * The rejected rows as a file to fix and import again: a CSV's header row and the
 * rows verbatim (UTF-8 with a BOM, whatever the source's encoding), or for JSON the
 * rejected entries under their collections.
 */
export function rejectsFile(report: FileRead, rejected: ReadonlyArray<Rejected & { collection?: string }>): { text: string; ext: 'csv' | 'json' | 'vcf' } {
  if (report.kind === 'json') {
    const doc: Record<string, unknown[]> = {};
    for (const r of rejected) {
      let entry: unknown = r.raw;
      try {
        entry = JSON.parse(r.raw);
      } catch {
        // keep the text
      }
      (doc[r.collection ?? 'contacts'] ??= []).push(entry);
    }
    return { text: JSON.stringify(doc, null, 2) + '\n', ext: 'json' };
  }
  const rows = rejected.filter((r) => r.raw !== '');
  if ('format' in report && report.format === 'vcard') return { text: rows.map((r) => r.raw).join('\r\n') + '\r\n', ext: 'vcf' };
  return { text: '\uFEFF' + rejectsText(headerText(report as CsvRead), rows), ext: 'csv' };
}

/** A workbook's sheets or an HTML file's tables, and what the file says of itself. */
export async function gridsOf(bytes: Uint8Array, format: GridFormat): Promise<{ grids: Grid[]; base: Pick<TableInfo, 'encoding' | 'bom'> & { format: GridFormat } }> {
  if (format === 'xlsx') {
    const sheets = await readWorkbook(bytes);
    return { grids: sheets, base: { encoding: 'utf-8', bom: false, format } };
  }
  const refused = unreadableFormat(bytes);
  if (refused) throw new ImportError(refused);
  if (format === 'xml') {
    const enc = xmlEncoding(bytes);
    return { grids: [readXmlRecords(decodeBytes(bytes, enc.encoding).text)], base: { ...enc, format } };
  }
  const enc = htmlEncoding(bytes);
  const { text } = decodeBytes(bytes, enc.encoding);
  return { grids: readHtmlTables(text), base: { ...enc, format } };
}

const NAMING: ReadonlySet<string> = new Set(['name', 'firstName', 'lastName', 'email']);

/** What a sheet is refused as, whole, by its header (kind.ts): the file's reason when no sheet can be read. */
const REFUSED: ReadonlySet<string> = new Set(['linkedinInvitations', 'mailItems', 'calendarItems']);

type GridBase = Pick<TableInfo, 'encoding' | 'bom'> & { format: GridFormat };

/**
 * The sheets (an HTML file's tables) there is something to read in, each with its preview. None:
 * the first sheet's own reason when one had rows but no header (its first row is data), else
 * "every sheet is empty".
 */
function readableSheets(grids: Grid[], base: GridBase, rows: number): { g: Grid; p: SheetPreview }[] {
  const out: { g: Grid; p: SheetPreview }[] = [];
  let headless: ImportError | undefined;
  for (const g of grids) {
    try {
      out.push({ g, p: previewGrid(g, gridHeader(g), base, rows) });
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      // (a sheet with no header, or one refused for what it is — LinkedIn's Invitations re-saved as a workbook —
      // says so: "every sheet is empty" would not be true)
      if (e.why.code === 'sheetHeaderIsData' || REFUSED.has(e.why.code)) headless ??= e;
    }
  }
  if (!out.length) throw headless ?? new ImportError(why(base.format === 'xlsx' ? 'workbookEmpty' : 'tablesEmpty'));
  return out;
}

/** Detection and the first rows of one sheet, its header row found. */
function previewGrid(grid: Grid, found: { headerLine: number; width: number }, base: GridBase, rows: number): SheetPreview {
  const headers = gridHeaders(grid, found.headerLine, found.width);
  const judgement = judgeKind(headers);
  const kind = judgement.kind;
  const preset = detectPreset(headers).preset;
  const mapping = proposeMapping(headers, preset);
  const sample: string[][] = [];
  let dataRows = 0;
  // a date serial in a date column shows as the date it will be imported as
  const dates = new Set(dateColumnsOf(headers, isPeopleKind(kind) ? mapping : undefined));
  for (let i = found.headerLine; i < grid.rows.length; i++) {
    const r = grid.rows[i];
    if (!r.some((v) => v !== null && cellText(v).trim() !== '')) continue;
    dataRows++;
    if (sample.length < rows) {
      const t = r.map((v, c) => (typeof v === 'string' && dates.has(c) ? (serialToIso(v) ?? v) : cellText(v)));
      while (t.length < found.width) t.push('');
      sample.push(t);
    }
  }
  const info: TableInfo = { ...base, delimiter: ',', newline: '\r\n', headerLine: found.headerLine, headers, sheet: grid.name };
  const people = isPeopleKind(kind);
  return {
    name: grid.name, dataRows, format: base.format, kind, judgement, info, preset, mapping, sample,
    records: people ? sample.map((f) => applyMapping(headers, mapping, f).record) : [],
    looksLikeData: dataRows > 0 && (people ? mapping.some((f) => f !== null && NAMING.has(f)) : judgement.sure),
  };
}

/** The sheets with rows; which one is shown first (the first that looks like data). */
export async function previewGridFile(bytes: Uint8Array, format: GridFormat, rows = 8): Promise<TablePreview> {
  const { grids, base } = await gridsOf(bytes, format);
  const sheets = readableSheets(grids, base, rows).map((x) => x.p);
  const at = Math.max(0, sheets.findIndex((s) => s.looksLikeData));
  return { ...sheets[at], sheets, sheet: at };
}

/** A file's preview: the first 64 KB for text files; the whole file for a workbook or an HTML "xls". */
export async function previewFile(fileName: string, bytes: Uint8Array, rows = 8): Promise<FilePreview> {
  const refused = unreadableFormat(bytes.subarray(0, 4096));
  if (refused) throw new ImportError(refused);
  const format = formatOf(fileName, bytes.subarray(0, 4096));
  if (isGridFormat(format)) return previewGridFile(bytes, format, rows);
  return previewBytes(fileName, bytes.subarray(0, 64 * 1024), rows);
}

/** Reads one sheet (table) of a workbook or an HTML "xls" as a CSV would be read. */
export async function readGridFile(bytes: Uint8Array, opts: ReadOptions): Promise<CsvRead> {
  const format = opts.format as GridFormat;
  const { grids, base } = await gridsOf(bytes, format);
  let grid: Grid | undefined;
  if (opts.sheet !== undefined) {
    grid = grids.find((g) => g.name === opts.sheet);
    if (!grid) throw new ImportError(why('noSuchSheet', { sheet: opts.sheet ?? '', sheets: grids.map((g) => `“${g.name}”`).join(', ') }));
  } else {
    const previews = readableSheets(grids, base, 0);
    grid = (previews.find((x) => x.p.looksLikeData) ?? previews[0]).g;
  }
  let sink: ContactSink | RawKeeper | undefined;
  const info = readGrid(grid, base, { headerLine: opts.headerLine }, (info) => {
    const kind = opts.kind ?? (opts.preset || opts.mapping ? 'contacts' : judgeKind(info.headers).kind);
    if (kind === 'purchases' || kind === 'notes') {
      sink = new RawKeeper(kind === 'purchases' ? new PurchaseSink(info.headers) : new NoteSink(info.headers));
      return { sink, dateColumns: dateColumnsOf(info.headers) };
    }
    const contacts = new ContactSink(info.headers, { ...opts, entity: kind });
    sink = contacts;
    return { sink, dateColumns: dateColumnsOf(info.headers, contacts.mapping) };
  });
  const s = sink!;
  if (s instanceof ContactSink) return s.report(info);
  const report = s.sink.report(info) as ActivityRead;
  return { ...report, recordRaws: s.raws };
}
