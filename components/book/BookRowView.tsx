import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookGroup } from '@/lib/book/model';
import { customValue, type BookRow } from '@/lib/book/row';
import { useFormat } from '../shared/format';

interface Props {
  row: BookRow;
  index: number;
  groups: BookGroup[];
  now: number;
  selected: boolean;
  onSelect(index: number, shift: boolean): void;
  onOpen(id: string): void;
  style: CSSProperties;
  /** custom fields shown as columns, by name */
  custom?: readonly string[];
}

/** One contact's line in the book. */
export function BookRowView({ row, index, groups, now, selected, onSelect, onOpen, style, custom = [] }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div role="row" aria-rowindex={index + 2} aria-selected={selected} className={`book-row${selected ? ' is-selected' : ''}`} style={style}>
      <span role="cell" className="cell-select">
        <input
          type="checkbox"
          aria-label={t('book.selectRow', { name: row.name })}
          checked={selected}
          // React's change event on a checkbox is the click: it carries the shift key
          onChange={(e) => onSelect(index, !!(e.nativeEvent as MouseEvent).shiftKey)}
        />
      </span>
      <span role="cell" className="cell-name">
        <button type="button" className="link name-link" aria-label={t('book.open', { name: row.name })} onClick={() => onOpen(row.id)}>
          {row.name}
        </button>
      </span>
      <span role="cell" className="cell-company" title={row.company}>{row.company ?? ''}</span>
      <span role="cell" className="cell-owner" title={row.owner}>{row.owner ?? ''}</span>
      <span role="cell" className="cell-position" title={row.position}>{row.position ?? ''}</span>
      <span role="cell" className="cell-networkType">
        {row.networkType && <span className={`tag nt-${row.networkType}`}>{t(`book.networkType.${row.networkType}`)}</span>}
      </span>
      <span role="cell" className="cell-stage">{row.stage ? t(`book.stage.${row.stage}`) : ''}</span>
      <span role="cell" className="cell-tieScore num">{row.tieScore !== undefined ? row.tieScore.toFixed(2) : ''}</span>
      <span role="cell" className="cell-networks">{row.networks.map((n) => t(`book.network.${n}`)).join(', ')}</span>
      <span role="cell" className="cell-lastContactAt" title={row.lastContactAt !== undefined ? f.date(row.lastContactAt) : undefined}>
        {row.lastContactAt !== undefined ? f.ago(row.lastContactAt, now) : <span className="muted">{t('book.never')}</span>}
      </span>
      <span role="cell" className="cell-groups">
        {groups.map((g) => (
          <span key={g.id} className="chip" style={{ borderColor: g.color }}>
            <span className="dot" style={{ background: g.color }} aria-hidden="true" />
            {g.name}
          </span>
        ))}
      </span>
      {custom.map((name) => {
        const v = customValue(row, name);
        return <span key={name} role="cell" className="cell-custom" title={v}>{v ?? ''}</span>;
      })}
    </div>
  );
}
