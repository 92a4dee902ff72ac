import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Purchase } from '@/lib/domain/entities';
import { productsByIds } from '@/lib/db/products';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';
import { ByLine } from './ByLine';

/** Purchases: product, date, quantity, amount; totals, last purchase, what they use. */
export function PurchasesSection({ purchases }: { purchases: Purchase[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ids = [...new Set(purchases.map((p) => p.productId))];
  const products = useLiveQuery(() => productsByIds(ids), [ids.join()]);
  // until the products are read a name is blank, never the raw product id a user would
  // take for its name; an id with no product stored is all there is to show
  const name = (id: string) => (products === undefined ? '' : (products.find((p) => p?.id === id)?.name ?? id));
  // who wrote each purchase, when the team book is on and any says so
  const byShown = purchases.slice(0, 50).some((p) => p.source.by);
  const totals = new Map<string, number>();
  for (const p of purchases) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.amount);
  return (
    <Section title={t('purchases.title')} extra={purchases.length ? t('purchases.count', { count: purchases.length }) : undefined}>
      {purchases.length === 0 ? (
        <p className="muted">{t('purchases.none')}</p>
      ) : (
        <>
          <dl className="facts">
            <dt>{t('purchases.total')}</dt>
            <dd>{[...totals].map(([cur, sum]) => f.money(sum, cur)).join(' + ')}</dd>
            <dt>{t('purchases.last')}</dt>
            <dd>{f.date(purchases[0].at)}</dd>
            <dt>{t('purchases.uses')}</dt>
            <dd>{products === undefined ? '' : ids.map(name).join(', ')}</dd>
          </dl>
          <table className="purchases" aria-busy={products === undefined || undefined}>
            <thead>
              <tr>
                <th scope="col">{t('purchases.product')}</th>
                <th scope="col">{t('purchases.date')}</th>
                <th scope="col" className="num">{t('purchases.qty')}</th>
                <th scope="col" className="num">{t('purchases.amount')}</th>
                {byShown && <th scope="col">{t('team.byCol')}</th>}
              </tr>
            </thead>
            <tbody>
              {purchases.slice(0, 50).map((p) => (
                <tr key={p.id}>
                  <td>{name(p.productId)}</td>
                  <td>{f.date(p.at)}</td>
                  <td className="num">{f.number(p.quantity)}</td>
                  <td className="num">{f.money(p.amount, p.currency)}</td>
                  {byShown && <td><ByLine source={p.source} /></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
