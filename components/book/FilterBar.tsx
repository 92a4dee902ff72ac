import { useTranslation } from 'react-i18next';
import { NETWORK_TYPES, Stage, type NetworkType, type Product } from '@/lib/domain/entities';
import type { BookFilter } from '@/lib/book/filter';
import { isEmptyFilter } from '@/lib/book/filter';
import type { BookGroup } from '@/lib/book/model';
import type { OwnerCount, OwnerFilter } from '@/lib/book/owner';
import { TIE_STATES } from '@/lib/model/network';

interface Props {
  filter: BookFilter;
  onChange(f: BookFilter): void;
  groups: readonly BookGroup[];
  products: readonly Product[];
  onSaveAsSmart(): void;
  /** the Owner filter's choices: every owner in the book, and how many contacts have none */
  owners?: { owners: readonly OwnerCount[]; none: number };
}

const NO_OWNER = 'none';
const ownerValue = (f?: OwnerFilter) => (!f ? '' : 'none' in f ? NO_OWNER : `name:${f.name}`);
const toOwnerFilter = (v: string): OwnerFilter | undefined => (v === NO_OWNER ? { none: true } : v.startsWith('name:') ? { name: v.slice(5) } : undefined);

const num = (s: string): number | undefined => (s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Math.max(0, Math.floor(Number(s))));

/** The filters over the book: each one narrows the list; together they can be saved as a smart group. */
export function FilterBar({ filter, onChange, groups, products, onSaveAsSmart, owners }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<BookFilter>) => onChange({ ...filter, ...patch });
  const empty = isEmptyFilter(filter);
  return (
    <fieldset className="filters">
      <legend className="sr-only">{t('book.filter.title')}</legend>
      <label>
        <span>{t('book.filter.networkType')}</span>
        <select
          value={filter.networkTypes?.[0] ?? ''}
          onChange={(e) => set({ networkTypes: e.currentTarget.value ? [e.currentTarget.value as NetworkType] : undefined })}
        >
          <option value="">{t('book.filter.any')}</option>
          {NETWORK_TYPES.map((n) => <option key={n} value={n}>{t(`book.networkType.${n}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('book.filter.stage')}</span>
        <select
          value={filter.stages?.[0] ?? ''}
          onChange={(e) => set({ stages: e.currentTarget.value ? [e.currentTarget.value as Stage] : undefined })}
        >
          <option value="">{t('book.filter.any')}</option>
          {Stage.options.map((s) => <option key={s} value={s}>{t(`book.stage.${s}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('deals.book.state')}</span>
        <select
          value={filter.states?.[0] ?? ''}
          onChange={(e) => set({ states: e.currentTarget.value ? [e.currentTarget.value] : undefined })}
        >
          <option value="">{t('book.filter.any')}</option>
          {TIE_STATES.map((s) => <option key={s} value={s}>{t(`book.state.${s}`)}</option>)}
        </select>
      </label>
      <label>
        <span>{t('book.filter.group')}</span>
        <select value={filter.groupId ?? ''} onChange={(e) => set({ groupId: e.currentTarget.value || undefined })}>
          <option value="">{t('book.filter.any')}</option>
          {groups.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      <label>
        <span>{t('book.filter.company')}</span>
        <input type="text" value={filter.company ?? ''} onChange={(e) => set({ company: e.currentTarget.value || undefined })} />
      </label>
      <label>
        <span>{t('book.filter.city')}</span>
        <input type="text" value={filter.city ?? ''} onChange={(e) => set({ city: e.currentTarget.value || undefined })} />
      </label>
      <label>
        <span>{t('book.filter.product')}</span>
        <select value={filter.productId ?? ''} onChange={(e) => set({ productId: e.currentTarget.value || undefined })}>
          <option value="">{t('book.filter.any')}</option>
          {products.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>
        <span>{t('book.filter.minDays')}</span>
        <input type="number" min={0} inputMode="numeric" value={filter.minDaysSinceContact ?? ''} onChange={(e) => set({ minDaysSinceContact: num(e.currentTarget.value) })} />
      </label>
      <label>
        <span>{t('book.filter.maxDays')}</span>
        <input type="number" min={0} inputMode="numeric" value={filter.maxDaysSinceContact ?? ''} onChange={(e) => set({ maxDaysSinceContact: num(e.currentTarget.value) })} />
      </label>
      {owners && (owners.owners.length > 0 || filter.owner) && (
        <label>
          <span>{t('book.filter.owner')}</span>
          <select value={ownerValue(filter.owner)} onChange={(e) => set({ owner: toOwnerFilter(e.currentTarget.value) })}>
            <option value="">{t('book.filter.any')}</option>
            {owners.owners.map((o) => <option key={o.name} value={`name:${o.name}`}>{o.name} ({o.count})</option>)}
            <option value={NO_OWNER}>{t('book.filter.noOwner')} ({owners.none})</option>
          </select>
        </label>
      )}
      <div className="filter-actions">
        <button type="button" disabled={empty} onClick={() => onChange({})}>{t('book.filter.clear')}</button>
        <button type="button" disabled={empty} onClick={onSaveAsSmart}>{t('book.filter.saveAsSmart')}</button>
      </div>
    </fieldset>
  );
}
