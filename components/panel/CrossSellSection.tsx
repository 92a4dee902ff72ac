import { useTranslation } from 'react-i18next';
import type { CrossSell } from '@/lib/db/crosssell';
import { Section } from '../shared/Section';

/**
 * Products the customer does not own yet, ranked, each with its reason. The card
 * reads them (ContactCard), from its first render, beside the record.
 */
export function CrossSellSection({ data }: { data: CrossSell | undefined }) {
  const { t, i18n } = useTranslation();
  if (!data) return null;
  const name = (id: string) => data.products.get(id)?.name ?? id;
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const num = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <Section title={t('sell.title')}>
      {data.suggestions.length === 0 ? (
        <p className="muted">{t('sell.none')}</p>
      ) : (
        <ol className="suggestions">
          {data.suggestions.map((s) => (
            <li key={s.productId}>
              <strong>{name(s.productId)}</strong>
              <ul className="small muted">
                {s.reasons.map((r, i) => (
                  <li key={i}>
                    {r.code === 'bought-together'
                      ? t('sell.bought-together', { product: name(r.detail.fromProductId), confidence: pct.format(r.detail.confidence), lift: num.format(r.detail.lift) })
                      : t(`sell.${r.code}`, { product: name(r.detail.fromProductId) })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
