import { useTranslation } from 'react-i18next';
import type { Complaint } from '@/lib/domain/entities';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';
import { ByLine } from './ByLine';

/** Complaints and their state, open ones first. */
export function ComplaintsSection({ complaints }: { complaints: Complaint[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const open = complaints.filter((c) => c.state !== 'resolved');
  const sorted = [...open, ...complaints.filter((c) => c.state === 'resolved')];
  return (
    <Section title={t('complaints.title')} extra={open.length ? t('complaints.open', { count: open.length }) : undefined}>
      {complaints.length === 0 ? (
        <p className="muted">{t('complaints.none')}</p>
      ) : (
        <ul className="complaints">
          {sorted.map((c) => (
            <li key={c.id}>
              <span className={`state state-${c.state}`}>{t(`complaints.states.${c.state}`)}</span> {c.subject}{' '}
              <span className="muted">· {f.date(c.openedAt)}</span>
              {c.source.by && <span className="muted"> · <ByLine source={c.source} /></span>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
