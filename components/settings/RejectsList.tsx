import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rejected } from '@/lib/import/table';
import { whyText } from './why-text';

/** Every rejected row: its line in the file, why, and the row as it was (as text). */
export function RejectsList({ rejected, onDownload }: { rejected: readonly Rejected[]; onDownload(): void }) {
  const { t } = useTranslation();
  const id = useId();
  if (!rejected.length) return null;
  return (
    <section aria-labelledby={id} className="rejects">
      <h4 id={id}>{t('data.summary.rejectsTitle')}</h4>
      <p className="muted">{t('data.summary.rejectsHint')}</p>
      <div className="scroll-y">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num">{t('data.summary.line')}</th>
              <th scope="col">{t('data.summary.reason')}</th>
              <th scope="col">{t('data.summary.row')}</th>
            </tr>
          </thead>
          <tbody>
            {rejected.map((r, i) => (
              <tr key={i}>
                <td className="num">{r.line}</td>
                <td>{whyText(t, r)}</td>
                <td><code className="raw">{r.raw}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <button type="button" onClick={onDownload}>{t('data.summary.download')}</button>{' '}
        <span className="muted">{t('data.summary.downloadHint')}</span>
      </p>
    </section>
  );
}
