// The user's answers on the mapping screen (what the file holds, which field each
// column feeds), kept per header signature, so the next export of the same CRM —
// same columns, in the same order — imports in one click. Pure: the UI stores the
// map under one setting (import.remembered, lib/db/settings.ts).
import type { ColumnMapping } from './fields';
import { CONTACT_FIELDS, headerKey } from './fields';
import { FILE_KINDS, type FileKind } from './kind';

export interface RememberedChoice {
  kind: FileKind;
  mapping: ColumnMapping;
  at: number;
}
export type Remembered = Record<string, RememberedChoice>;

/** At most this many signatures are kept (the oldest go first). */
const KEEP = 50;

/** The columns, as their keys, in order: the same export of the same CRM has the same one. */
export function headerSignature(headers: string[]): string {
  return headers.map(headerKey).join('|');
}

/** The remembered choice for these headers, if it still fits them (stored data is checked). */
export function recall(all: unknown, headers: string[]): RememberedChoice | undefined {
  if (!all || typeof all !== 'object') return undefined;
  const sig = headerSignature(headers);
  if (!Object.hasOwn(all, sig)) return undefined;
  const c = (all as Record<string, unknown>)[sig] as Partial<RememberedChoice> | undefined;
  if (!c || !FILE_KINDS.includes(c.kind as FileKind) || !Array.isArray(c.mapping) || c.mapping.length !== headers.length) return undefined;
  if (!c.mapping.every((f) => f === null || (CONTACT_FIELDS as readonly string[]).includes(f as string))) return undefined;
  return { kind: c.kind as FileKind, mapping: c.mapping as ColumnMapping, at: Number(c.at) || 0 };
}

/** The map with this choice added (or replaced), bounded. */
export function remember(all: unknown, headers: string[], kind: FileKind, mapping: ColumnMapping, now: number): Remembered {
  const out: Remembered = Object.create(null) as Remembered;
  if (all && typeof all === 'object') for (const [k, v] of Object.entries(all)) out[k] = v as RememberedChoice;
  out[headerSignature(headers)] = { kind, mapping: [...mapping], at: now };
  const keys = Object.keys(out).sort((a, b) => (out[b].at ?? 0) - (out[a].at ?? 0));
  for (const k of keys.slice(KEEP)) delete out[k];
  return { ...out };
}
