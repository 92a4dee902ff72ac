import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookGroup } from '@/lib/book/model';

interface Props {
  selected: number;
  matching: number;
  groups: readonly BookGroup[];
  onSelectAll(): void;
  onClear(): void;
  onAdd(groupId: string): void;
  onRemove(groupId: string): void;
}

/** What to do with the selection: add it to or remove it from a group; widen it to every match. */
export function BulkBar({ selected, matching, groups, onSelectAll, onClear, onAdd, onRemove }: Props) {
  const { t } = useTranslation();
  const plain = groups.filter((g) => !g.rule);
  const [groupId, setGroupId] = useState('');
  const target = plain.some((g) => g.id === groupId) ? groupId : '';
  return (
    <div className="bulk" role="region" aria-label={t('book.bulk.selected', { count: selected })}>
      <strong>{t('book.bulk.selected', { count: selected })}</strong>
      {selected < matching && <button type="button" onClick={onSelectAll}>{t('book.bulk.selectAll', { count: matching })}</button>}
      <button type="button" onClick={onClear}>{t('book.bulk.clear')}</button>
      <label>
        <span className="sr-only">{t('book.bulk.group')}</span>
        <select value={target} onChange={(e) => setGroupId(e.currentTarget.value)} aria-label={t('book.bulk.group')}>
          <option value="">{t('book.bulk.choose')}</option>
          {plain.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      <button type="button" className="primary" disabled={!target} onClick={() => onAdd(target)}>{t('book.bulk.add')}</button>
      <button type="button" disabled={!target} onClick={() => onRemove(target)}>{t('book.bulk.remove')}</button>
      {groups.length > plain.length && <span className="muted small-note">{t('book.bulk.smartNote')}</span>}
    </div>
  );
}
