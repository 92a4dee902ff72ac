import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewFigures } from '@/lib/db/dashboard';
import { useFormat } from '../shared/format';
import { ContactCell } from './ContactCell';
import { DataTable } from './DataTable';

/** What changed in the last 7 days: counts, then the contacts changed most recently. */
export function WeekCard({ week }: { week: OverviewFigures['week'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const items = [
    ['created', week.created], ['updated', week.updated], ['notes', week.notes],
    ['interactions', week.interactions], ['purchases', week.purchases],
  ] as const;
  return (
    <section className="lead-card" aria-labelledby={id}>
      <div className="lead-card-head"><h2 id={id}>{t('lead.overview.week')}</h2></div>
      <p className="muted lead-lead">{t('lead.overview.weekSince', { date: f.date(week.since) })}</p>
      <dl className="lead-stats">
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{t(`lead.overview.${k}`)}</dt>
            <dd>{f.number(v)}</dd>
          </div>
        ))}
      </dl>
      {week.recent.length > 0 && (
        <>
          <h3>{t('lead.overview.recent')}</h3>
          <DataTable
            caption={t('lead.overview.recent')}
            columns={[{ label: t('lead.overview.contact') }, { label: t('lead.overview.changed') }]}
            rows={week.recent.map((c) => [<ContactCell contact={c} />, f.ago(c.updatedAt)])}
          />
        </>
      )}
    </section>
  );
}
