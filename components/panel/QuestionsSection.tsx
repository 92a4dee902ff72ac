import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { answerQuestion, questionsFor } from '@/lib/db/questions';
import { parseDocId } from '@/lib/domain/shared';
import { Section } from '../shared/Section';

/** A stored value as plain text (page and server text is data, never markup). */
function shown(v: unknown, empty: string): string {
  if (v === null || v === undefined || v === '') return empty;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * Fields of this contact (or of its notes, interactions…) that two teammates
 * changed differently while apart (lib/sync/merge.ts): both versions, each with
 * who wrote it, and a button to keep it. Shown only while there is something to ask.
 */
export function QuestionsSection({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const questions = useLiveQuery(() => questionsFor(contactId), [contactId]);
  if (!questions?.length) return null;
  return (
    <Section title={t('questions.title')}>
      <p>{t('questions.intro')}</p>
      <ul className="questions">
        {questions.flatMap((q) => {
          const table = parseDocId(q.id)?.table ?? 'other';
          const record = t(`questions.records.${table}`, { defaultValue: t('questions.records.other') });
          return q.fields.map((f) => {
            const field = t(`field.${f.field}`, { defaultValue: f.field });
            return (
              <li key={`${q.id}/${f.field}`}>
                <strong>{t('questions.field', { record, field })}</strong>
                <ul>
                  {f.versions.map((v, i) => {
                    const value = shown(v.value, t('questions.empty'));
                    const who = v.by || t('questions.someone');
                    return (
                      <li key={i}>
                        <span>{t('questions.version', { who, value })}</span>{' '}
                        <button
                          type="button"
                          aria-label={t('questions.keepLabel', { who, field, value })}
                          onClick={() => void answerQuestion(q.id, f.field, v.value)}
                        >
                          {t('questions.keep', { value: value.length > 40 ? `${value.slice(0, 39)}…` : value })}
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </li>
            );
          });
        })}
      </ul>
    </Section>
  );
}
