import { ownerOf, type Contact } from '../domain/entities';
import { toCsv } from '../import/export';
import type { BookRow } from './row';

// A group or the current view → CSV (UTF-8 with BOM, formula-like cells neutralised
// by lib/import/export.ts's toCsv) or JSON, in the columns the user chose. The
// headers are stable English names, as CRMs' own exports have them, whatever the
// UI language.

export const EXPORT_COLUMNS = [
  'name', 'firstName', 'lastName', 'email', 'phone', 'company', 'position', 'city', 'relation',
  'networkType', 'stage', 'tieScore', 'lastContact', 'networks', 'groups', 'tags', 'crmId', 'owner',
] as const;
export type ExportColumnId = (typeof EXPORT_COLUMNS)[number];

export const DEFAULT_EXPORT_COLUMNS: ExportColumnId[] = ['name', 'email', 'company', 'position', 'city', 'networkType', 'stage', 'tieScore', 'lastContact', 'groups', 'owner'];

const HEADERS: Record<ExportColumnId, string> = {
  name: 'Name', firstName: 'First Name', lastName: 'Last Name', email: 'Email', phone: 'Phone', company: 'Company',
  position: 'Position', city: 'City', relation: 'Relation', networkType: 'Network Type', stage: 'Stage',
  tieScore: 'Tie Score', lastContact: 'Last Contact', networks: 'Networks', groups: 'Groups', tags: 'Tags', crmId: 'CRM ID',
  owner: 'Owner',
};

export type ExportRecord = Partial<Record<ExportColumnId, string | number | string[] | null>> & {
  /** imported custom fields chosen for the export, under their own names */
  custom?: Record<string, string | null>;
};

/** One contact as the export writes it (group names resolved by the caller). */
export function exportRecord(c: Contact, row: BookRow | undefined, groupNames: string[], cols: readonly ExportColumnId[], custom: readonly string[] = []): ExportRecord {
  const all: Record<ExportColumnId, string | number | string[] | null> = {
    name: c.name,
    firstName: c.firstName ?? null,
    lastName: c.lastName ?? null,
    email: c.emails[0] ?? null,
    phone: c.phones[0] ?? null,
    company: c.company ?? null,
    position: c.position ?? null,
    city: c.city ?? null,
    relation: c.relation ?? null,
    networkType: c.networkType ?? null,
    stage: c.stage ?? null,
    tieScore: c.tieScore ?? null,
    lastContact: c.lastContactAt !== undefined ? new Date(c.lastContactAt).toISOString().slice(0, 10) : null,
    networks: row?.networks ?? [],
    groups: groupNames,
    tags: c.tags,
    crmId: c.crmId ?? null,
    owner: ownerOf(c) ?? null,
  };
  const out: ExportRecord = {};
  for (const k of cols) out[k] = all[k];
  if (custom.length) {
    const o: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
    for (const name of custom) o[name] = c.custom?.find((x) => x.name === name)?.value ?? null;
    out.custom = o;
  }
  return out;
}

/** CSV text with a BOM, so Excel opens Cyrillic right. */
export function exportCsv(records: readonly ExportRecord[], cols: readonly ExportColumnId[], custom: readonly string[] = []): string {
  const key = (i: number) => `custom\u0000${i}`;
  const rows = records.map((r) => {
    const o: Record<string, string> = {};
    for (const k of cols) {
      const v = r[k];
      o[k] = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : String(v);
    }
    custom.forEach((name, i) => (o[key(i)] = r.custom?.[name] ?? ''));
    return o;
  });
  return toCsv(rows, [...cols.map((k) => ({ header: HEADERS[k], field: k })), ...custom.map((name, i) => ({ header: name, field: key(i) }))], { bom: true });
}

export function exportJson(records: readonly ExportRecord[]): string {
  return JSON.stringify(records, null, 2) + '\n';
}

/** "Moscow prospects" → tiewise-moscow-prospects-2025-06-01.csv */
export function exportFileName(what: string, ext: 'csv' | 'json', now: number): string {
  const slug = what.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'book';
  return `tiewise-${slug}-${new Date(now).toISOString().slice(0, 10)}.${ext}`;
}
