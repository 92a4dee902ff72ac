import { useTranslation } from 'react-i18next';
import type { Candidate } from '@/lib/model/identity';

/** A likely match: who, how sure, why (the evidence for it), and one action. */
export function CandidateItem({ c, action, onAction }: { c: Candidate; action: string; onAction: () => void }) {
  const { t } = useTranslation();
  return (
    <li>
      <div>
        <strong>{c.contact.name}</strong>
        {c.contact.company && <span className="muted"> · {c.contact.company}</span>}
        <p className="small muted">
          {t('match.score', { score: `${Math.round(c.score * 100)}%` })}:{' '}
          {c.reasons.filter((r) => (r.weight ?? 0) > 0).map((r) => t(`match.reason.${r.code}`, { defaultValue: r.code })).join(', ')}
        </p>
      </div>
      <button type="button" onClick={onAction}>{action}</button>
    </li>
  );
}
