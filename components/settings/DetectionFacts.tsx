import { useTranslation } from 'react-i18next';
import type { FilePreview } from '@/lib/import/read';
import { presetById } from '@/lib/import/presets';

const DELIMITERS = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/** What detection found in a file: format, contents, columns, encoding, separator, header line. */
export function DetectionFacts({ fileName, preview }: { fileName: string; preview: FilePreview }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [];
  if (preview.format === 'json') {
    rows.push([t('data.import.format'), 'JSON'], [t('data.import.kind'), t('data.import.kinds.json')]);
  } else if (preview.format === 'vcard') {
    rows.push([t('data.import.format'), 'vCard'], [t('data.import.kind'), t('data.import.kinds.contacts')]);
  } else if (preview.format === 'xlsx' || preview.format === 'xls-html' || preview.format === 'xml') {
    const enc = preview.info.encoding.toUpperCase();
    rows.push(
      [t('data.import.format'), t(preview.format === 'xlsx' ? 'data.import.formats.xlsx' : preview.format === 'xml' ? 'data.import.formats.xml' : 'data.import.formats.xlsHtml')],
      [t('data.import.sheet'), preview.info.sheet ?? ''],
      ...(preview.judgement.sure ? [[t('data.import.kind'), t(`data.import.kinds.${preview.kind}`)] as [string, string]] : []),
      ...(preview.kind === 'contacts' || preview.kind === 'leads' || preview.kind === 'deals' ? [[t('data.import.preset'), presetLabel(preview.preset) ?? t('data.import.generic')] as [string, string]] : []),
      // a workbook has no encoding of its own to speak of; an HTML page has one
      ...(preview.format !== 'xlsx' ? [[t('data.import.encoding'), preview.info.bom ? t('data.import.withBom', { encoding: enc }) : enc] as [string, string]] : []),
      [t('data.import.headerRow'), String(preview.info.headerLine)],
    );
  } else {
    const enc = preview.info.encoding.toUpperCase();
    rows.push(
      [t('data.import.format'), 'CSV'],
      // when unsure, the kind is asked below (KindChoice), not stated here
      ...(preview.judgement.sure ? [[t('data.import.kind'), t(`data.import.kinds.${preview.kind}`)] as [string, string]] : []),
      ...(preview.kind === 'contacts' || preview.kind === 'leads' || preview.kind === 'deals' ? [[t('data.import.preset'), presetLabel(preview.preset) ?? t('data.import.generic')] as [string, string]] : []),
      [t('data.import.encoding'), preview.info.bom ? t('data.import.withBom', { encoding: enc }) : enc],
      [t('data.import.delimiter'), t(`data.import.delimiters.${DELIMITERS[preview.info.delimiter]}`)],
      [t('data.import.headerLine'), String(preview.info.headerLine)],
    );
  }
  return (
    <div className="detected">
      <h3>{t('data.import.detected', { name: fileName })}</h3>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function presetLabel(id: string): string | undefined {
  return id === 'generic' ? undefined : presetById(id as Parameters<typeof presetById>[0])?.label;
}
