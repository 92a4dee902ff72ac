import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BookModel } from '@/lib/book/model';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, exportCsv, exportFileName, exportJson, exportRecord, type ExportColumnId } from '@/lib/book/export';
import { contactsForExport } from '@/lib/db/book';
import { download } from '../shared/download';
import { Modal } from './Modal';

interface Props {
  model: BookModel;
  /** the contacts to export, in order */
  ids: readonly string[];
  /** what is exported: a group's name, or the current view */
  what: string;
  now: number;
  onClose(): void;
  /** imported custom fields the book shows as columns: offered, and chosen by default */
  custom?: readonly string[];
}

/** Export a group or the current view: choose the columns and the format, then download. */
export function ExportDialog({ model, ids, what, now, onClose, custom = [] }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [cols, setCols] = useState<ExportColumnId[]>(DEFAULT_EXPORT_COLUMNS);
  const [format, setFormat] = useState<'csv' | 'json'>('csv');
  const [customCols, setCustomCols] = useState<string[]>([...custom]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const toggle = (c: ExportColumnId, on: boolean) => setCols((cur) => EXPORT_COLUMNS.filter((x) => (x === c ? on : cur.includes(x))));
  const run = async () => {
    setBusy(true);
    try {
      const contacts = await contactsForExport(ids);
      const names = new Map(model.groups.map((g) => [g.id, g.name]));
      const records = contacts.map((c) => {
        const row = model.row(c.id);
        const groupNames = row ? model.groupsOf(row, now).map((g) => names.get(g.id) ?? g.id) : [];
        return exportRecord(c, row, groupNames, cols, customCols);
      });
      const file = exportFileName(what, format, now);
      if (format === 'csv') download(exportCsv(records, cols, customCols), file, 'text/csv;charset=utf-8');
      else download(exportJson(records), file, 'application/json');
      setDone(file);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <h2 id={titleId}>{t('book.export.title', { what })}</h2>
      <fieldset className="export-cols">
        <legend>{t('book.export.columns')}</legend>
        {EXPORT_COLUMNS.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={cols.includes(c)} onChange={(e) => toggle(c, e.currentTarget.checked)} />
            <span>{t(`book.export.cols.${c}`)}</span>
          </label>
        ))}
        {custom.map((name) => (
          <label key={`custom:${name}`} className="check">
            <input
              type="checkbox"
              checked={customCols.includes(name)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setCustomCols((cur) => custom.filter((x) => (x === name ? on : cur.includes(x))));
              }}
            />
            <span>{name}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="export-format">
        <legend>{t('book.export.format')}</legend>
        {(['csv', 'json'] as const).map((f) => (
          <label key={f} className="check">
            <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
            <span>{t(`book.export.${f}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="row-actions">
        <button type="button" className="primary" disabled={busy || !(cols.length + customCols.length) || !ids.length} onClick={() => void run()}>
          {t('book.export.go', { count: ids.length })}
        </button>
        <button type="button" onClick={onClose}>{t('book.export.close')}</button>
      </div>
      {done && <p role="status" className="muted">{t('book.export.done', { file: done })}</p>}
    </Modal>
  );
}
