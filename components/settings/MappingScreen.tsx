import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_FIELDS, type ColumnMapping, type ContactField } from '@/lib/import/fields';
import { applyMapping } from '@/lib/import/mapping';

const NAMES: ContactField[] = ['name', 'firstName', 'lastName', 'email'];

/** Whether a mapping lets rows name someone (a name or an e-mail column). */
export function mappingNamesSomeone(mapping: ColumnMapping): boolean {
  return mapping.some((f) => f !== null && NAMES.includes(f));
}

/**
 * The mapping screen: for each column of the file, the field it feeds (a select),
 * with the column's first values beside it, and the first rows as they will be
 * imported. Everything from the file is shown as text.
 */
export function MappingScreen({ headers, sample, mapping, presetLabel, onChange }: {
  headers: string[];
  sample: string[][];
  mapping: ColumnMapping;
  /** the recognised export's name; undefined when the columns are the user's own */
  presetLabel?: string;
  onChange(next: ColumnMapping): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const set = (i: number, value: string) => {
    const next = [...mapping];
    next[i] = value === '' ? null : (value as ContactField);
    onChange(next);
  };
  const mapped = sample.slice(0, 5).map((row) => applyMapping(headers, mapping, row));
  return (
    <section aria-labelledby={titleId} className="mapping">
      <h3 id={titleId}>{t('data.mapping.title')}</h3>
      <p className="muted">{presetLabel ? t('data.mapping.recognised', { preset: presetLabel }) : mapping.every((f) => f !== null) ? t('data.mapping.matched') : t('data.mapping.unknown')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('data.mapping.column')}</th>
            <th scope="col">{t('data.mapping.field')}</th>
            <th scope="col">{t('data.mapping.examples')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((h, i) => (
            <tr key={i} className={mapping[i] ? undefined : 'unmapped'}>
              <th scope="row" className="col-name">{h || `#${i + 1}`}</th>
              <td>
                <select aria-label={t('data.mapping.fieldFor', { header: h || `#${i + 1}` })} value={mapping[i] ?? ''} onChange={(e) => set(i, e.target.value)}>
                  <option value="">{t('data.mapping.skip')}</option>
                  {CONTACT_FIELDS.map((f) => (
                    <option key={f} value={f}>{t(`data.mapping.fields.${f}`)}</option>
                  ))}
                </select>
              </td>
              <td className="examples">{sample.slice(0, 3).map((r) => r[i]).filter((v) => v?.trim()).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!mappingNamesSomeone(mapping) && <p role="alert" className="notice notice-warn">{t('data.mapping.needName')}</p>}
      <h4>{t('data.mapping.asImported')}</h4>
      <ul className="as-imported">
        {mapped.map(({ record: r, names }, i) => (
          <li key={i}>
            {names ? <strong>{r.name}</strong> : <em className="bad">{t('data.mapping.nobody')}</em>}
            {[r.email, r.company, r.position, r.city].filter(Boolean).map((v, j) => (
              <span key={j} className="muted"> · {v}</span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
