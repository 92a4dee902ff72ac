import { useTranslation } from 'react-i18next';
import { useFormat } from '../shared/format';

/** A labelled progress bar with a Cancel button. */
export function ImportProgress({ label, done, total, unit, onCancel }: {
  label: string;
  done: number;
  total: number;
  unit: 'bytes' | 'rows';
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const show = (n: number) => (unit === 'bytes' ? `${f.number(Math.round(n / 1024))} KB` : f.number(n));
  const text = t(unit === 'bytes' ? 'data.import.readProgress' : 'data.import.writeProgress', { done: show(done), total: show(total) });
  return (
    <div className="progress" role="status">
      <p>{label}</p>
      <progress aria-label={label} value={total ? done : undefined} max={total || undefined} />
      <p className="muted">{text}</p>
      <button type="button" onClick={onCancel}>{t('data.import.cancel')}</button>
    </div>
  );
}
