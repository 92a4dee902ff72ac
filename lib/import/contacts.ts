// A contacts CSV → the records an import would store, every row accounted for:
// rows = accepted + duplicates + rejected. Feed it chunks (a Web Worker reading a
// File's stream, the CLI reading a file) or a whole text/byte array at once.
import { type DealColumns, type DealRecord, dealColumns, dealOfRow } from './deals';
import { DuplicateIndex, type DuplicateKind, keysOf, mergeInto, sameRecord } from './dedupe';
import type { ColumnMapping, ImportedContact } from './fields';
import { applyMapping, detectPreset, planMapping, proposeMapping } from './mapping';
import { type PresetId, presetById } from './presets';
import { type Rejected, type RowSink, type TableInfo, type TableOptions, type TableRow, TableReader } from './table';
import { why } from './why';

export const NAMES_NOBODY = why('namesNobody');

/** A group's heading: its name and how many it holds, "Origin Agent (FFW) (9)". */
const GROUP_HEADING = /^\s*\S.*\s\(\d[\d\s.,]*\)\s*$/;

export interface Duplicate {
  /** physical line of the duplicate row */
  line: number;
  /** physical line of the earlier row it was merged into */
  sameAs: number;
  by: DuplicateKind;
}

/** A file of people read, whatever its format: rows = accepted + duplicates + rejected. */
export interface ContactRows {
  rows: number;
  accepted: number;
  duplicates: Duplicate[];
  rejected: Rejected[];
  /** every accepted record, in file order, duplicates merged in */
  records: ImportedContact[];
  /** the physical line of each record (parallel to records) */
  recordLines: number[];
}

export interface ContactImportReport extends TableInfo, ContactRows {
  kind: 'contacts';
  /** what the rows are in the CRM: people, leads or deals (each row is a person either way) */
  entity: 'contacts' | 'leads' | 'deals';
  preset: PresetId;
  mapping: ColumnMapping;
  /** leads and deals files: the deal or lead each accepted row (duplicates too) carries,
   *  with the index of its person in `records` */
  deals?: { record: number; deal: DealRecord }[];
}

export interface ContactImportOptions extends TableOptions {
  /** use this preset's columns instead of detecting one */
  preset?: PresetId;
  /** the user's own mapping (by column index), from the mapping screen */
  mapping?: ColumnMapping;
  /** what the rows are (the judgement or the user's choice); contacts by default */
  entity?: ContactImportReport['entity'];
}

/** The row-level half: mapping, "names nobody", duplicates. Used by ContactImport and by the CSV kind switch. */
export class ContactSink implements RowSink {
  readonly preset: PresetId;
  readonly mapping: ColumnMapping;
  readonly entity: ContactImportReport['entity'];
  rows = 0;
  readonly duplicates: Duplicate[] = [];
  readonly rejected: Rejected[] = [];
  readonly records: ImportedContact[] = [];
  readonly recordLines: number[] = [];
  private readonly index = new DuplicateIndex<number>();
  private readonly map: ReturnType<typeof planMapping>;
  /** leads and deals: which columns make the deal */
  private readonly dealCols: DealColumns | undefined;
  readonly deals: { record: number; deal: DealRecord }[] = [];

  constructor(
    private readonly headers: string[],
    opts: { preset?: PresetId; mapping?: ColumnMapping; entity?: ContactImportReport['entity'] },
  ) {
    this.entity = opts.entity ?? 'contacts';
    this.preset = opts.preset ?? (opts.mapping ? 'generic' : detectPreset(headers).preset);
    this.mapping = opts.mapping ?? proposeMapping(headers, this.preset);
    this.map = planMapping(headers, this.mapping);
    if (this.entity !== 'contacts') this.dealCols = dealColumns(headers);
    const unset = presetById(this.preset)?.unset;
    if (unset) headers.forEach((h, i) => Object.hasOwn(unset, h) && this.unset.push([i, new Set(unset[h])]));
  }

  /** columns whose "not set" value (Outlook's "0/0/00") reads as empty */
  private readonly unset: Array<[number, Set<string>]> = [];

  row(r: TableRow): void {
    this.rows++;
    let fields = r.fields;
    if (this.unset.length) {
      fields = [...fields];
      for (const [i, values] of this.unset) if (values.has(fields[i]?.trim())) fields[i] = '';
    }
    // a grouped list's heading (Odoo: "Customer (526)" alone in the first column, its records below)
    if (fields.length > 2 && GROUP_HEADING.test(fields[0]) && fields.every((f, i) => i === 0 || !f.trim())) {
      this.rejected.push({ line: r.line, ...why('groupHeading'), raw: r.raw });
      return;
    }
    const { record, names, companyRecord } = this.map(fields);
    if (!names) {
      // (a companies export's rows, or a company's own record among people: said so, not "names nobody")
      const company = record.company?.trim();
      this.rejected.push({ line: r.line, ...(company ? why(companyRecord ? 'companyRecord' : 'companyNoPerson', { company }) : NAMES_NOBODY), raw: r.raw });
      return;
    }
    const deal = this.dealCols ? this.takeDeal(record, fields, r.line) : undefined;
    const keys = keysOf(record);
    const dup = this.index.find(keys, (i, by) => sameRecord(this.records[i], record, by));
    if (dup) {
      const earlier = this.records[dup.sameAs];
      mergeInto(earlier, record);
      this.index.add(keysOf(earlier), dup.sameAs);
      this.duplicates.push({ line: r.line, sameAs: this.recordLines[dup.sameAs], by: dup.by });
      if (deal) this.deals.push({ record: dup.sameAs, deal });
      return;
    }
    if (deal) this.deals.push({ record: this.records.length, deal });
    this.index.add(keys, this.records.length);
    this.records.push(record);
    this.recordLines.push(r.line);
  }

  /**
   * The row's deal. In a deals file the deal's columns (its id, stage, owner, amount…)
   * are the deal's, not the person's: they leave the contact, and its unmapped columns
   * are kept on the deal. A lead is the person,
   * so a leads file keeps them on the contact as well.
   */
  private takeDeal(record: ImportedContact, fields: string[], line: number): DealRecord {
    const cols = this.dealCols!;
    const kind = this.entity === 'leads' ? 'lead' : 'deal';
    const deal = dealOfRow(cols, fields, { line, kind, who: record.email ?? record.name, company: record.company, preset: this.preset });
    if (kind === 'deal') {
      const take = (field: 'crmId' | 'stage' | 'owner', role: 'id' | 'stage' | 'owner' | 'status') => {
        const i = this.mapping.findIndex((f) => f === field);
        if (i >= 0 && (cols.at[role] === i || (field === 'stage' && cols.at.status === i))) delete record[field];
      };
      take('crmId', 'id');
      take('stage', 'stage');
      take('owner', 'owner');
      // every other column of a deals file is about the deal (probability, pipeline, source…)
      const rest = Object.entries(record.custom ?? {}).filter(([h]) => !cols.headers.has(h)).map(([name, value]) => ({ name, value }));
      // amoCRM writes a deal's notes as "Примечание", "Примечание 2", …: the first is the deal's like the others
      const ni = this.mapping.indexOf('notes');
      const notes = ni >= 0 ? this.headers[ni] : undefined;
      if (record.notes !== undefined && notes && this.headers.includes(`${notes} 2`)) {
        rest.unshift({ name: notes, value: record.notes });
        delete record.notes;
      }
      if (rest.length) deal.custom = rest;
      delete record.custom;
    }
    return deal;
  }

  reject(r: Rejected): void {
    this.rows++;
    this.rejected.push(r);
  }

  report(info: TableInfo): ContactImportReport {
    return {
      kind: 'contacts',
      entity: this.entity,
      ...info,
      preset: this.preset,
      mapping: this.mapping,
      rows: this.rows,
      accepted: this.records.length,
      duplicates: this.duplicates,
      rejected: this.rejected,
      records: this.records,
      recordLines: this.recordLines,
      ...(this.dealCols ? { deals: this.deals } : {}),
    };
  }
}

/** Streaming contacts import: push() chunks, end() for the report. */
export class ContactImport {
  private sink: ContactSink | undefined;
  private readonly table: TableReader;

  constructor(opts: ContactImportOptions = {}) {
    this.table = new TableReader(opts, (info) => (this.sink = new ContactSink(info.headers, opts)));
  }

  push(chunk: Uint8Array | string): void {
    this.table.push(chunk);
  }

  end(): ContactImportReport {
    const info = this.table.end();
    return this.sink!.report(info);
  }
}

/** Whole file at once. Throws ImportError when there is no header row at all. */
export function importContactsCsv(input: Uint8Array | string, opts: ContactImportOptions = {}): ContactImportReport {
  const imp = new ContactImport(opts);
  imp.push(input);
  return imp.end();
}

export interface ContactPreview extends TableInfo {
  preset: PresetId;
  mapping: ColumnMapping;
  /** the first data rows' cells, for the mapping screen */
  sample: string[][];
  /** the same rows through the mapping */
  records: ImportedContact[];
}

/** For the mapping screen: detection plus the first `rows` rows, raw and mapped. Pass the file's first ~64 KB. */
export function previewContacts(input: Uint8Array | string, opts: ContactImportOptions & { rows?: number } = {}): ContactPreview {
  const want = opts.rows ?? 10;
  const sample: string[][] = [];
  let headers: string[] = [];
  const table = new TableReader(opts, (info) => {
    headers = info.headers;
    return { row: (r) => void (sample.length < want && sample.push(r.fields)), reject: () => {} };
  });
  table.push(input);
  const info = table.end();
  const preset = opts.preset ?? (opts.mapping ? 'generic' : detectPreset(headers).preset);
  const mapping = opts.mapping ?? proposeMapping(headers, preset);
  return { ...info, preset, mapping, sample, records: sample.map((f) => applyMapping(headers, mapping, f).record) };
}
