import { useTranslation } from 'react-i18next';
import type { Product } from '@/lib/domain/entities';
import { FIELDS, fieldDef, type Op } from '@/lib/book/fields';
import type { BookGroup } from '@/lib/book/model';
import { firstValue, type Leaf } from '@/lib/book/draft';

interface Props {
  n: number;
  clause: Leaf;
  onChange(c: Leaf): void;
  products: readonly Product[];
  groups: readonly BookGroup[];
}

/** One "field — condition — value" line of a rule. */
export function RuleClause({ n, clause, onChange, products, groups }: Props) {
  const { t } = useTranslation();
  const def = fieldDef(clause.field) ?? FIELDS[0];
  const opLabel = (op: Op) => (def.kind === 'list' ? t(`book.rule.listOps.${op}`) : t(`book.rule.ops.${op}`));
  const setField = (field: string) => {
    const d = fieldDef(field)!;
    const op = d.ops.includes(clause.op) ? clause.op : d.ops[0];
    onChange({ field, op, value: firstValue(field, products, groups) });
  };
  const choices: [string, string][] | null = def.values
    ? def.values.map((v) => [v, t(`book.${def.id}.${v}`)])
    : def.source === 'products'
      ? products.map((p) => [p.id, p.name])
      : def.source === 'groups'
        ? groups.filter((g) => !g.rule).map((g) => [g.id, g.name])
        : null;
  const label = (what: string) => `${t(`book.rule.${what}`)} ${n}`;
  return (
    <span className="rule-clause">
      <select aria-label={label('field')} value={clause.field} onChange={(e) => setField(e.currentTarget.value)}>
        {FIELDS.map((f) => <option key={f.id} value={f.id}>{t(`book.rule.fields.${f.id}`)}</option>)}
      </select>
      <select aria-label={label('op')} value={clause.op} onChange={(e) => onChange({ ...clause, op: e.currentTarget.value as Op })}>
        {def.ops.map((op) => <option key={op} value={op}>{opLabel(op)}</option>)}
      </select>
      {clause.op !== 'exists' && (choices && clause.op !== 'contains' ? (
        <select aria-label={label('value')} value={String(clause.value ?? '')} onChange={(e) => onChange({ ...clause, value: e.currentTarget.value })}>
          {choices.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      ) : (
        <input
          aria-label={label('value')}
          type={def.kind === 'number' ? 'number' : 'text'}
          step={clause.field === 'tieScore' ? 0.05 : 1}
          value={clause.value ?? ''}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            onChange({ ...clause, value: def.kind === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw });
          }}
        />
      ))}
    </span>
  );
}
