// Bitrix24's "Export to Excel" (and many PHP CRMs') is not a workbook but an HTML
// table saved as .xls: `<meta http-equiv="Content-type" content="text/html;charset=…">`
// then `<table border="1"><thead><tr><th>…` and one `<tr>` per record. Told apart from
// a workbook by its bytes, never by the name. Each table becomes a grid (grid.ts) for
// the same detection, mapping, rejects and accounting as a CSV; a row's line is its
// row number in the table (the header row = 1).
//
// Parsed with htmlparser2 (a forgiving, streaming SAX-style HTML parser, pure JS, the
// parser under cheerio; no DOM and no tree are built, so it runs in the import Web
// Worker and in Node alike, and memory follows the cells kept, not the markup). parse5
// is the stricter spec parser but builds a whole tree first.
//
// Hostile input: text inside <script>, <style>, <template>, <head> is not data; a table
// inside a cell adds its text to that cell (only tables at the top level are offered);
// a cell keeps at most MAX_CELL_CHARS + 1 characters (the row is then rejected, grid.ts);
// colspan adds empty cells, up to MAX_COLUMNS; nothing recurses, so deep nesting is just
// a longer stack of open tags inside the parser.
import { Parser } from 'htmlparser2';
import { type Encoding, declaredEncoding } from './decode';
import { ImportError, MAX_CELL_CHARS, MAX_COLUMNS } from './table';
import { why } from './why';

export interface HtmlTable {
  /** "Table 1", … (a <caption> when it has one) */
  name: string;
  /** row i is the table's row i + 1 */
  rows: string[][];
}

/** At most this many tables are offered (a page of layout tables is not a contact list). */
const MAX_TABLES = 50;
const SKIP = new Set(['script', 'style', 'template', 'head', 'title', 'noscript', 'iframe', 'object', 'svg', 'math']);

/** Whether the first bytes look like an HTML page or fragment (Bitrix24's "xls" starts with <meta>). */
export function looksLikeHtml(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  const start = new TextDecoder('latin1').decode(head.subarray(i, i + 256)).toLowerCase();
  // (a script's log of rows with no <table> around them: "<tr> <td>…</td> </tr>")
  return /^(<!doctype html|<html|<table|<meta|<head|<body|<style|<!--|<tr[\s>]|<tbody|<thead)/.test(start) || /^<\?xml[^>]*>\s*<html/.test(start);
}

/** Excel 2003's XML Spreadsheet (`<?mso-application progid="Excel.Sheet"?>`), which is not an HTML table. */
export function looksLikeSpreadsheetXml(head: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  return /^\uFEFF?\s*<\?xml/.test(start) && /progid="Excel\.Sheet"|urn:schemas-microsoft-com:office:spreadsheet/i.test(start);
}


/** The page's encoding: a BOM, else its <meta> charset, else the bytes' look (decode.ts). */
export function htmlEncoding(bytes: Uint8Array): { encoding: Encoding; bom: boolean } {
  return declaredEncoding(bytes, /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i);
}

/** Every top-level table with at least one row. Throws ImportError when there is none. */
export function readHtmlTables(text: string): HtmlTable[] {
  const tables: HtmlTable[] = [];
  let depth = 0; // <table> nesting
  let skip = 0; // inside <script> and the like
  let rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string | null = null;
  let caption = null as string | null;
  let inCaption = false;
  let span = 1;
  /** the rows being read have no <table> around them */
  let implicit = false;

  const endCell = () => {
    if (cell === null || !row) return;
    // whitespace as a browser shows it; a <br> is a line break inside the cell
    const v = cell.split('\u2028').map((part) => part.replace(/\s+/g, ' ').trim()).join('\n').trim();
    row.push(v);
    for (let i = 1; i < span && row.length < MAX_COLUMNS + 1; i++) row.push('');
    cell = null;
    span = 1;
  };
  const endRow = () => {
    endCell();
    if (row) rows.push(row);
    row = null;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) {
          skip++;
          return;
        }
        if (skip) return;
        if (name === 'table') {
          // a real table after bare rows: those rows were a table of their own
          if (implicit && depth === 1) {
            endRow();
            if (rows.length && tables.length < MAX_TABLES) tables.push({ name: `Table ${tables.length + 1}`, rows });
            depth = 0;
          }
          implicit = false;
          depth++;
          if (depth === 1) {
            rows = [];
            caption = null;
          } else if (cell !== null) cell += ' ';
          return;
        }
        // rows with no table around them (a script's log written as bare <tr>s): a table of their own
        if (depth === 0 && name === 'tr') {
          implicit = true;
          depth = 1;
          rows = [];
          caption = null;
        }
        if (depth !== 1) {
          if (cell !== null && (name === 'br' || name === 'tr' || name === 'p' || name === 'div' || name === 'li')) cell += name === 'br' ? '\u2028' : ' ';
          else if (cell !== null && (name === 'td' || name === 'th')) cell += ' ';
          return;
        }
        if (name === 'caption') inCaption = true;
        else if (name === 'tr') {
          endRow();
          row = [];
        } else if (name === 'td' || name === 'th') {
          if (!row) row = [];
          endCell();
          cell = '';
          const n = Number.parseInt(attrs.colspan ?? '1', 10);
          span = Number.isFinite(n) && n > 1 ? Math.min(n, MAX_COLUMNS) : 1;
        } else if (cell !== null && (name === 'br' || name === 'p' || name === 'div' || name === 'li')) {
          cell += name === 'br' ? '\u2028' : ' ';
        }
      },
      ontext(t) {
        if (skip || depth === 0) return;
        if (inCaption && depth === 1) {
          caption = ((caption ?? '') + t).slice(0, 200);
          return;
        }
        if (cell !== null && cell.length <= MAX_CELL_CHARS) cell += t.length > MAX_CELL_CHARS + 1 ? t.slice(0, MAX_CELL_CHARS + 1) : t;
      },
      onclosetag(name) {
        if (SKIP.has(name)) {
          if (skip) skip--;
          return;
        }
        if (skip) return;
        if (name === 'table') {
          if (depth === 1) {
            endRow();
            if (rows.length) {
              if (tables.length < MAX_TABLES) tables.push({ name: caption?.trim() || `Table ${tables.length + 1}`, rows });
            }
            rows = [];
          }
          if (depth > 0) depth--;
          return;
        }
        if (depth !== 1) return;
        if (name === 'caption') inCaption = false;
        else if (name === 'td' || name === 'th') endCell();
        else if (name === 'tr') endRow();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: false },
  );
  parser.write(text);
  parser.end();
  // an unclosed table at the end of the file still counts
  if (depth >= 1) {
    endRow();
    if (rows.length && tables.length < MAX_TABLES) tables.push({ name: caption?.trim() || `Table ${tables.length + 1}`, rows });
  }
  if (!tables.length) {
    const telegram = readTelegramContacts(text);
    if (telegram) return [telegram];
    throw new ImportError(why(FACEBOOK_DYI.test(text.slice(0, 20_000)) ? 'facebookHtml' : 'htmlNoTable'));
  }
  return tables;
}

/** A page of Facebook's "Download your information" in HTML (2018–2024: its body's classes, its entries' blocks). */
const FACEBOOK_DYI = /<body class="[^"]*\b_5vb_ _2yq\b|class="[^"]*\b_a6-g\b/;

/**
 * Telegram Desktop's export of your contacts (lists/contacts.html): no table, a
 * `div.entry` per contact with its name, phone number and the day it was added — read
 * as a table of those three columns. Null when the file has no such entries.
 */
function readTelegramContacts(text: string): HtmlTable | null {
  const rows: string[][] = [['Name', 'Phone', 'Added']];
  let depth = 0; // open <div>s
  let entry = -1; // the depth its entry opened at
  let field: number | null = null; // 0 name, 1 phone, 2 added
  let fieldDepth = -1;
  let row: string[] = [];
  let skip = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP.has(name)) skip++;
        if (name !== 'div') return;
        depth++;
        const cls = ` ${attrs.class ?? ''} `;
        if (entry < 0 && cls.includes(' entry ')) {
          entry = depth;
          row = ['', '', ''];
        } else if (entry >= 0 && field === null) {
          const f = cls.includes(' name ') ? 0 : cls.includes(' details_entry ') ? 1 : cls.includes(' info ') && cls.includes(' details ') ? 2 : null;
          if (f !== null) [field, fieldDepth] = [f, depth];
        }
      },
      ontext(t) {
        if (skip || field === null || row[field].length > MAX_CELL_CHARS) return;
        row[field] += t;
      },
      onclosetag(name) {
        if (SKIP.has(name) && skip) skip--;
        if (name !== 'div') return;
        if (field !== null && depth === fieldDepth) field = null;
        if (depth === entry) {
          const cells = row.map((v) => v.replace(/\s+/g, ' ').trim());
          if (cells[0] || cells[1]) rows.push(cells);
          entry = -1;
        }
        if (depth > 0) depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: false },
  );
  parser.write(text);
  parser.end();
  return rows.length > 1 ? { name: 'Telegram contacts', rows } : null;
}
