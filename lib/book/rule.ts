import { Condition } from '../domain/entities';
import { fieldDef } from './fields';
import { daysSince, type BookRow } from './row';

// Smart-group rules and the book's filters, evaluated over one row. A rule is data
// (schema.ts's Condition); compile() turns it into a predicate once, so counting a
// smart group over 100,000 rows does not re-read the rule per row.
//
// What a test on a field the contact lacks means:
// - is, contains, gt, lt, exists → false (an unknown company is not "Acme"; a
//   contact never contacted has no "days since contact" to be over 90: model.md
//   keeps "never interacted" as its own case; ask for it with `not exists`);
// - is-not → true (a contact without a company is not at Acme), so `is-not` is
//   always the exact negation of `is`.
// A field the book does not know, a value of the wrong type, or a malformed rule is
// false, never an exception.

export type Predicate = (row: BookRow) => boolean;

const FALSE: Predicate = () => false;
const TRUE: Predicate = () => true;

function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return String(v).trim().toLowerCase();
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** The value of a field on a row: a scalar, a list, or undefined when the row lacks it. */
export function fieldValue(row: BookRow, field: string, now: number): string | number | readonly string[] | undefined {
  switch (field) {
    case 'networkType': return row.networkType;
    case 'stage': return row.stage ?? undefined;
    case 'relation': return row.relation;
    case 'company': return row.company || undefined;
    case 'city': return row.city || undefined;
    case 'position': return row.position || undefined;
    case 'name': return row.name || undefined;
    case 'email': return row.emails;
    case 'tag': return row.tags;
    case 'product': return row.products;
    case 'group': return row.groups;
    case 'network': return row.networks;
    case 'daysSinceContact': return daysSince(row.lastContactAt, now);
    case 'tieScore': return row.tieScore;
    case 'state': return row.state;
    case 'owner': return row.owner || undefined;
    default: return undefined;
  }
}

type Leaf = Extract<Condition, { field: string }>;

function compileLeaf(c: Leaf, now: number): Predicate {
  const def = fieldDef(c.field);
  if (!def) return FALSE;
  const get = (r: BookRow) => fieldValue(r, c.field, now);
  if (c.op === 'exists') {
    return (r) => {
      const v = get(r);
      return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
    };
  }
  if (def.kind === 'number') {
    const want = num(c.value);
    if (want === undefined) return c.op === 'is-not' ? TRUE : FALSE;
    const test = c.op === 'gt' ? (x: number) => x > want : c.op === 'lt' ? (x: number) => x < want
      : c.op === 'is' ? (x: number) => x === want : c.op === 'is-not' ? (x: number) => x !== want : null;
    if (!test) return FALSE;
    return (r) => {
      const v = get(r);
      if (typeof v !== 'number') return c.op === 'is-not';
      return test(v);
    };
  }
  const want = text(c.value);
  if (want === undefined || (c.op !== 'is' && c.op !== 'is-not' && c.op !== 'contains')) {
    return c.op === 'is-not' ? TRUE : FALSE;
  }
  const matchOne = c.op === 'contains' ? (x: string) => x.toLowerCase().includes(want) : (x: string) => x.toLowerCase() === want;
  const positive: Predicate = (r) => {
    const v = get(r);
    if (v === undefined) return false;
    if (Array.isArray(v)) {
      for (const x of v) if (matchOne(x)) return true;
      return false;
    }
    return matchOne(String(v).trim());
  };
  return c.op === 'is-not' ? (r) => !positive(r) : positive;
}

function compileAny(c: unknown, now: number, depth: number): Predicate {
  if (depth > 32 || !c || typeof c !== 'object') return FALSE;
  const o = c as Record<string, unknown>;
  if (Array.isArray(o.all)) {
    const ps = o.all.map((x) => compileAny(x, now, depth + 1));
    return (r) => {
      for (const p of ps) if (!p(r)) return false;
      return true;
    };
  }
  if (Array.isArray(o.any)) {
    const ps = o.any.map((x) => compileAny(x, now, depth + 1));
    return (r) => {
      for (const p of ps) if (p(r)) return true;
      return false;
    };
  }
  if ('not' in o) {
    const p = compileAny(o.not, now, depth + 1);
    return (r) => !p(r);
  }
  if (typeof o.field === 'string' && typeof o.op === 'string') {
    const parsed = Condition.safeParse(o);
    if (!parsed.success || !('field' in parsed.data)) return FALSE;
    return compileLeaf(parsed.data, now);
  }
  return FALSE;
}

/** A predicate for the rule as of `now`; a malformed rule matches nothing. */
export function compile(rule: Condition | undefined, now: number): Predicate {
  if (!rule) return TRUE;
  const p = compileAny(rule, now, 0);
  return (r) => {
    try {
      return p(r);
    } catch {
      return false;
    }
  };
}

/** Does this row satisfy the rule? Never throws. */
export function evaluate(rule: Condition | undefined, row: BookRow, now: number): boolean {
  return compile(rule, now)(row);
}

/** The fields a rule reads, for its summary and for knowing what changes can affect it. */
export function ruleFields(rule: Condition | undefined): string[] {
  const out = new Set<string>();
  const walk = (c: unknown) => {
    if (!c || typeof c !== 'object') return;
    const o = c as Record<string, unknown>;
    if (Array.isArray(o.all)) o.all.forEach(walk);
    else if (Array.isArray(o.any)) o.any.forEach(walk);
    else if ('not' in o) walk(o.not);
    else if (typeof o.field === 'string') out.add(o.field);
  };
  walk(rule);
  return [...out];
}
