import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FILE_KINDS, type FileKind, type KindJudgement } from '@/lib/import/kind';

/**
 * What the file holds — contacts, leads, deals, purchases or notes — as Tiewise
 * judged it from the header, with the columns that point each way. When the header
 * could be more than one kind, nothing is chosen: the user says which.
 */
export function KindChoice({ judgement, kind, onChange }: {
  judgement: KindJudgement;
  /** the chosen kind; null until the user chooses when the judgement is not sure */
  kind: FileKind | null;
  onChange(k: FileKind): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const pointers = FILE_KINDS.filter((k) => judgement.scores[k] > 0 && judgement.evidence[k].length);
  return (
    <div className="kind-choice">
      {judgement.sure
        ? <p className="muted">{t('data.kindChoice.sure', { kind: t(`data.import.kinds.${judgement.kind}`) })}</p>
        : <p role="alert" className="notice notice-warn">{t('data.kindChoice.unsure')}</p>}
      <p>
        <label htmlFor={id}>{t('data.kindChoice.label')}</label>{' '}
        <select id={id} value={kind ?? ''} onChange={(e) => e.target.value && onChange(e.target.value as FileKind)}>
          {kind === null && <option value="">{t('data.kindChoice.choose')}</option>}
          {FILE_KINDS.map((k) => (
            <option key={k} value={k}>{t(`data.import.kinds.${k}`)}</option>
          ))}
        </select>
      </p>
      {pointers.length > 0 && (
        <ul className="kind-evidence muted">
          {pointers.map((k) => (
            <li key={k}>{t('data.kindChoice.why', { kind: t(`data.import.kinds.${k}`), columns: judgement.evidence[k].slice(0, 6).join(', ') })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
