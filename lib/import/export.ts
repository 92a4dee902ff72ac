// Contacts → CSV in a CRM's own columns (presets.ts), so the book goes back into the
// team's CRM; and the rejected rows → a CSV to fix and import again. This is the
// ONLY place formula-like cells are neutralised: a cell starting with = + - @ or a
// tab/CR gets a leading ' so a spreadsheet shows it instead of running it.
import Papa from 'papaparse';
import type { Contact } from '../domain/entities';
import { MULTI_FIELDS } from './fields';
import { type PresetId, presetById } from './presets';
import type { Rejected } from './table';

export interface ExportColumn {
  header: string;
  /** the record key the value comes from */
  field: string;
}

export interface CsvOptions {
  /** write this CRM's columns (and its delimiter, unless one is given) */
  preset?: PresetId;
  delimiter?: ',' | ';' | '\t';
  /** start with U+FEFF so Excel reads UTF-8 (Cyrillic) right; encode the string as UTF-8 */
  bom?: boolean;
  newline?: '\r\n' | '\n';
  /** false only for targets that are not spreadsheets */
  neutralise?: boolean;
  /**
   * Write the rows' custom fields back (default true): into the preset's column of
   * the same name when it has one (Outlook's "Title", "Department"), else as
   * columns of their own after the others, in the order first met.
   */
  custom?: boolean;
}

/**
 * What a spreadsheet may take for a formula: = + - @ (or their full-width forms
 * ＝ ＋ － ＠, which some spreadsheets fold), also behind spaces, zero-width
 * characters or a byte-order mark; or a tab / CR at the start.
 */
const FORMULA_START = /^[\s\u200b-\u200f\u2060\ufeff\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** "=1+1" → "'=1+1"; anything else unchanged. */
export function neutraliseCell(v: string): string {
  return FORMULA_START.test(v) ? "'" + v : v;
}

/** The columns a preset's export has (its import-only spellings left out); generic: the common fields. */
export function exportColumns(preset: PresetId): ExportColumn[] {
  const p = presetById(preset);
  if (!p) return GENERIC_COLUMNS;
  const seen = new Map<string, number>();
  const out: ExportColumn[] = [];
  for (const col of p.columns) {
    if (col.importOnly) continue;
    if (!col.field) {
      out.push({ header: col.header, field: '' });
      continue;
    }
    // a second column for the same field (E-mail 2 - Value, Mobile Phone) takes the second value
    const n = seen.get(col.field) ?? 0;
    seen.set(col.field, n + 1);
    out.push({ header: col.header, field: n ? `${col.field}#${n}` : col.field });
  }
  return out;
}

const GENERIC_COLUMNS: ExportColumn[] = [
  ['Name', 'name'], ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Email', 'email'], ['Phone', 'phone'],
  ['Company', 'company'], ['Position', 'position'], ['City', 'city'], ['Profile URL', 'profileUrl'], ['CRM ID', 'crmId'],
  ['Notes', 'notes'], ['Middle Name', 'middleName'], ['Country', 'country'], ['Website', 'website'], ['Birthday', 'birthday'],
  ['Tags', 'tags'], ['Owner', 'owner'], ['Status', 'stage'], ['Connected On', 'connectedOn'],
].map(([header, field]) => ({ header, field }));

/**
 * Rows (ContactRecords, or any objects) → CSV text. `columns`: the columns to write
 * (a string is both header and key); ignored when `preset` is given. A field "email#1"
 * is the second e-mail. Arrays are joined with ", ".
 */
export function toCsv(
  rows: ReadonlyArray<object>,
  columns?: ReadonlyArray<ExportColumn | string>,
  opts: CsvOptions = {},
): string {
  const cols: ExportColumn[] = opts.preset
    ? exportColumns(opts.preset)
    : (columns ?? GENERIC_COLUMNS).map((c) => (typeof c === 'string' ? { header: c, field: c } : c));
  if (opts.custom ?? true) {
    const taken = new Set(cols.map((c) => c.header));
    const names: string[] = [];
    const seen = new Set<string>();
    for (const r of rows) for (const name of customNames((r as { custom?: unknown }).custom)) if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
    if (names.length) {
      cols.forEach((c, i) => {
        if (!c.field && seen.has(c.header)) cols[i] = { header: c.header, field: CUSTOM + c.header };
      });
      for (const n of names) if (!taken.has(n)) cols.push({ header: n, field: CUSTOM + n });
    }
  }
  const neutralise = opts.neutralise ?? true;
  const cell = (v: string) => (neutralise ? neutraliseCell(v) : v);
  const data = rows.map((r) => cols.map((c) => cell(valueOf(r as Record<string, unknown>, c.field))));
  const delimiter = opts.delimiter ?? (opts.preset ? presetById(opts.preset)?.delimiter : undefined) ?? ',';
  const csv = Papa.unparse(
    { fields: cols.map((c) => cell(c.header)), data },
    { delimiter, newline: opts.newline ?? '\r\n', quotes: false, escapeFormulae: false },
  );
  return (opts.bom ? '\uFEFF' : '') + csv + (opts.newline ?? '\r\n');
}

/** A column whose value is the custom field of that name. */
const CUSTOM = 'custom:';

/** Custom field names: of a stored contact (named pairs) or of an import record (an object). */
function customNames(custom: unknown): string[] {
  if (Array.isArray(custom)) return custom.map((x: { name: string }) => x.name);
  return custom && typeof custom === 'object' ? Object.keys(custom) : [];
}

function customValue(custom: unknown, name: string): string | undefined {
  if (Array.isArray(custom)) return (custom as { name: string; value: string }[]).find((x) => x.name === name)?.value;
  if (custom && typeof custom === 'object' && Object.hasOwn(custom, name)) return String((custom as Record<string, unknown>)[name]);
  return undefined;
}

function valueOf(r: Record<string, unknown>, field: string): string {
  if (!field) return '';
  if (field.startsWith(CUSTOM)) return customValue(r.custom, field.slice(CUSTOM.length)) ?? '';
  const [key, nth] = field.split('#');
  const n = nth ? Number(nth) : 0;
  const plural = MULTI_FIELDS[key as keyof typeof MULTI_FIELDS];
  // our records have email + emails; the stored Contact has only emails
  const list = plural ? r[plural] : undefined;
  let v: unknown;
  if (Array.isArray(list)) v = list[n];
  else if (n === 0) v = r[key] ?? (Array.isArray(r[key + 's']) ? (r[key + 's'] as unknown[])[0] : undefined);
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map(String).join(', ');
  return String(v);
}

/**
 * The rejected rows as a CSV to fix and import again: "Line", "Reason", "Raw" (the
 * row as it was in the file). With `header` (the file's header row, raw), use
 * rejectsText() instead to get a file that imports directly once the rows are fixed.
 */
export function rejectsCsv(rejected: ReadonlyArray<Rejected>, opts: Omit<CsvOptions, 'preset'> = {}): string {
  return toCsv(
    rejected.map((r) => ({ line: String(r.line), reason: r.reason, raw: r.raw })),
    [{ header: 'Line', field: 'line' }, { header: 'Reason', field: 'reason' }, { header: 'Raw', field: 'raw' }],
    opts,
  );
}

/** The header row and the rejected rows, verbatim: fix them in an editor and import the file again. */
export function rejectsText(headerRaw: string, rejected: ReadonlyArray<Rejected>, newline = '\r\n'): string {
  return [headerRaw, ...rejected.map((r) => r.raw)].join(newline) + newline;
}

/**
 * A stored contact as a row for toCsv(): the record keys a
 * preset's columns name. A name without first/last parts is split at its last
 * word, since several CRMs have no full-name column.
 */
export function exportRow(c: Contact, profileUrls: string[] = []): Record<string, unknown> {
  const words = c.name.trim().split(/\s+/);
  const split = !c.firstName && !c.lastName && words.length > 1;
  const b = c.birthday;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    name: c.name,
    firstName: c.firstName ?? (split ? words.slice(0, -1).join(' ') : c.lastName ? undefined : c.name),
    middleName: c.middleName,
    lastName: c.lastName ?? (split ? words[words.length - 1] : undefined),
    emails: c.emails,
    phones: c.phones,
    company: c.company,
    position: c.position,
    city: c.city,
    country: c.country,
    website: c.website,
    profileUrls,
    crmId: c.crmId,
    owner: c.owner,
    tags: c.tags.join(', '),
    birthday: b ? (b.year ? `${b.year}-${pad(b.month)}-${pad(b.day)}` : `--${pad(b.month)}-${pad(b.day)}`) : undefined,
    stage: c.crmStatus ?? c.relation,
    connectedOn: c.connectedAt !== undefined ? new Date(c.connectedAt).toISOString().slice(0, 10) : undefined,
    custom: c.custom,
  };
}
