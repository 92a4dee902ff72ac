import { useTranslation } from 'react-i18next';
import type { Deal } from '@/lib/domain/entities';
import { Section } from '../shared/Section';
import { SourceLine } from '../shared/SourceLine';
import { useFormat } from '../shared/format';

/** Deals and leads from CRM exports: stage (the CRM's words), outcome, amount, product, owner; a won one marked. */
export function DealsSection({ deals }: { deals: Deal[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Section title={t('deals.title')} extra={deals.length ? t('deals.count', { count: deals.length }) : undefined}>
      {deals.length === 0 ? (
        <p className="muted">{t('deals.none')}</p>
      ) : (
        <ul className="deals">
          {deals.slice(0, 50).map((d) => (
            <li key={d.id} className={`deal deal-${d.status}`} aria-label={`${t(`deals.kind.${d.kind}`)}: ${d.title ?? d.product ?? t('deals.untitled')}`}>
              <p className="deal-head">
                <span className="deal-kind">{t(`deals.kind.${d.kind}`)}</span>{' '}
                <strong className="deal-title">{d.title ?? d.product ?? t('deals.untitled')}</strong>{' '}
                <span className={`deal-status badge status-${d.status}`}>
                  {d.status === 'won' ? '✓ ' : ''}{t(`deals.status.${d.status}`)}
                </span>
              </p>
              <dl className="facts">
                {d.stage && <><dt>{t('deals.stage')}</dt><dd>{d.stage}</dd></>}
                {d.amount !== undefined && <><dt>{t('deals.amount')}</dt><dd>{d.currency ? f.money(d.amount, d.currency) : f.number(d.amount)}</dd></>}
                {d.product && <><dt>{t('deals.product')}</dt><dd>{d.product}</dd></>}
                {d.owner && <><dt>{t('deals.owner')}</dt><dd>{d.owner}</dd></>}
                {d.openedAt !== undefined && <><dt>{t('deals.opened')}</dt><dd>{f.date(d.openedAt)}</dd></>}
                {d.closedAt !== undefined && <><dt>{t('deals.closed')}</dt><dd>{f.date(d.closedAt)}{d.purchaseId ? ` — ${t('deals.purchase')}` : ''}</dd></>}
              </dl>
              {d.custom?.length ? (
                <details>
                  <summary>{t('deals.more')}</summary>
                  <dl className="facts">
                    {d.custom.map((x, i) => <div key={i}><dt>{x.name}</dt><dd>{x.value}</dd></div>)}
                  </dl>
                </details>
              ) : null}
              <SourceLine source={d.source} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
