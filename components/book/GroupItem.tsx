import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookGroup } from '@/lib/book/model';
import { renameGroup, setGroupColor } from '@/lib/db/groups';
import { Sep } from './Sep';

interface Props {
  group: BookGroup;
  count: number;
  active: boolean;
  onOpen(id: string): void;
  onEditRule(id: string): void;
  onDelete(id: string): void;
  onExport(id: string): void;
}

/** One group in the sidebar: open it as a filtered book; rename, colour, rule, export, delete. */
export function GroupItem({ group, count, active, onOpen, onEditRule, onDelete, onExport }: Props) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(group.name);
  return (
    <li className={`group${active ? ' is-active' : ''}`}>
      {renaming ? (
        <form
          className="group-rename"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            void renameGroup(group.id, name).then(() => setRenaming(false));
          }}
        >
          <input aria-label={t('book.groups.renameLabel', { name: group.name })} value={name} autoFocus onChange={(e) => setName(e.currentTarget.value)} />
          <button type="submit">{t('book.groups.save')}</button>
          <button type="button" onClick={() => setRenaming(false)}>{t('book.groups.cancel')}</button>
        </form>
      ) : (
        <button type="button" className="group-open" aria-current={active ? 'true' : undefined} onClick={() => onOpen(group.id)}>
          {/* the name is the visible text (label-content-name-mismatch); it wraps rather than being cut */}
          <span className="group-name">
            <span className="dot" style={{ background: group.color }} aria-hidden="true" />
            {group.name}
            <Sep />
          </span>
          {group.rule && <span className="badge">{t('book.groups.smart')}<Sep /></span>}
          <span className="count">{t('book.groups.count', { count })}</span>
        </button>
      )}
      <div className="group-actions" role="group" aria-label={t('book.groups.actions', { name: group.name })}>
        <input
          type="color"
          aria-label={t('book.groups.color', { name: group.name })}
          value={group.color}
          onChange={(e) => void setGroupColor(group.id, e.currentTarget.value)}
        />
        <button type="button" className="small" onClick={() => { setName(group.name); setRenaming(true); }}>{t('book.groups.rename')}</button>
        {group.rule && <button type="button" className="small" onClick={() => onEditRule(group.id)}>{t('book.groups.editRule')}</button>}
        <button type="button" className="small" aria-label={t('book.groups.exportLabel', { name: group.name })} onClick={() => onExport(group.id)}>{t('book.groups.export')}</button>
        <button type="button" className="small danger" aria-label={t('book.groups.deleteLabel', { name: group.name })} onClick={() => onDelete(group.id)}>{t('book.groups.delete')}</button>
      </div>
    </li>
  );
}
