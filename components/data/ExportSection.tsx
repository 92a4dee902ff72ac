import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '@/lib/db/database';
import { exportRow } from '@/lib/import/apply';
import { toCsv } from '@/lib/import/export';
import { PRESETS, type PresetId } from '@/lib/import/presets';
import { Section } from '../Section';
import { download, today } from '../download';

/** The book as a CSV in a CRM's columns (UTF-8 with BOM, formula-like cells neutralised). */
export function ExportSection() {
  const { t } = useTranslation();
  const [preset, setPreset] = useState<PresetId>('hubspot');
  const count = useLiveQuery(() => db().contacts.count(), []) ?? 0;
  const id = useId();

  const run = async () => {
    const d = db();
    const [contacts, profiles] = await d.transaction('r', d.contacts, d.profiles, () => Promise.all([d.contacts.orderBy('name').toArray(), d.profiles.toArray()]));
    const urls = new Map<string, string[]>();
    for (const p of profiles) urls.set(p.contactId, [...(urls.get(p.contactId) ?? []), p.url]);
    const csv = toCsv(contacts.map((c) => exportRow(c, urls.get(c.id) ?? [])), undefined, { preset, bom: true });
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
