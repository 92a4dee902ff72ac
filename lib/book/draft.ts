import type { Condition, Product } from '../domain/entities';
import { fieldDef } from './fields';
import type { BookGroup } from './model';

// What the rule editor edits: "all" or "any" of a list of clauses. A stored rule of
// another shape opens as one clause; clauses the editor cannot edit (nested ones,
// made by workflow rules or imports) are kept as they are.

export interface RuleDraft {
  mode: 'all' | 'any';
  clauses: Condition[];
}

export type Leaf = Extract<Condition, { field: string }>;
export const isLeaf = (c: Condition): c is Leaf => 'field' in c;

export function toDraft(rule: Condition | undefined): RuleDraft {
  if (!rule) return { mode: 'all', clauses: [{ field: 'networkType', op: 'is', value: 'strong-tie-champion' }] };
  if ('all' in rule) return { mode: 'all', clauses: rule.all };
  if ('any' in rule) return { mode: 'any', clauses: rule.any };
  return { mode: 'all', clauses: [rule] };
}

export function fromDraft(d: RuleDraft): Condition {
  return d.mode === 'all' ? { all: d.clauses } : { any: d.clauses };
}

/** Every clause has the value its operator needs. */
export function draftComplete(d: RuleDraft): boolean {
  return d.clauses.length > 0 && d.clauses.every((c) => !isLeaf(c) || c.op === 'exists' || (c.value !== undefined && String(c.value).trim() !== ''));
}

/** A first value for a field, so a new clause is complete when the field has choices. */
export function firstValue(field: string, products: readonly Product[], groups: readonly BookGroup[]): string | number | undefined {
  const def = fieldDef(field);
  if (!def) return undefined;
  if (def.values?.length) return def.values[0];
  if (def.source === 'products') return products[0]?.id;
  if (def.source === 'groups') return groups.find((g) => !g.rule)?.id;
  if (def.kind === 'number') return field === 'daysSinceContact' ? 90 : 0.5;
  return undefined;
}
