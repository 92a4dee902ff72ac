import { NETWORK_TYPES, Relation, Stage } from '../domain/entities';
import { TIE_STATES } from '../model/network';

// The fields the book's filters and smart-group rules can test, as data: what kind
// of value each holds and which operators make sense on it. The rule editor offers
// exactly these; the evaluator (rule.ts) reads them the same way.

export type FieldKind = 'enum' | 'text' | 'list' | 'number';
export type Op = 'is' | 'is-not' | 'contains' | 'gt' | 'lt' | 'exists';

export interface FieldDef {
  id: string;
  kind: FieldKind;
  ops: readonly Op[];
  /** the allowed values of an enum (or of a list of known values) */
  values?: readonly string[];
  /** where the values come from when they are the user's own data */
  source?: 'products' | 'groups';
}

const ENUM_OPS = ['is', 'is-not', 'exists'] as const;
const TEXT_OPS = ['is', 'is-not', 'contains', 'exists'] as const;
const LIST_OPS = ['is', 'is-not', 'exists'] as const;
const NUM_OPS = ['gt', 'lt', 'is', 'exists'] as const;

export const FIELDS: readonly FieldDef[] = [
  { id: 'networkType', kind: 'enum', ops: ENUM_OPS, values: NETWORK_TYPES },
  { id: 'stage', kind: 'enum', ops: ENUM_OPS, values: Stage.options },
  { id: 'relation', kind: 'enum', ops: ENUM_OPS, values: Relation.options },
  { id: 'company', kind: 'text', ops: TEXT_OPS },
  { id: 'city', kind: 'text', ops: TEXT_OPS },
  { id: 'position', kind: 'text', ops: TEXT_OPS },
  { id: 'name', kind: 'text', ops: TEXT_OPS },
  { id: 'email', kind: 'list', ops: ['contains', 'exists'] },
  { id: 'tag', kind: 'list', ops: [...LIST_OPS, 'contains'] },
  { id: 'product', kind: 'list', ops: LIST_OPS, source: 'products' },
  { id: 'group', kind: 'list', ops: LIST_OPS, source: 'groups' },
  { id: 'network', kind: 'list', ops: LIST_OPS, values: ['linkedin', 'facebook', 'vk'] },
  { id: 'daysSinceContact', kind: 'number', ops: NUM_OPS },
  { id: 'tieScore', kind: 'number', ops: NUM_OPS },
  { id: 'state', kind: 'enum', ops: ENUM_OPS, values: TIE_STATES },
  { id: 'owner', kind: 'text', ops: TEXT_OPS },
];

const BY_ID = new Map(FIELDS.map((f) => [f.id, f]));
export function fieldDef(id: string): FieldDef | undefined {
  return BY_ID.get(id);
}
