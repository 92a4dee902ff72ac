import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookGroup } from '@/lib/book/model';
import { createGroup, GROUP_COLORS } from '@/lib/db/groups';
import { GroupItem } from './GroupItem';
import { Sep } from './Sep';

interface Props {
  groups: readonly BookGroup[];
  counts: ReadonlyMap<string, number>;
  total: number;
  activeId?: string;
  onOpen(id: string | undefined): void;
  onNewSmart(): void;
  onEditRule(id: string): void;
  onDelete(id: string): void;
  onExport(id: string): void;
}

/** The sidebar: all contacts, every group with its count, and new groups. */
export function GroupList({ groups, counts, total, activeId, onOpen, onNewSmart, onEditRule, onDelete, onExport }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <nav className="groups" aria-label={t('book.groups.title')}>
      <button type="button" className={`group-open all${activeId ? '' : ' is-active'}`} aria-current={activeId ? undefined : 'true'} onClick={() => onOpen(undefined)}>
        <span className="group-name">{t('book.all')}<Sep /></span>
        <span className="count">{t('book.groups.count', { count: total })}</span>
      </button>
      <h2>{t('book.groups.title')}</h2>
      {groups.length === 0 && <p className="muted">{t('book.groups.none')}</p>}
      <ul>
        {groups.map((g) => (
          <GroupItem
            key={g.id}
            group={g}
            count={counts.get(g.id) ?? 0}
            active={g.id === activeId}
            onOpen={onOpen}
            onEditRule={onEditRule}
            onDelete={onDelete}
            onExport={onExport}
          />
        ))}
      </ul>
      <form
        className="new-group"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void createGroup({ name, color: GROUP_COLORS[groups.length % GROUP_COLORS.length] }).then(() => setName(''));
        }}
      >
        <input aria-label={t('book.groups.newName')} placeholder={t('book.groups.newName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <button type="submit" disabled={!name.trim()}>{t('book.groups.create')}</button>
      </form>
      <button type="button" onClick={onNewSmart}>{t('book.groups.newSmart')}</button>
    </nav>
  );
}
