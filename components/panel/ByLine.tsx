import { useTranslation } from 'react-i18next';
import type { Provenance } from '@/lib/domain/entities';
import { useFormat } from '../shared/format';

/**
 * Who wrote a shared record and when: "by Olga, 3 days ago" (the exact date on hover).
 * Nothing when the record has no author (a book that was never shared).
 */
export function ByLine({ source, at = source.at, className }: { source: Provenance; at?: number; className?: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!source.by) return null;
  return <span className={className ?? 'by'} title={f.date(at)}>{t('team.by', { name: source.by, when: f.ago(at) })}</span>;
}
