import { useTranslation } from 'react-i18next';
import type { Condition, Product } from '@/lib/domain/entities';
import { FIELDS, type Op } from '@/lib/book/fields';
import { firstValue, isLeaf, type RuleDraft } from '@/lib/book/draft';
import type { BookGroup } from '@/lib/book/model';
import { RuleClause } from './RuleClause';

interface Props {
  value: RuleDraft;
  onChange(d: RuleDraft): void;
  products: readonly Product[];
  groups: readonly BookGroup[];
}

/** The small rule editor: match all / any of a list of "field — condition — value" clauses. */
export function RuleEditor({ value, onChange, products, groups }: Props) {
  const { t } = useTranslation();
  const setClause = (i: number, c: Condition) => onChange({ ...value, clauses: value.clauses.map((x, k) => (k === i ? c : x)) });
  const removeClause = (i: number) => onChange({ ...value, clauses: value.clauses.filter((_, k) => k !== i) });
  const addClause = () => {
    const field = FIELDS[0].id;
    const op: Op = FIELDS[0].ops[0];
    onChange({ ...value, clauses: [...value.clauses, { field, op, value: firstValue(field, products, groups) }] });
  };
  return (
    <div className="rule-editor">
      <label className="rule-mode">
        <span>{t('book.rule.match')}</span>
        <select value={value.mode} onChange={(e) => onChange({ ...value, mode: e.currentTarget.value as RuleDraft['mode'] })}>
          <option value="all">{t('book.rule.all')}</option>
          <option value="any">{t('book.rule.any')}</option>
        </select>
      </label>
      <ol className="rule-clauses">
        {value.clauses.map((c, i) => (
          <li key={i}>
            {isLeaf(c) ? (
              <RuleClause n={i + 1} clause={c} onChange={(x) => setClause(i, x)} products={products} groups={groups} />
            ) : (
              <span className="muted">{t('book.rule.kept')}</span>
            )}
            <button type="button" className="icon" aria-label={t('book.rule.remove', { n: i + 1 })} onClick={() => removeClause(i)}>×</button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={addClause}>{t('book.rule.add')}</button>
    </div>
  );
}
