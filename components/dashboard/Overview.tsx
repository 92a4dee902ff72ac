import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { loadOverview, loadOwners } from '@/lib/db/dashboard';
import type { OwnerFilter } from '@/lib/book/owner';
import { useFormat } from '../shared/format';
import { ChartCard } from './ChartCard';
import { ContactCell } from './ContactCell';
import { CountBarChart } from './CountBarChart';
import { useMonth } from './useMonth';
import { WeekCard } from './WeekCard';

/** The overview: the book by network type and stage, repeat buyers, referrals, conversions, groups, this week. */
export function Overview({ now }: { now?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const month = useMonth();
  const [owner, setOwner] = useState<OwnerFilter | undefined>(undefined);
  const ownerKey = !owner ? '' : 'none' in owner ? 'none' : `name:${owner.name}`;
  const owners = useLiveQuery(() => loadOwners(), []);
  const o = useLiveQuery(() => loadOverview(now ?? Date.now(), undefined, owner), [now, ownerKey]);
  const ownerId = useId();
  if (!o) return <p role="status">{t('lead.loading')}</p>;
  if (o.total === 0 && !owner) return <p className="notice">{t('lead.emptyBook')}</p>;
  // the team's owners (the book's Owner), when the book has any: every figure below is theirs
  const ownerPicker = owners && (owners.owners.length > 0 || owner) && (
    <p className="lead-owner">
      <label htmlFor={ownerId}>{t('lead.overview.owner')}</label>{' '}
      <select
        id={ownerId}
        value={ownerKey}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setOwner(v === 'none' ? { none: true } : v.startsWith('name:') ? { name: v.slice(5) } : undefined);
        }}
      >
        <option value="">{t('lead.overview.allOwners')}</option>
        {owners.owners.map((x) => <option key={x.name} value={`name:${x.name}`}>{x.name} ({f.number(x.count)})</option>)}
        <option value="none">{t('lead.overview.noOwner')} ({f.number(owners.none)})</option>
      </select>
    </p>
  );
  const totalLine = !owner
    ? t('lead.overview.contacts', { count: o.total })
    : 'none' in owner
      ? t('lead.overview.noOwnerShare', { count: o.total })
      : t('lead.overview.ownerShare', { count: o.total, owner: owner.name });

  const types = o.networkTypes.map((x) => ({ label: t(`lead.network.${x.key}`), value: x.count }));
  const stages = o.stages.map((x) => ({ label: t(`lead.stage.${x.key}`), value: x.count }));
  const refMonths = o.referrals.byMonth.map((x) => ({ label: month(x.month), value: x.count }));
  const convMonths = o.conversions.byMonth.map((x) => ({ label: month(x.month), value: x.count }));
  const repeatTop = o.repeat.list.slice(0, 10).map((r) => ({ label: r.contact?.name ?? t('lead.log.erased'), value: r.days }));
  const countCols = (first: string) => [{ label: first }, { label: t('lead.chart.value'), numeric: true }];

  return (
    <div className="lead-grid">
      {ownerPicker}
      <p className="lead-total">{totalLine}</p>
      <ChartCard
        title={t('lead.overview.byNetwork')}
        chart={<CountBarChart title={t('lead.overview.byNetwork')} data={types} />}
        columns={countCols(t('lead.overview.typeCol'))}
        rows={types.map((x) => [x.label, f.number(x.value)])}
      />
      <ChartCard
        title={t('lead.overview.byStage')}
        chart={<CountBarChart title={t('lead.overview.byStage')} data={stages} />}
        columns={countCols(t('lead.overview.stageCol'))}
        rows={stages.map((x) => [x.label, f.number(x.value)])}
      />
      <ChartCard
        title={t('lead.overview.repeat')}
        lead={t('lead.overview.repeatLead', { count: o.repeat.list.length, buyers: o.repeat.buyers })}
        chart={<CountBarChart title={t('lead.overview.repeat')} data={repeatTop} />}
        columns={[{ label: t('lead.overview.contact') }, { label: t('lead.overview.repeatDays'), numeric: true }, { label: t('lead.overview.first') }, { label: t('lead.overview.last') }]}
        rows={o.repeat.list.map((r) => [<ContactCell contact={r.contact} />, f.number(r.days), f.date(r.first), f.date(r.last)])}
      />
      <ChartCard
        title={t('lead.overview.referrals')}
        lead={t('lead.overview.referralsLead', { count: o.referrals.total })}
        chart={<CountBarChart title={t('lead.overview.referrals')} data={refMonths} horizontal={false} />}
        columns={[{ label: t('lead.overview.contact') }, { label: t('lead.overview.referralsCount'), numeric: true }, { label: t('lead.overview.lastReferral') }]}
        rows={o.referrals.list.map((r) => [<ContactCell contact={r.contact} />, f.number(r.count), f.date(r.last)])}
      />
      <ChartCard
        title={t('lead.overview.conversions')}
        lead={t('lead.overview.conversionsLead', { count: o.conversions.total })}
        chart={<CountBarChart title={t('lead.overview.conversions')} data={convMonths} horizontal={false} />}
        columns={[{ label: t('lead.overview.contact') }, { label: t('lead.overview.addedAt') }, { label: t('lead.overview.convertedAt') }]}
        rows={o.conversions.list.map((c) => [<ContactCell contact={c.contact} />, f.date(c.addedAt), f.date(c.firstPurchaseAt)])}
        note={t('lead.overview.conversionsHow', { already: o.conversions.alreadyCustomers })}
      />
      <ChartCard
        title={t('lead.overview.groups')}
        chart={o.groups.length
          ? <CountBarChart title={t('lead.overview.groups')} data={o.groups.map((g) => ({ label: g.name, value: g.size }))} />
          : <p className="muted">{t('lead.overview.noGroups')}</p>}
        columns={[{ label: t('lead.overview.group') }, { label: t('lead.overview.kind') }, { label: t('lead.overview.size'), numeric: true }]}
        rows={o.groups.map((g) => [g.name, t(g.smart ? 'lead.overview.smart' : 'lead.overview.plain'), f.number(g.size)])}
      />
      <WeekCard week={o.week} />
    </div>
  );
}
