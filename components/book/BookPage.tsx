import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SortKey, SortDir } from '@/lib/book/model';
import { filterToCondition, type BookFilter } from '@/lib/book/filter';
import { clickRow, emptySelection, selectAll, type Selection } from '@/lib/book/selection';
import { listProducts } from '@/lib/db/book';
import { getCustomColumns, setCustomColumns } from '@/lib/db/book-columns';
import { addMembers, deleteGroup, removeMembers, restoreGroup } from '@/lib/db/groups';
import type { Condition } from '@/lib/domain/entities';
import { useFormat } from '../shared/format';
import { BookTable } from './BookTable';
import { BulkBar } from './BulkBar';
import { CustomColumns } from './CustomColumns';
import { ExportDialog } from './ExportDialog';
import { FilterBar } from './FilterBar';
import { GroupList } from './GroupList';
import { Notice, type NoticeState } from './Notice';
import { RecordPane } from './RecordPane';
import { SmartGroupDialog } from './SmartGroupDialog';
import { useBook } from './useBook';
import { WrongMergeBanner } from './WrongMergeBanner';

type Dialog =
  | { kind: 'smart'; groupId?: string; rule?: Condition }
  | { kind: 'export'; groupId?: string };

/** The whole book: groups on the left, search, filters and the virtualised list, a record beside it. */
export function BookPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { model, ready, version, error } = useBook(i18n.language);
  const products = useLiveQuery(() => listProducts(), [], []);
  const customShown = useLiveQuery(() => getCustomColumns(), [], [] as string[]);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [filter, setFilter] = useState<BookFilter>({});
  const [sort, setSort] = useState<SortKey | 'relevance'>('name');
  const [dir, setDir] = useState<SortDir>('asc');
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const [opened, setOpened] = useState<string | null>(null);
  // what opened the record (a row's name button), to take focus back to on close
  const opener = useRef<HTMLElement | null>(null);
  const restoreFocus = useRef(false);
  const listRef = useRef<HTMLElement>(null);
  const open = useCallback((id: string) => {
    if (document.activeElement instanceof HTMLElement && !document.activeElement.closest('.record')) opener.current = document.activeElement;
    setOpened(id);
  }, []);
  const closeRecord = useCallback(() => {
    restoreFocus.current = true;
    setOpened(null);
  }, []);
  /** The skip link's target: the first row shown, or the list itself when there is none. */
  const focusList = useCallback(() => {
    const main = listRef.current;
    const first = main?.querySelector<HTMLElement>('.book-scroll [role=row] .name-link');
    (first ?? main)?.focus();
  }, []);
  useEffect(() => {
    if (opened || !restoreFocus.current) return;
    restoreFocus.current = false;
    if (opener.current?.isConnected) opener.current.focus();
    else focusList();
  }, [opened, focusList]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const dismiss = useCallback(() => setNotice(null), []);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const now = useMemo(() => Date.now(), [version]);
  const groupRule = filter.groupId ? model.group(filter.groupId)?.rule : undefined;
  const condition = useMemo(() => filterToCondition(filter, groupRule), [filter, groupRule]);
  const effectiveSort = deferredSearch.trim() && sort === 'name' && dir === 'asc' ? 'relevance' : sort;
  // the list is ids only; rows stay in the model
  const ids = useMemo(
    () => (ready ? model.query({ search: deferredSearch, condition, sort: effectiveSort, dir, now }) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready, version, deferredSearch, condition, effectiveSort, dir, now, model],
  );
  // a search while the index is still being built answers from what is indexed so far
  // (the model is heard again when the build is done, and the answer completes)
  const partial = ready && deferredSearch.trim() ? model.indexing : null;
  const counts = ready ? model.groupCounts(now) : new Map<string, number>();
  const activeGroup = filter.groupId ? model.group(filter.groupId) : undefined;

  const onSort = (c: SortKey) => {
    if (sort === c) setDir(dir === 'asc' ? 'desc' : 'asc');
    else {
      setSort(c);
      setDir(c === 'tieScore' || c === 'lastContactAt' ? 'desc' : 'asc');
    }
  };

  const onDelete = async (id: string) => {
    const deleted = await deleteGroup(id);
    if (!deleted) return;
    if (filter.groupId === id) setFilter({ ...filter, groupId: undefined });
    setNotice({ text: t('book.groups.deleted', { name: deleted.group.name }), undo: () => void restoreGroup(deleted) });
  };

  const bulk = async (groupId: string, add: boolean) => {
    const g = model.group(groupId);
    if (!g) return;
    const list = [...selection.ids];
    const n = add ? await addMembers(groupId, list) : await removeMembers(groupId, list);
    setNotice({
      text: t(add ? 'book.bulk.added' : 'book.bulk.removed', { count: n, group: g.name }),
      undo: () => void (add ? removeMembers(groupId, list) : addMembers(groupId, list)),
    });
  };

  const exportIds = dialog?.kind === 'export' && dialog.groupId
    ? model.query({ condition: model.groupCondition(dialog.groupId), now })
    : ids;

  return (
    <div className={`book${opened ? ' with-record' : ''}`}>
      <a
        href="#book-list"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          focusList();
        }}
      >
        {t('book.skipToList')}
      </a>
      <header className="book-top">
        <h1 className="brand">{t('app.name')} · {t('book.title')}</h1>
        <label className="book-search">
          <span className="sr-only">{t('book.search.label')}</span>
          <input
            type="search"
            aria-label={t('book.search.label')}
            placeholder={t('book.search.placeholder')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
        </label>
        <span className="shown" role="status" aria-live="polite">
          {activeGroup ? `${activeGroup.name}: ` : ''}{t('book.shown', { count: ids.length })}
          {partial ? ` · ${t('book.search.partial', { indexed: fmt.number(partial.indexed), total: fmt.number(partial.total) })}` : ''}
        </span>
        <button type="button" onClick={() => setDialog({ kind: 'export' })} disabled={!ids.length}>{t('book.export.button')}</button>
      </header>
      <GroupList
        groups={model.groups}
        counts={counts}
        total={model.size}
        activeId={filter.groupId}
        onOpen={(id) => {
          setFilter({ ...filter, groupId: id });
          setSelection(emptySelection());
        }}
        onNewSmart={() => setDialog({ kind: 'smart' })}
        onEditRule={(id) => setDialog({ kind: 'smart', groupId: id })}
        onDelete={(id) => void onDelete(id)}
        onExport={(id) => setDialog({ kind: 'export', groupId: id })}
      />
      <main className="book-main" id="book-list" ref={listRef} tabIndex={-1}>
        <FilterBar
          filter={filter}
          onChange={(f) => {
            setFilter(f);
            setSelection(emptySelection());
          }}
          groups={model.groups}
          products={products}
          onSaveAsSmart={() => setDialog({ kind: 'smart', rule: condition })}
          owners={ready ? model.owners() : undefined}
        />
        {ready && (
          <CustomColumns
            names={model.customNames()}
            shown={customShown}
            onChange={(next) => {
              if (sort.startsWith('custom:') && !next.includes(sort.slice('custom:'.length))) setSort('name');
              void setCustomColumns(next);
            }}
          />
        )}
        {selection.ids.size > 0 && (
          <BulkBar
            selected={selection.ids.size}
            matching={ids.length}
            groups={model.groups}
            onSelectAll={() => setSelection(selectAll(ids))}
            onClear={() => setSelection(emptySelection())}
            onAdd={(g) => void bulk(g, true)}
            onRemove={(g) => void bulk(g, false)}
          />
        )}
        {dialog?.kind === 'smart' && (
          <SmartGroupDialog
            key={dialog.groupId ?? 'new'}
            model={model}
            now={now}
            products={products}
            group={dialog.groupId ? model.group(dialog.groupId) : undefined}
            rule={dialog.rule}
            onDone={(id) => {
              setDialog(null);
              if (id) setFilter({ groupId: id });
            }}
          />
        )}
        {dialog?.kind === 'export' && (
          <ExportDialog
            key={dialog.groupId ?? 'view'}
            model={model}
            ids={exportIds}
            custom={customShown}
            what={dialog.groupId ? model.group(dialog.groupId)?.name ?? '' : t('book.export.view')}
            now={now}
            onClose={() => setDialog(null)}
          />
        )}
        {error && <p role="alert" className="notice notice-error">{t('book.error', { message: error.message })}</p>}
        {ready && <WrongMergeBanner model={model} onOpen={open} />}
        {!ready ? (
          <p className="muted" aria-busy="true">{t('book.loading')}</p>
        ) : model.size === 0 ? (
          <p className="notice">{t('book.empty')}</p>
        ) : (
          <>
            <BookTable
              model={model}
              ids={ids}
              version={version}
              now={now}
              sort={effectiveSort}
              dir={dir}
              onSort={onSort}
              selected={selection.ids}
              onSelect={(index, shift) => setSelection((s) => clickRow(s, ids, index, shift))}
              onSelectShown={(on) => setSelection(on ? selectAll(ids) : emptySelection())}
              onOpen={open}
              custom={customShown}
            />
            {ids.length === 0 && <p className="muted">{t('book.noMatch')}</p>}
          </>
        )}
      </main>
      {opened && <RecordPane contactId={opened} onClose={closeRecord} />}
      {notice && <Notice notice={notice} onDismiss={dismiss} />}
    </div>
  );
}
