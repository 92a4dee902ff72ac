import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { customSortKey, type BookModel, type SortDir, type SortKey } from '@/lib/book/model';
import { BookRowView } from './BookRowView';

export const COLUMNS: readonly SortKey[] = ['name', 'company', 'owner', 'position', 'networkType', 'stage', 'tieScore', 'networks', 'lastContactAt', 'groups'];
const ROW_HEIGHT = 38;
/** book.css's .book-row columns, for a row that also shows custom fields */
const BASE_GRID = '22px minmax(140px, 1.5fr) minmax(110px, 1.2fr) minmax(100px, 1fr) minmax(100px, 1.1fr) 140px 120px 40px 100px 96px minmax(120px, 1.4fr)';
const CUSTOM_WIDTH = 130;

interface Props {
  model: BookModel;
  /** the current list, kept by the page outside React state */
  ids: readonly string[];
  version: number;
  now: number;
  sort: SortKey | 'relevance';
  dir: SortDir;
  onSort(col: SortKey): void;
  selected: ReadonlySet<string>;
  onSelect(index: number, shift: boolean): void;
  onSelectShown(on: boolean): void;
  onOpen(id: string): void;
  /** imported custom fields shown as columns, by name, after the built-in ones */
  custom?: readonly string[];
}

/** The book as a table whose rows are virtualised: only the rows on screen exist. */
export function BookTable({ model, ids, version, now, sort, dir, onSort, selected, onSelect, onSelectShown, onOpen, custom = [] }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1000, height: 700 },
    getItemKey: (i) => ids[i] ?? i,
  });
  const grid = custom.length
    ? { gridTemplateColumns: `${BASE_GRID}${` minmax(${CUSTOM_WIDTH}px, 1fr)`.repeat(custom.length)}`, minWidth: 1170 + custom.length * (CUSTOM_WIDTH + 8) }
    : undefined;
  const allOn = ids.length > 0 && selected.size >= ids.length && ids.every((id) => selected.has(id));
  return (
    <div className="book-table" role="table" aria-rowcount={ids.length + 1} aria-label={t('book.title')} data-version={version}>
      <div className="book-row book-head" role="row" aria-rowindex={1} style={grid}>
        <span role="columnheader" className="cell-select">
          <input
            type="checkbox"
            aria-label={t('book.selectShown')}
            checked={allOn}
            onChange={(e) => onSelectShown(e.currentTarget.checked)}
          />
        </span>
        {COLUMNS.map((c) => (
          <span
            key={c}
            role="columnheader"
            className={`cell-${c}`}
            aria-sort={sort === c ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
          >
            <button type="button" className="sort" aria-label={t('book.col.sortBy', { col: t(`book.col.${c}`) })} onClick={() => onSort(c)}>
              {t(`book.col.${c}`)}
              <span aria-hidden="true" className="sort-mark">{sort === c ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
            </button>
          </span>
        ))}
        {custom.map((name) => {
          const key = customSortKey(name);
          return (
            <span key={key} role="columnheader" className="cell-custom" title={name} aria-sort={sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort" aria-label={t('book.col.sortBy', { col: name })} onClick={() => onSort(key)}>
                {name}
                <span aria-hidden="true" className="sort-mark">{sort === key ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
              </button>
            </span>
          );
        })}
      </div>
      <div className="book-scroll" ref={scroller} role="rowgroup">
        <div style={{ height: v.getTotalSize(), position: 'relative', ...(grid ? { minWidth: grid.minWidth } : {}) }}>
          {v.getVirtualItems().map((item) => {
            const id = ids[item.index];
            const row = id ? model.row(id) : undefined;
            if (!row) return null;
            return (
              <BookRowView
                key={item.key}
                row={row}
                index={item.index}
                groups={model.groupsOf(row, now)}
                now={now}
                selected={selected.has(id)}
                onSelect={onSelect}
                onOpen={onOpen}
                custom={custom}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, ...grid }}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
