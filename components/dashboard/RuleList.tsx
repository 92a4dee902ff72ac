import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowRule } from '@/lib/domain/entities';
import { SourceLine } from '../shared/SourceLine';

/** The rules, each in words, with a switch to turn it off and a delete. */
export function RuleList({ rules, describe, onToggle, onDelete }: {
  rules: WorkflowRule[];
  describe: (r: WorkflowRule) => string;
  onToggle: (r: WorkflowRule, enabled: boolean) => void;
  onDelete: (r: WorkflowRule) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="lead-card" aria-labelledby={id}>
      <div className="lead-card-head"><h2 id={id}>{t('lead.rules.title')}</h2></div>
      <p className="muted lead-lead">{t('lead.rules.intro')}</p>
      {rules.length === 0 ? <p className="muted">{t('lead.rules.none')}</p> : (
        <ul className="lead-rules" aria-label={t('lead.rules.title')}>
          {rules.map((r) => (
            <li key={r.id}>
              <span className="rule-text">
                <strong>{r.name}</strong>: {describe(r)}
                <SourceLine source={{ kind: 'user', at: r.createdAt }} />
              </span>
              <span className="row-actions">
                <label>
                  <input type="checkbox" checked={r.enabled} aria-label={t('lead.rules.enable', { name: r.name })}
                    onChange={(e) => onToggle(r, e.target.checked)} style={{ width: 'auto' }} />
                  {' '}{r.enabled ? t('lead.rules.enabled') : t('lead.rules.disabled')}
                </label>
                <button type="button" aria-label={t('lead.rules.deleteNamed', { name: r.name })} onClick={() => onDelete(r)}>{t('lead.rules.delete')}</button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
