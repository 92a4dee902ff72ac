// CSV text → records with their PHYSICAL line numbers, streaming, recovering from
// broken rows. Papaparse splits the fields (never by hand); this file only decides
// where a record starts, counts the lines it consumed, and restarts papaparse after
// a row whose quote never closes, so that row does not swallow the rest of the file.
//
// Line breaks counted as an editor counts them: \r\n, \n and \r each end a line,
// also inside a quoted cell (Excel writes \n inside cells and \r\n between rows).
import Papa from 'papaparse';
import { why, type Why } from './why';

export type Delimiter = ',' | ';' | '\t';
export type Newline = '\r\n' | '\n' | '\r';

export interface CsvRecord {
  /** 1-based physical line the record starts on */
  line: number;
  /** how many physical lines it spans (more than one when a quoted cell does) */
  lines: number;
  /** the record's text as in the file, without its final line break */
  raw: string;
  /** the cells; null when the record could not be parsed (see problem) */
  fields: string[] | null;
  /** why fields is null, in words a person understands */
  problem?: Why;
}

export interface RecordReaderOptions {
  delimiter: Delimiter;
  newline?: Newline;
  /**
   * A quoted cell still open after this many lines is taken for an unclosed quote:
   * its first line is rejected and reading resumes on the next line. Bounds the
   * memory held while waiting for a closing quote.
   */
  maxRecordLines?: number;
  /**
   * A line longer than this (characters) is rejected unread and skipped to its end,
   * so one endless line cannot take the memory or the time.
   */
  maxLineChars?: number;
}

/** The default longest line: far beyond any real row (a 92-column Outlook row is ~1 KB). */
export const MAX_LINE_CHARS = 4_000_000;

export const UNCLOSED_QUOTE = why('unclosedQuote');

/** Streaming reader: push() text as it arrives, end() once; onRecord gets every non-blank record in order. */
export class CsvRecordReader {
  private buf = '';
  private line = 1;
  private readonly maxLines: number;
  private readonly maxChars: number;
  /** inside an over-long line: text is dropped until its line break */
  private skipping = false;
  /**
   * The header's width, once known. A record spanning several lines with another
   * width is taken for a quote that closed in the wrong place (on a later row):
   * its first line is rejected and reading resumes on the next.
   */
  expectFields: number | undefined;
  /**
   * The header's width when the rows leave its last columns out (expectFields is then the
   * rows' usual width): a record of any width from expectFields up to it is a whole row.
   */
  expectMax: number | undefined;

  constructor(
    private readonly opts: RecordReaderOptions,
    private readonly onRecord: (r: CsvRecord) => void,
  ) {
    this.maxLines = opts.maxRecordLines ?? 500;
    this.maxChars = opts.maxLineChars ?? MAX_LINE_CHARS;
  }

  push(text: string): void {
    if (this.skipping) {
      const at = text.search(/[\r\n]/);
      if (at < 0) return;
      this.skipping = false;
      // the skipped line's own break stays: it ends that line in the count
      text = text.slice(at);
    }
    this.buf += text;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buf = '';
  }

  private drain(final: boolean): void {
    for (;;) {
      let limit = this.buf.length;
      if (!final) {
        // only whole lines; a trailing \r may be the first half of \r\n
        let i = this.buf.length - 1;
        if (this.buf[i] === '\r') i--;
        while (i >= 0 && this.buf[i] !== '\n' && this.buf[i] !== '\r') i--;
        limit = i + 1;
      }
      if (limit === 0) {
        if (!final && this.buf.length > this.maxChars) {
          this.onRecord({ line: this.line, lines: 1, raw: this.buf.slice(0, 1000) + '…', fields: null, problem: why('lineTooLong', { max: this.maxChars }) });
          this.buf = '';
          this.skipping = true;
        }
        return;
      }
      const out = this.parse(this.buf.slice(0, limit), final && limit === this.buf.length);
      this.buf = this.buf.slice(out.consumed);
      this.line = out.line;
      if (!out.restart) return;
    }
  }

  /** Parses whole lines; stops early to restart after a broken row, or to wait for a closing quote. */
  private parse(text: string, atEnd: boolean): { consumed: number; line: number; restart: boolean } {
    let consumed = 0;
    let line = this.line;
    let restart = false;
    Papa.parse<string[]>(text, {
      delimiter: this.opts.delimiter,
      newline: this.opts.newline,
      skipEmptyLines: false,
      step: (res, parser) => {
        const start = consumed;
        const end = res.meta.cursor;
        const withBreak = text.slice(start, end);
        const raw = stripFinalBreak(withBreak);
        const inner = countBreaks(raw, this.opts.newline);
        const quoteTrouble = res.errors.some((e) => e.type === 'Quotes');
        const unterminated = res.errors.some((e) => e.code === 'MissingQuotes');
        const misclosed = inner > 0 && this.expectFields !== undefined && !fitsWidth(res.data, this.expectFields) &&
          !(this.expectMax !== undefined && res.data.length > this.expectFields && (res.data.length <= this.expectMax || fitsWidth(res.data, this.expectMax)));
        if ((quoteTrouble && (inner > 0 || unterminated)) || misclosed) {
          if (unterminated && !atEnd && inner < this.maxLines) {
            // the quoted cell may close in the next chunk: keep this record's text
            parser.abort();
            return;
          }
          const first = firstBreak(raw, this.opts.newline);
          if (first) {
            // a quote opened on this line swallowed the following ones: reject this line only
            this.onRecord({ line, lines: 1, raw: raw.slice(0, first.at), fields: null, problem: UNCLOSED_QUOTE });
            consumed = start + first.at + first.length;
            line += 1;
            restart = consumed < text.length || !atEnd;
            parser.abort();
            return;
          }
          this.onRecord({ line, lines: 1, raw, fields: null, problem: UNCLOSED_QUOTE });
        } else if (raw !== '') {
          this.onRecord({ line, lines: inner + 1, raw, fields: res.data });
        }
        consumed = end;
        line += inner + (withBreak.length > raw.length ? 1 : 0);
      },
    });
    return { consumed, line, restart: restart && consumed > 0 };
  }
}

/**
 * Whether a record has the header's width: exactly, or with only empty fields
 * beyond it (Outlook ends every row with a comma: a trailing empty field is not a
 * broken row).
 */
export function fitsWidth(fields: string[], width: number): boolean {
  if (fields.length === width) return true;
  if (fields.length < width) return false;
  for (let i = width; i < fields.length; i++) if (fields[i].trim() !== '') return false;
  return true;
}

/** Reads a whole text at once; returns the records (for samples and small files). */
export function readRecords(text: string, opts: RecordReaderOptions, final = true): CsvRecord[] {
  const out: CsvRecord[] = [];
  const r = new CsvRecordReader(opts, (rec) => out.push(rec));
  r.push(text);
  if (final) r.end();
  return out;
}

/**
 * The line breaks in a record's text, as an editor counts the file's lines: in a file whose lines end
 * in \n or \r\n a lone \r inside a quoted cell (a CRM that ends every row with a "\r" cell) is no line
 * of its own; in an old Mac file (lines ending in \r) it is.
 */
export function countBreaks(s: string, newline?: Newline): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && s.charCodeAt(i + 1) === 10) {
      n++;
      i++;
    } else if (c === 13 && loneCrBreaks(newline)) n++;
  }
  return n;
}

/** Whether a lone \r ends a line: in a file whose lines end in \r (or whose line ends are not known). */
const loneCrBreaks = (newline?: Newline) => newline === undefined || newline === '\r';

function firstBreak(s: string, newline?: Newline): { at: number; length: number } | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) return { at: i, length: 1 };
    if (c === 13 && s.charCodeAt(i + 1) === 10) return { at: i, length: 2 };
    if (c === 13 && loneCrBreaks(newline)) return { at: i, length: 1 };
  }
  return undefined;
}

function stripFinalBreak(s: string): string {
  if (s.endsWith('\r\n')) return s.slice(0, -2);
  if (s.endsWith('\n') || s.endsWith('\r')) return s.slice(0, -1);
  return s;
}
