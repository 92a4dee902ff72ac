// A dropped file → its preview (detection and the first rows, for the mapping
// screen) and, streaming, its full report. Runs in the import Web Worker, in
// tests and in the bench; takes bytes and chunks, never a File or the DOM.
// Activity rows (notes, purchases) keep their raw text, so a row whose contact is
// not found when the import is applied can still go into the rejects file.
import Papa from 'papaparse';
import { type NoteRecord, NoteSink, type PurchaseRecord, PurchaseSink } from './activity';
import type { ContactImportOptions } from './contacts';
import { ContactSink } from './contacts';
import type { CsvImportReport } from './csv-kind';
import type { ColumnMapping, ContactRecord } from './fields';
import { type JsonImportReport, importJson } from './json';
import { type VcardReport, readVcards } from './vcard';
import { decodeBytes } from './decode';
import { type FileKind, type KindJudgement, isPeopleKind, judgeKind } from './kind';
import { applyMapping, detectPreset, proposeMapping } from './mapping';
import type { PresetId } from './presets';
import { rejectsText } from './export';
import { ImportError, concat, type Rejected, type RowSink, type TableInfo, type TableRow, TableReader } from './table';

export type ImportFormat = 'csv' | 'json' | 'vcard';

/** By the file's name, or by its first characters when the name says nothing. */
export function formatOf(fileName: string, head: Uint8Array): ImportFormat {
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
export function unreadableFormat(head: Uint8Array): string | undefined {
  const b = head;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return 'this is an Excel workbook (.xlsx) or another zip file; Tiewise reads CSV, JSON and vCard files: open it in Excel or LibreOffice, save the sheet as “CSV UTF-8” and import that';
  }
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return 'this is an old Excel (.xls) workbook, or a password-protected one; Tiewise reads CSV, JSON and vCard files: open it in Excel or LibreOffice, save the sheet as “CSV UTF-8” and import that';
  }
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'this is a PDF, not a table of contacts: export a CSV from the program that made it';
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  const start = new TextDecoder('latin1').decode(b.subarray(i, i + 64)).toLowerCase();
  if (/^(<!doctype html|<html|<table|<\?xml[^>]*>\s*<html|<meta)/.test(start)) {
    return 'this is an HTML page (Bitrix24’s “Excel” export is an HTML table saved as .xls); Tiewise reads CSV, JSON and vCard files: open it in Excel or LibreOffice, save it as “CSV UTF-8” and import that';
  }
  return undefined;
}

export type FilePreview =
  | {
      format: 'csv';
      kind: FileKind;
      /** why that kind, and whether the header made it clear (else the screen asks) */
      judgement: KindJudgement;
      info: TableInfo;
      preset: PresetId;
      mapping: ColumnMapping;
      /** the first data rows' cells */
      sample: string[][];
      /** the same rows through the mapping (contacts only) */
      records: ContactRecord[];
    }
  | { format: 'json' }
  | { format: 'vcard' };

/** Detection on the file's first bytes (64 KB is plenty); `rows` data rows kept for the screen. */
export function previewBytes(fileName: string, head: Uint8Array, rows = 8): FilePreview {
  const refused = unreadableFormat(head);
  if (refused) throw new ImportError(refused);
  const format = formatOf(fileName, head);
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
      const refused = unreadableFormat(chunk);
      if (refused) throw new ImportError(refused);
    }
    if (this.table) this.table.push(chunk);
    else this.json.push(chunk);
  }

  /** Throws ImportError when the file cannot be read at all. */
  end(): FileRead {
    if (!this.table) {
      if (this.opts.format === 'vcard') return readVcards(decodeBytes(concat(this.json)).text);
      const text = new TextDecoder('utf-8').decode(concat(this.json));
      return importJson(text);
    }
    const info = this.table.end();
    const s = this.sink!;
    if (s instanceof ContactSink) return s.report(info);
    const report = s.sink.report(info) as ActivityRead;
    return { ...report, recordRaws: s.raws };
  }
}

type ActivityRead = Extract<CsvImportReport, { kind: 'notes' | 'purchases' }>;
export type { NoteRecord, PurchaseRecord };

/** Reads a whole stream of chunks; `onProgress` gets the bytes read so far. */
export async function readChunks(chunks: AsyncIterable<Uint8Array>, opts: ReadOptions, onProgress?: (bytes: number) => void, cancelled?: () => boolean): Promise<FileRead> {
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
