// A linked profile keeps the last good value of each field, with when it was read.
// A read that says nothing (a login wall, a layout we can't read, a page that still
// showed the previous person) never overwrites one that said something: the field
// keeps its value and the panel says "could not read now; last read 3 days ago".
import { FIELD_NAMES, type Extraction, type FieldName, type Fields } from '../extract/types';
import { ExtractionSchema } from '../extract/schema';

/** What a profile row keeps of its reads (a subset of the stored Profile). */
export interface StoredRead {
  /** the merged read: each field's last `ok` value, else the latest status */
  snapshot?: unknown;
  /** when the newest value in the snapshot was read (the last read that said something) */
  readAt?: number;
  /** when each `ok` field of the snapshot was read */
  fieldsAt?: Partial<Record<FieldName, number>>;
  /** when the page was last read at all, whatever it said */
  triedAt?: number;
}

/** A stored snapshot, checked; null when absent or not an extraction. */
export function parseSnapshot(snapshot: unknown): Extraction | null {
  if (snapshot === undefined || snapshot === null) return null;
  const r = ExtractionSchema.safeParse(snapshot);
  return r.success ? (r.data as Extraction) : null;
}

/** Whether a read says anything at all about the person. */
export function saysSomething(x: Extraction): boolean {
  return x.kind === 'profile' && FIELD_NAMES.some((f) => x.fields[f].status === 'ok');
}

/**
 * The stored read after a new read `x` at `now`: every field `x` read (`ok`) takes
 * the new value; every field it could not read keeps the stored value and its time;
 * fields read by neither take the new status.
 */
export function mergeRead(prev: StoredRead, x: Extraction, now: number): Required<Pick<StoredRead, 'snapshot' | 'fieldsAt' | 'triedAt'>> & Pick<StoredRead, 'readAt'> {
  const old = parseSnapshot(prev.snapshot);
  const oldAt = prev.fieldsAt ?? {};
  const fields = {} as Record<FieldName, Fields[FieldName]>;
  const fieldsAt: Partial<Record<FieldName, number>> = {};
  for (const f of FIELD_NAMES) {
    const next = x.fields[f];
    const before = old?.fields[f];
    if (next.status === 'ok') {
      fields[f] = next;
      fieldsAt[f] = now;
    } else if (before?.status === 'ok') {
      fields[f] = before;
      fieldsAt[f] = oldAt[f] ?? prev.readAt ?? now;
    } else {
      fields[f] = next;
    }
  }
  const said = saysSomething(x);
  const base = said || !old ? x : old;
  return {
    snapshot: { site: base.site ?? x.site, kind: said || !old ? x.kind : old.kind, profileUrl: base.profileUrl ?? x.profileUrl, lang: base.lang, fields: fields as Fields },
    fieldsAt,
    triedAt: now,
    readAt: said ? now : prev.readAt,
  };
}

/**
 * The fields whose shown value is older than the last read of the page (that read
 * could not read them): field → when the value shown was read.
 */
export function staleFields(p: StoredRead): Partial<Record<FieldName, number>> {
  const out: Partial<Record<FieldName, number>> = {};
  const snap = parseSnapshot(p.snapshot);
  if (!snap) return out;
  const tried = p.triedAt ?? p.readAt;
  if (tried === undefined) return out;
  for (const f of FIELD_NAMES) {
    if (snap.fields[f].status !== 'ok') continue;
    const at = p.fieldsAt?.[f] ?? p.readAt;
    if (at !== undefined && at < tried) out[f] = at;
  }
  return out;
}
