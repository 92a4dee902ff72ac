import type { Condition, NetworkType, Stage } from '../domain/entities';
import { ownerCondition, type OwnerFilter } from './owner';

// The book's filter bar as data. It becomes a Condition, so a filter and a smart
// group are evaluated by the same code, and "save this filter as a smart group" is
// the filter's own condition.

export interface BookFilter {
  networkTypes?: NetworkType[];
  stages?: Stage[];
  /** the relation's state (lib/model/network.ts's TieState): "dormant-customer", "advocate-candidate"… */
  states?: string[];
  /** a plain or smart group's id */
  groupId?: string;
  company?: string;
  city?: string;
  /** a product id: bought it */
  productId?: string;
  /** at least this many days since the last contact */
  minDaysSinceContact?: number;
  /** at most this many days since the last contact */
  maxDaysSinceContact?: number;
  /** one owner, or the contacts without one (lib/book/owner.ts) */
  owner?: OwnerFilter;
}

const blank = (s?: string) => !s || !s.trim();

/**
 * The filter's condition. A smart group's own rule is passed in (`smartRule`) when
 * the filter's group is a smart one; a plain group is a membership test.
 */
export function filterToCondition(f: BookFilter, smartRule?: Condition): Condition | undefined {
  const all: Condition[] = [];
  const oneOf = (field: string, values?: string[]) => {
    if (!values?.length) return;
    all.push(values.length === 1 ? { field, op: 'is', value: values[0] } : { any: values.map((value) => ({ field, op: 'is' as const, value })) });
  };
  oneOf('networkType', f.networkTypes);
  oneOf('stage', f.stages);
  oneOf('state', f.states);
  if (f.groupId) all.push(smartRule ?? { field: 'group', op: 'is', value: f.groupId });
  if (!blank(f.company)) all.push({ field: 'company', op: 'contains', value: f.company!.trim() });
  if (!blank(f.city)) all.push({ field: 'city', op: 'contains', value: f.city!.trim() });
  if (f.productId) all.push({ field: 'product', op: 'is', value: f.productId });
  if (f.minDaysSinceContact !== undefined && Number.isFinite(f.minDaysSinceContact)) {
    all.push({ field: 'daysSinceContact', op: 'gt', value: f.minDaysSinceContact - 1 });
  }
  if (f.maxDaysSinceContact !== undefined && Number.isFinite(f.maxDaysSinceContact)) {
    all.push({ field: 'daysSinceContact', op: 'lt', value: f.maxDaysSinceContact + 1 });
  }
  if (f.owner) all.push(ownerCondition(f.owner));
  if (!all.length) return undefined;
  return all.length === 1 ? all[0] : { all };
}

export function isEmptyFilter(f: BookFilter): boolean {
  return filterToCondition(f) === undefined;
}
