import { useTranslation } from 'react-i18next';

interface Props {
  /** the custom fields' names in the book, with how many contacts have each */
  names: readonly { name: string; count: number }[];
  shown: readonly string[];
  onChange(shown: string[]): void;
}

/** The user's pick of imported fields (the CRM's own columns) to show as book columns. */
export function CustomColumns({ names, shown, onChange }: Props) {
  const { t } = useTranslation();
  const all = [...names.map((n) => n.name), ...shown.filter((s) => !names.some((n) => n.name === s))];
  return (
    <details className="custom-columns">
      <summary title={t('deals.book.columnsHint')}>
        {t('deals.book.columns')}{shown.length ? ` (${shown.length})` : ''}
      </summary>
      <fieldset>
        <legend className="sr-only">{t('deals.book.columnsHint')}</legend>
        {all.length === 0 && <p className="muted">{t('deals.book.noCustom')}</p>}
        {all.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={shown.includes(name)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                onChange(on ? [...shown, name] : shown.filter((x) => x !== name));
              }}
            />
            <span>{name}</span>
            <span className="muted">{names.find((n) => n.name === name)?.count ?? 0}</span>
          </label>
        ))}
      </fieldset>
    </details>
  );
}
