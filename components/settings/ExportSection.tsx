import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactCount, contactsForExport } from '@/lib/db/contacts';
import { exportRow, toCsv } from '@/lib/import/export';
import { PRESETS, type PresetId } from '@/lib/import/presets';
import { Section } from '../shared/Section';
import { download, today } from '../shared/download';

/** The book as a CSV in a CRM's columns (UTF-8 with BOM, formula-like cells neutralised). */
export function ExportSection() {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<PresetId>('hubspot');
  const count = useLiveQuery(() => contactCount(), []) ?? 0;
  const id = useId();

  const run = async () => {
    const book = await contactsForExport();
    const csv = toCsv(book.map((x) => exportRow(x.contact, x.profileUrls)), undefined, { preset, bom: true });
    download(csv, `tiewise-${preset}-${today()}.csv`, 'text/csv;charset=utf-8');
  };

  return (
    <Section level={2} title={t('data.export.title')}>
      <p className="muted">{t('data.export.intro')}</p>
      <p className="row">
        <label htmlFor={id}>{t('data.export.preset')}</label>
        <select id={id} value={preset} onChange={(e) => setPreset(e.target.value as PresetId)}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          <option value="generic">{t('data.import.generic')}</option>
        </select>
        <button type="button" className="primary" disabled={!count} onClick={() => void run()}>{t('data.export.download', { count })}</button>
      </p>
      {!count && <p className="muted">{t('data.export.empty')}</p>}
    </Section>
  );
}
