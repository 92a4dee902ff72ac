import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoggedRun } from '@/lib/db/workflow';
import type { WorkflowAction } from '@/lib/domain/entities';

/** What the rules did, run by run (newest first): which rule did what to whom; undo one or all. */
export function RunLog({ batches, effect, onUndo }: {
  batches: { at: number; runs: LoggedRun[] }[];
  effect: (a: WorkflowAction, groupName?: string) => string;
  onUndo: (runIds: string[]) => void;
}) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const id = useId();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  const when = (at: number) => fmt.format(at);
  return (
    <section className="lead-card lead-full" aria-labelledby={id}>
      <div className="lead-card-head"><h2 id={id}>{t('lead.log.title')}</h2></div>
      {batches.length === 0 && <p className="muted">{t('lead.log.none')}</p>}
      {batches.map((b) => {
        const active = b.runs.filter((r) => !r.undone);
        return (
          <div key={b.at} className="lead-batch">
            <div className="lead-batch-head">
              <span>{t('lead.log.batch', { when: when(b.at), count: b.runs.length })}</span>
              {active.length > 0 && (
                <button type="button" aria-label={t('lead.log.undoBatchNamed', { count: active.length, when: when(b.at) })}
                  onClick={() => onUndo(active.map((r) => r.id))}>{t('lead.log.undoBatch')}</button>
              )}
            </div>
            <ul>
              {b.runs.map((r) => {
                const what = effect(r.effect, r.groupName);
                const who = r.contactName ?? t('lead.log.erased');
                return (
                  <li key={r.id} className={r.undone ? 'undone' : undefined}>
                    <span>{t('lead.log.what', { rule: r.ruleName ?? t('lead.log.deletedRule'), effect: what, who })}</span>
                    {r.undone ? <span className="muted">{t('lead.log.undone')}</span> : (
                      <button type="button" className="link" aria-label={t('lead.log.undoNamed', { what, who })} onClick={() => onUndo([r.id])}>
                        {t('lead.log.undo')}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
