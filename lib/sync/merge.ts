import type { SharedTable } from '../domain/shared';
import { canonical } from '../domain/shared';

// Two versions of one record, written by two teammates while apart, made one
// again — field by field, against the version both started from. A field only one
// side changed takes that change; lists of values (e-mails, phones, tags…) take
// both sides' additions and removals; times take the later (or, for "created",
// the earlier); a field both changed differently keeps both versions as a
// question for a person to answer, and meanwhile shows the first version.
// Pure and deterministic: every browser that meets the same two versions makes the
// same record (so their resolutions agree, and replicate as one).

export interface Side {
  body: Record<string, unknown>;
  /** the teammate who wrote this version, and when */
  by?: string;
  at?: number;
}

export interface FieldQuestion {
  field: string;
  versions: { value: unknown; by?: string; at?: number }[];
}

export interface Merged {
  body: Record<string, unknown>;
  questions: FieldQuestion[];
}

const SETS = new Set(['emails', 'phones', 'tags', 'languages', 'interests']);
const LATEST = new Set(['updatedAt', 'lastContactAt', 'readAt', 'triedAt']);
const EARLIEST = new Set(['createdAt', 'linkedAt', 'addedAt']);
/** where a record came from: a bookkeeping field, never a question */
const FIRST_WINS = new Set(['source', 'id', 'contactId']);

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Both sides' additions and removals from a list of values, in a stable order. */
export function mergeSet(base: unknown[] | undefined, a: unknown[], b: unknown[]): unknown[] {
  const key = (x: unknown) => canonical(x);
  const had = new Set((base ?? []).map(key));
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (const x of [...a, ...b]) {
    const k = key(x);
    if (seen.has(k)) continue;
    // removed by a side that had it in the base
    if (had.has(k) && (!inA.has(k) || !inB.has(k))) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The newer machine read of a profile stands whole (a read is not anyone's opinion). */
function newerRead(a: Side, b: Side): Merged {
  const t = (s: Side) => Math.max(num(s.body.readAt) ?? 0, num(s.body.triedAt) ?? 0);
  return { body: t(b) > t(a) ? b.body : a.body, questions: [] };
}

/** Questions about one record: every field asked on either side, every version kept once. */
function unionQuestions(a: Side, b: Side): Merged {
  const fields = new Map<string, FieldQuestion>();
  for (const s of [a, b]) {
    for (const f of (s.body.fields as FieldQuestion[] | undefined) ?? []) {
      const cur = fields.get(f.field) ?? { field: f.field, versions: [] };
      for (const v of f.versions) if (!cur.versions.some((x) => same(x.value, v.value))) cur.versions.push(v);
      fields.set(f.field, cur);
    }
  }
  const at = Math.max(num(a.body.at) ?? 0, num(b.body.at) ?? 0);
  return { body: { ...a.body, fields: [...fields.values()].sort((x, y) => (x.field < y.field ? -1 : 1)), at }, questions: [] };
}

/**
 * Merges `a` (the version the server's rule picked) and `b` (the other) against
 * `base`, their last common version (null when it is not known: then every field
 * they disagree on is a question).
 */
export function mergeRecord(table: SharedTable, base: Record<string, unknown> | null, a: Side, b: Side): Merged {
  if (table === 'profiles') return newerRead(a, b);
  if (table === 'questions') return unionQuestions(a, b);
  if (table === 'marks') return { body: a.body.kind === 'erased' || b.body.kind !== 'erased' ? a.body : b.body, questions: [] };
  if (table === 'overrides') return { body: (num(b.body.at) ?? 0) > (num(a.body.at) ?? 0) ? b.body : a.body, questions: [] };

  const out: Record<string, unknown> = {};
  const questions: FieldQuestion[] = [];
  const keys = [...new Set([...Object.keys(a.body), ...Object.keys(b.body), ...Object.keys(base ?? {})])].sort();
  for (const k of keys) {
    const va = a.body[k];
    const vb = b.body[k];
    const vo = base?.[k];
    let v: unknown;
    if (same(va, vb)) v = va;
    else if (base && same(va, vo)) v = vb;
    else if (base && same(vb, vo)) v = va;
    else if (SETS.has(k) && (Array.isArray(va) || va === undefined) && (Array.isArray(vb) || vb === undefined)) {
      v = mergeSet(Array.isArray(vo) ? vo : undefined, (va as unknown[] | undefined) ?? [], (vb as unknown[] | undefined) ?? []);
    } else if (LATEST.has(k) && (num(va) !== undefined || num(vb) !== undefined)) v = Math.max(num(va) ?? -Infinity, num(vb) ?? -Infinity);
    else if (EARLIEST.has(k) && (num(va) !== undefined || num(vb) !== undefined)) v = Math.min(num(va) ?? Infinity, num(vb) ?? Infinity);
    else if (FIRST_WINS.has(k)) v = va;
    else {
      v = va;
      questions.push({ field: k, versions: [{ value: va ?? null, by: a.by, at: a.at }, { value: vb ?? null, by: b.by, at: b.at }] });
    }
    if (v !== undefined) out[k] = v;
  }
  return { body: out, questions };
}
