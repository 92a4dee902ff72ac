// A CSV file as a table: bytes or text in chunks → encoding, delimiter and header
// row detected on the first 64 KB → data rows with physical line numbers, or
// rejected rows with their raw text and a reason. Rows before the header (LinkedIn's
// notes) are not data. Blank rows (nothing but delimiters and spaces) are skipped
// and not counted. Memory: the sample, plus one record's text while a quoted cell
// is open; the rows go to the sink as they are read.
import { CP1252_C1, type Encoding, type EncodingGuess, SNIFF_BYTES, type StreamingDecoder, createTextDecoder } from './decode';
import { EMAIL_SHAPE } from './fields';
import { type CsvRecord, CsvRecordReader, type Delimiter, type Newline, fitsWidth, readRecords } from './records';
import { detectHeader, detectLayout, headerIsData, shortRows, wideRows } from './sniff';
import { type Why, why, type WhyCode, type WhyParams } from './why';

export interface TableInfo extends EncodingGuess {
  delimiter: Delimiter;
  newline: Newline;
  /** 1-based physical line of the header row */
  headerLine: number;
  headers: string[];
  /** what the reader changed or doubted, said (NULs removed, a row re-read in another encoding) */
  warnings?: TableWarning[];
  /** a workbook, an HTML "xls" or an XML address book (grid.ts); absent for a CSV */
  format?: 'xlsx' | 'xls-html' | 'xml';
  /** the sheet (or HTML table) read */
  sheet?: string;
}

export interface TableWarning {
  /** the physical line, when it is about one row */
  line?: number;
  message: string;
}

/** Limits that keep a hostile file bounded in time and memory. */
export const MAX_COLUMNS = 10_000;
export const MAX_CELL_CHARS = 100_000;

export interface TableRow {
  line: number;
  fields: string[];
  raw: string;
}

export interface Rejected {
  /** 1-based physical line the row starts on */
  line: number;
  /** why, in English (the command line, the rejects file) */
  reason: string;
  /** why, for a page to say in its language (why.ts) */
  code?: WhyCode;
  params?: WhyParams;
  /** the row as it is in the file */
  raw: string;
}

export interface RowSink {
  row(r: TableRow): void;
  reject(r: Rejected): void;
}

export interface TableOptions {
  /** skip detection */
  encoding?: Encoding;
  delimiter?: Delimiter;
  /** 1-based physical line of the header row */
  headerLine?: number;
}

/** Why a file cannot be imported at all (as opposed to rows that are rejected). */
/** A whole file Tiewise cannot read, and why (the English as its message; the code for a page to say it). */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly why: Why) {
    super(why.reason);
  }
}

const SNIFF_CHARS = 64 * 1024;

export class TableReader {
  private decoder: StreamingDecoder | undefined;
  /** how many unnamed columns the rows have after the header's (sniff.ts wideRows) */
  private unnamed = 0;
  /** the rows' width when they leave the header's last columns out (sniff.ts shortRows) */
  private rowWidth: number | undefined;
  private pendingBytes: Uint8Array[] = [];
  private pendingByteCount = 0;
  private sample = '';
  private textGuess: EncodingGuess | undefined;
  private reader: CsvRecordReader | undefined;
  private info: Omit<TableInfo, 'headers'> | undefined;
  private headers: string[] | undefined;
  private headerRow: string[] = [];
  /** the next table's title row, once a backup that holds several tables reaches it */
  private otherTable: { table: string; line: number } | undefined;
  private sink: RowSink | undefined;
  private readonly warnings: TableWarning[] = [];
  private cleaned = 0;
  /** lines above the header that hold an e-mail address */
  private readonly aboveHeader: number[] = [];

  constructor(
    private readonly opts: TableOptions,
    /** called once the header row is read; returns where the rows go */
    private readonly onHeader: (info: TableInfo) => RowSink,
  ) {}

  push(chunk: Uint8Array | string): void {
    if (typeof chunk === 'string') {
      if (!this.textGuess && !this.decoder) {
        const bom = chunk.charCodeAt(0) === 0xfeff;
        this.textGuess = { encoding: this.opts.encoding ?? 'utf-8', bom };
        if (bom) chunk = chunk.slice(1);
      }
      this.text(chunk, false);
      return;
    }
    if (this.decoder) {
      this.text(this.decoder.write(chunk), false);
      return;
    }
    // gather enough bytes to judge the encoding by
    this.pendingBytes.push(chunk);
    this.pendingByteCount += chunk.length;
    if (this.pendingByteCount >= SNIFF_BYTES) this.flushBytes();
  }

  /** A short row held until the next row says whether it is whole (record()). */
  private held: (TableRow & { n: number }) | undefined;
  /** where rows go, unwrapped */
  private inner: RowSink | undefined;

  /** The sink, the held row settled before anything else reaches it: whole before a whole row, broken before any other. */
  private settling(sink: RowSink): RowSink {
    this.inner = sink;
    return {
      row: (x) => {
        this.settle(true, sink);
        sink.row(x);
      },
      reject: (x) => {
        this.settle(false, sink);
        sink.reject(x);
      },
    };
  }

  private settle(whole: boolean, sink: RowSink): void {
    const h = this.held;
    if (!h) return;
    this.held = undefined;
    if (whole) sink.row({ line: h.line, fields: h.fields, raw: h.raw });
    else sink.reject({ line: h.line, ...why('width', { fields: h.n, columns: h.fields.length }), raw: h.raw });
  }

  /** Reads what is left; throws ImportError when the file has no header row at all. */
  end(): TableInfo {
    if (!this.decoder && this.pendingByteCount) this.flushBytes();
    if (this.decoder) this.text(this.decoder.end(), false);
    this.text('', true);
    this.reader?.end();
    // (the last row, short: no row after it was cut from it)
    if (this.inner) this.settle(true, this.inner);
    if (!this.info || !this.headers) throw new ImportError(why('noHeader'));
    const warnings = [...this.warnings];
    if (this.aboveHeader.length) {
      const [a, b] = [this.aboveHeader[0], this.aboveHeader[this.aboveHeader.length - 1]];
      warnings.unshift({ line: a, message: `${this.aboveHeader.length} ${this.aboveHeader.length === 1 ? 'row' : 'rows'} with an e-mail address above the header (line${a === b ? ` ${a}` : `s ${a}–${b}`}) not read: another table of the report? Import it from a file of its own` });
    }
    if (this.cleaned) warnings.unshift({ message: `${this.cleaned} NUL or byte-order-mark ${this.cleaned === 1 ? 'character' : 'characters'} removed from inside the text` });
    // (the decoder may have read past an ASCII sample into another encoding: decode.ts)
    const encoding = this.decoder?.guess?.encoding ?? this.info.encoding;
    return { ...this.info, encoding, headers: this.headers, ...(warnings.length ? { warnings } : {}) };
  }

  private flushBytes(): void {
    const all = concat(this.pendingBytes, this.pendingByteCount);
    this.pendingBytes = [];
    this.pendingByteCount = 0;
    this.decoder = createTextDecoder(this.opts.encoding);
    this.text(this.decoder.write(all), false);
  }

  private text(t: string, final: boolean): void {
    // NULs and byte-order marks inside the text (a file glued from several, a broken
    // export) are no one's data; the first BOM is gone already
    if (/[\u0000\uFEFF]/.test(t)) {
      const before = t.length;
      t = t.replace(/[\u0000\uFEFF]/g, '');
      this.cleaned += before - t.length;
    }
    if (this.reader) {
      if (t) this.reader.push(t);
      return;
    }
    this.sample += t;
    if (!final && this.sample.length < SNIFF_CHARS) return;
    const guess = this.decoder?.guess ?? this.textGuess ?? { encoding: 'utf-8', bom: false };
    // judge by the first 64 KB only, however big the first chunk was
    const whole = final && this.sample.length <= SNIFF_CHARS;
    const head = whole ? this.sample : this.sample.slice(0, SNIFF_CHARS);
    const { newline, delimiter } = detectLayout(head, this.opts.delimiter, whole);
    let headerLine = this.opts.headerLine;
    if (headerLine === undefined) {
      const records = readRecords(head, { delimiter, newline }, whole);
      const header = detectHeader(records);
      if (!header) {
        if (final) return; // nothing but blank lines: end() reports it
        headerLine = 1;
      } else {
        if (headerIsData(header)) throw new ImportError(why('headerIsData', { line: header.line }));
        headerLine = header.line;
        this.rowWidth = shortRows(records, header);
        this.unnamed = (wideRows(records, header) ?? header.fields!.length) - header.fields!.length;
      }
    }
    this.info = { ...guess, delimiter, newline, headerLine };
    this.reader = new CsvRecordReader({ delimiter, newline }, (r) => this.record(r));
    const s = this.sample;
    this.sample = '';
    this.reader.push(s);
  }

  private record(r: CsvRecord): void {
    const info = this.info!;
    if (r.line < info.headerLine) {
      // (a report's tables above the one read — Zoom's host and panelists above its attendees — are said, not lost unsaid)
      if (r.fields?.some((f) => f.includes('@') && EMAIL_SHAPE.test(f.trim()))) this.aboveHeader.push(r.line);
      return;
    }
    if (!this.headers) {
      if (!r.fields) throw new ImportError(why('headerUnreadable', { line: r.line, detail: r.problem?.reason ?? '' }));
      if (r.fields.length > MAX_COLUMNS) throw new ImportError(why('headerTooWide', { line: r.line, columns: r.fields.length, max: MAX_COLUMNS }));
      // (the rows' unnamed columns after the named ones: empty names, kept as "column N")
      this.headers = this.unnamed > 0 ? [...r.fields, ...new Array<string>(this.unnamed).fill('')] : r.fields;
      this.headerRow = headerCells(r.fields);
      this.reader!.expectFields = this.rowWidth ?? this.headers.length;
      if (this.rowWidth !== undefined) this.reader!.expectMax = r.fields.length;
      this.sink = this.settling(this.onHeader({ ...info, headerLine: r.line, headers: this.headers }));
      this.info = { ...info, headerLine: r.line };
      return;
    }
    const sink = this.sink!;
    if (!r.fields) {
      sink.reject({ line: r.line, ...(r.problem ?? why('unreadable')), raw: r.raw });
      return;
    }
    if (r.fields.every((f) => f.trim() === '')) return;
    const want = this.headers.length;
    let fields = r.fields;
    const long = fields.find((f) => f.length > MAX_CELL_CHARS);
    if (long !== undefined) {
      sink.reject({ line: r.line, ...why('cellTooLong', { chars: long.length, max: MAX_CELL_CHARS }), raw: r.raw.slice(0, MAX_CELL_CHARS) + '…' });
      return;
    }
    // two files glued together, or an export in pages: the header again is not a row
    if (headerAgain(fields, this.headerRow)) {
      sink.reject({ line: r.line, ...why('headerAgain'), raw: r.raw });
      return;
    }
    // a backup that holds several tables one after another, each under a title row (ArchFlow CRM's
    // "### Task ###" after its clients): from the next table's title on, no row is the first table's
    // (a row as wide as its header would be read as a contact: a task as a person)
    const title = this.otherTable ? undefined : tableTitle(fields);
    if (title !== undefined) this.otherTable = { table: title, line: r.line };
    if (this.otherTable) {
      sink.reject({ line: r.line, ...why('otherTable', this.otherTable), raw: r.raw });
      return;
    }
    // a row in another encoding than the file's (a U+FFFD the file itself holds is its text: letters lost
    // before the export; in a file with both, from the chunk that held the first bad byte on, a row with
    // U+FFFD is refused)
    if (this.decoder?.malformed && info.encoding === 'utf-8' && r.raw.includes('\uFFFD')) {
      sink.reject({ line: r.line, ...why('notUtf8'), raw: r.raw });
      return;
    }
    if (info.encoding === 'windows-1251') {
      const again = fields.map((v) => utf8Misread(v));
      if (again.some((v, i) => v !== fields[i])) {
        fields = again;
        this.warnings.push({ line: r.line, message: 'this row was UTF-8 inside a Windows-1251 file: re-read as UTF-8' });
      }
    }
    // a UTF-8 file once read as Windows-1252 and saved again ("Ã‚ngelo"): each such cell's text as it was
    else if (info.encoding === 'utf-8' && /[\u00c2-\u00ef]/.test(r.raw)) {
      const again = fields.map((v) => utf8Misread(v, 'windows-1252'));
      if (again.some((v, i) => v !== fields[i])) {
        fields = again;
        this.warnings.push({ line: r.line, message: 'this row was UTF-8 read as Windows-1252 and saved again: re-read as UTF-8' });
      }
    }
    // a row quoted whole, its own quotes doubled (a LinkedIn export re-saved by a tool that took each line for one
    // cell: "Ana,Souza,,Acme Ltda,""Diretora, Consultora"",22 Mar 2020"): the row it holds, when that has the header's width
    if (fields.length === 1 && want > 1 && fields[0].includes(info.delimiter)) {
      const inner = readRecords(fields[0], { delimiter: info.delimiter, newline: info.newline })[0]?.fields;
      if (inner && fitsWidth(inner, want)) fields = inner.slice(0, want);
    }
    // a trailing delimiter (Outlook) is an empty field after the last column, not data
    if (fields.length > want && fitsWidth(fields, want)) fields = fields.slice(0, want);
    // a header ending in a delimiter has an unnamed empty column the rows may leave out; rows that
    // leave the header's last columns out (shortRows: Outlook stops after a row's last filled
    // cell, so a row with its web page is wider than one without) have them empty
    else if (fields.length < want && ((this.rowWidth !== undefined && fields.length >= this.rowWidth) || this.headers.slice(fields.length).every((h) => h.trim() === ''))) fields = [...fields, ...new Array<string>(want - fields.length).fill('')];
    if (fields.length !== want) {
      const n = r.fields.length;
      // a row short of its last cells or two (a hand-kept list that left a trailing empty cell out) is whole when
      // the row after it is whole or short too, but no other half of it: a line an unquoted line break cut in
      // two leaves two short rows whose fields, the cut one counted once, make the header's width
      if (n < want && n >= 2 && n >= want - 2 && (!this.held || this.held.n + n - 1 !== want)) {
        this.settle(true, this.inner!);
        this.held = { line: r.line, fields: [...fields, ...new Array<string>(want - n).fill('')], raw: r.raw, n };
        return;
      }
      sink.reject({ line: r.line, ...(n === 1 ? why('width1', { columns: want }) : want === 1 ? why('widthCol1', { fields: n }) : why('width', { fields: n, columns: want })), raw: r.raw });
      return;
    }
    sink.row({ line: r.line, fields, raw: r.raw });
  }
}

/** A table's title row in a file of several ("### Task ###", "=== Deals ==="): its one cell's title. */
function tableTitle(fields: readonly string[]): string | undefined {
  // (asked of every row: no copy of it, and done at its second filled cell)
  let one: string | undefined;
  for (const f of fields) {
    if (f.trim() === '') continue;
    if (one !== undefined) return undefined;
    one = f;
  }
  return one === undefined ? undefined : /^(?:#{2,}|={2,})\s*([^#=\s][^#=]*?)\s*(?:#{2,}|={2,})$/.exec(one.trim())?.[1];
}

/** A header row's cells as rows are compared to it (headerAgain): trimmed, without the empty ones at its end. */
export function headerCells(fields: readonly string[]): string[] {
  let n = fields.length;
  while (n > 0 && fields[n - 1].trim() === '') n--;
  return fields.slice(0, n).map((f) => f.trim());
}

/**
 * Whether a row is its file's header again (two files glued together, an export in pages):
 * the same cells, each trimmed, empty ones at the end aside. A row differs at its first
 * cell most often, and is then told apart without a copy of it.
 */
export function headerAgain(fields: readonly string[], header: readonly string[]): boolean {
  let n = fields.length;
  while (n > 0 && fields[n - 1].trim() === '') n--;
  if (n !== header.length) return false;
  for (let i = 0; i < n; i++) if (fields[i].trim() !== header[i]) return false;
  return true;
}

const legacy = new Map<string, Map<string, number>>();
/** What a legacy encoding's reading of UTF-8 bytes looks like: a lead byte's letter before a continuation byte's. */
const MISREAD = {
  'windows-1251': /[РСТ][\u0080-\u00bf\u0400-\u045f\u0490\u0491\u2013-\u203a\u2116\u2122\u20ac]/,
  'windows-1252': /[\u00c2-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/,
};
/**
 * A legacy encoding's reading of UTF-8 bytes → the UTF-8 text; anything else unchanged. Windows-1251's
 * ("Р˜РІР°РЅ" for "Иван": a UTF-8 row inside a Windows-1251 file) and Windows-1252's ("Ã‚ngelo" for "Ângelo",
 * "Ø£Ù†Ø§" for "أنا": a UTF-8 file read as Windows-1252 and saved again as UTF-8). Both decode every byte, so
 * the bytes are got back exactly; real text in them is almost never valid UTF-8.
 */
export function utf8Misread(v: string, as: keyof typeof MISREAD = 'windows-1251'): string {
  if (!MISREAD[as].test(v)) return v;
  let map = legacy.get(as);
  if (!map) {
    map = new Map();
    const dec = new TextDecoder(as);
    for (let b = 0; b < 256; b++) map.set(dec.decode(new Uint8Array([b])), b);
    // (Windows-1252's 0x80–0x9F by the standard's table: some TextDecoders read them as Latin-1's controls)
    if (as === 'windows-1252') [...CP1252_C1].forEach((c, i) => map!.set(c, 0x80 + i));
    legacy.set(as, map);
  }
  const bytes = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const b = map.get(v[i]);
    if (b === undefined) return v;
    bytes[i] = b;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return v;
  }
}

/** The byte chunks as one array (the one chunk itself when there is only one). */
export function concat(parts: Uint8Array[], size = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
