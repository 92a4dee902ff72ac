import { useTranslation } from 'react-i18next';
import type { Topic } from '@/lib/model/smalltalk';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';

/** Rapport topics and shared ground, each with where it was read from. */
export function SmallTalkSection({ topics }: { topics: Topic[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const value = (x: Topic) =>
    x.kind === 'birthday' && x.days !== undefined
      ? `${x.value} (${x.days === 0 ? t('talk.birthdayToday') : t('talk.birthdayIn', { count: x.days })})`
      : x.value;
  const source = (x: Topic) => {
    const s = x.source;
    if (s.kind === 'profile') return t('talk.fromProfile', { site: t(`site.${s.network}`), when: s.readAt ? f.ago(s.readAt) : '—' });
    if (s.kind === 'note') return t('talk.fromNote', { when: f.date(s.at) });
    return t('talk.fromRecord');
  };
  return (
    <Section title={t('talk.title')}>
      {topics.length === 0 ? (
        <p className="muted">{t('talk.none')}</p>
      ) : (
        <ul className="topics">
          {topics.map((x, i) => (
            <li key={`${x.kind}-${i}`}>
              <span className="muted">{t(`talk.kind.${x.kind}`)}:</span> {value(x)}
              <span className="source muted"> — {source(x)}</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
