import { useTranslation } from 'react-i18next';
import { completeReminder } from '@/lib/db/reminders';
import type { Reminder } from '@/lib/domain/entities';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';

/** Open reminders for this contact (set by a workflow rule), soonest first. */
export function RemindersSection({ reminders }: { reminders: Reminder[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (reminders.length === 0) return null;
  const now = Date.now();
  return (
    <Section title={t('reminders.title')}>
      <ul>
        {reminders.map((r) => (
          <li key={r.id} className={r.due <= now ? 'due' : ''}>
            <strong>{r.text}</strong> <span className="muted">· {r.due <= now ? t('reminders.due') : f.ago(r.due)}</span>{' '}
            <button type="button" className="link" aria-label={`${t('reminders.done')}: ${r.text}`} onClick={() => void completeReminder(r.id)}>{t('reminders.done')}</button>
          </li>
        ))}
      </ul>
    </Section>
  );
}
