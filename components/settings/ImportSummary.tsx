import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefreshProgress } from '@/lib/db/derive';
import type { ImportSummary as Summary } from '@/lib/import/apply';
import type { Rejected } from '@/lib/import/table';
import { RejectsList } from './RejectsList';

const LINES = ['added', 'merged', 'updated', 'duplicates', 'profiles', 'notes', 'interactions', 'purchases', 'products', 'complaints', 'deals', 'dealsUpdated', 'skipped'] as const;

/** What an import did: the counts that are not zero, the rejected rows, tie refresh state. */
export function ImportSummary({ summary, rejected, refreshing, progress, onDownloadRejects }: {
  summary: Summary;
  rejected: readonly Rejected[];
  refreshing: boolean;
  /** how far the refresh of the book's other contacts has got, when it reports */
  progress?: RefreshProgress;
  onDownloadRejects(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="summary">
      <h3 id={id}>{t('data.summary.title')}</h3>
      <ul className="counts">
        {LINES.filter((k) => k === 'added' || summary[k] > 0).map((k) => (
          <li key={k} className={`count-${k}`}>{t(`data.summary.${k}`, { count: summary[k] })}</li>
        ))}
        <li className={summary.rejected ? 'count-rejected bad' : 'count-rejected'}>{t('data.summary.rejected', { count: summary.rejected })}</li>
      </ul>
      <p className="muted" role="status">{refreshing ? (progress?.total ? t('data.summary.refreshingProgress', { done: progress.done, total: progress.total }) : t('data.summary.refreshing')) : t('data.summary.refreshed')}</p>
      <RejectsList rejected={rejected} onDownload={onDownloadRejects} />
    </section>
  );
}
