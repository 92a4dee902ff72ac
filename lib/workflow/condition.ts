import { ownerOf, type Condition, type Contact } from '../domain/entities';
import { DAY } from '../domain/time';

// The workflow's evaluator of the shared Condition type. lib/book had no exported
// evaluator when this was written; the field names follow lib/book/row.ts (BookRow)
// plus `daysSinceContact`, so the two can be folded into one.


/** What a condition can read about one contact. */
export type Facts = Readonly<Record<string, unknown>>;

/** The fields a rule editor offers, with the kind of value each holds. */
export const CONDITION_FIELDS = {
  name: 'text', company: 'text', position: 'text', city: 'text', relation: 'relation',
  networkType: 'networkType', stage: 'stage', tieScore: 'number', daysSinceContact: 'number',
  tags: 'list', groups: 'list', networks: 'list', products: 'list', emails: 'list',
} as const;
export type ConditionField = keyof typeof CONDITION_FIELDS;

/** A contact's facts: its own fields, its plain groups, networks and products, days since contact. */
export function contactFacts(
  c: Contact,
  extra: { groups?: Iterable<string>; networks?: Iterable<string>; products?: Iterable<string> } = {},
  now = Date.now(),
): Facts {
  return {
    ...c,
    groups: [...(extra.groups ?? [])],
    networks: [...(extra.networks ?? [])],
    products: [...(extra.products ?? [])],
    daysSinceContact: c.lastContactAt === undefined ? undefined : Math.floor((now - c.lastContactAt) / DAY),
    // the book's Owner (a smart group "owner is Olga" counts the same on the dashboard)
    owner: ownerOf(c),
  };
}

const norm = (v: unknown): string => String(v).trim().toLowerCase();
const present = (v: unknown): boolean =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

function leaf(actual: unknown, op: string, value: string | number | undefined): boolean {
  const list = Array.isArray(actual) ? actual : [actual];
  switch (op) {
    case 'exists':
      return present(actual);
    case 'is':
      return present(actual) && value !== undefined && list.some((a) => present(a) && norm(a) === norm(value));
    case 'is-not':
      return !leaf(actual, 'is', value);
    case 'contains':
      return value !== undefined && list.some((a) => present(a) && norm(a).includes(norm(value)));
    case 'gt':
    case 'lt': {
      const n = Number(value);
      if (typeof actual !== 'number' || !Number.isFinite(n)) return false; // unknown is neither
      return op === 'gt' ? actual > n : actual < n;
    }
    default:
      return false;
  }
}

/** Does the contact (its facts) match the condition? Unknown facts match nothing but `is-not`. */
export function evaluateCondition(c: Condition, facts: Facts): boolean {
  if ('all' in c) return c.all.every((x) => evaluateCondition(x, facts));
  if ('any' in c) return c.any.some((x) => evaluateCondition(x, facts));
  if ('not' in c) return !evaluateCondition(c.not, facts);
  return leaf(facts[c.field], c.op, c.value);
}
