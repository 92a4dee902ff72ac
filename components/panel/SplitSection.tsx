import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { mergesInto, splitMerge } from '@/lib/db/merge';
import { StorageFullError } from '@/lib/db/errors';
import { keepWrongMergeTogether, splitWrongMerge, wrongMergeOf } from '@/lib/db/split';
import { parseSnapshot } from '@/lib/model/profile-read';
import type { Profile } from '@/lib/domain/entities';
import { SafeLink } from './SafeLink';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';

/**
 * Undoing a wrong merge: a contact an earlier version made of two people (found by
 * the v4 upgrade) is offered a split; a contact made by a merge can be split again.
 */
export function SplitSection({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const wrong = useLiveQuery(() => wrongMergeOf(contactId), [contactId]);
  const merges = useLiveQuery(() => mergesInto(contactId), [contactId]);
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: Error) => setError(e instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: e.message }));
  const nameOf = (p: Profile) => {
    const x = parseSnapshot(p.snapshot);
    return x?.fields.name.status === 'ok' ? x.fields.name.value : p.url;
  };
  if (!wrong && !merges?.length && !said && !error) return null;
  return (
    <Section title={wrong ? t('split.title') : t('split.mergesTitle')}>
      {wrong && (
        <div className="notice notice-warn">
          <p>{t('split.found', { site: t(`site.${wrong.entry.network}`) })}</p>
          <ul>
            {wrong.profiles.map((p) => (
              <li key={p.id}><SafeLink href={p.url}>{nameOf(p)}</SafeLink> <span className="muted">{p.url}</span></li>
            ))}
          </ul>
          <p className="muted">{t('split.how')}</p>
          <button
            type="button"
            onClick={() => {
              setError(null);
              const names = wrong.profiles.slice(1).map(nameOf);
              splitWrongMerge(contactId).then(
                () => setSaid(t('split.done', { count: names.length, names: names.join(', ') })),
                fail,
              );
            }}
          >
            {t('split.action')}
          </button>{' '}
          <button type="button" className="link" onClick={() => void keepWrongMergeTogether(contactId).catch(fail)}>
            {t('split.same')}
          </button>
        </div>
      )}
      {merges && merges.length > 0 && (
        <ul className="merges">
          {merges.map((m) => (
            <li key={m.id}>
              {t('split.mergedWith', { name: m.removed.name, when: f.ago(m.at) })}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setError(null);
                  splitMerge(m.id).then(() => setSaid(t('split.againDone', { name: m.removed.name })), fail);
                }}
              >
                {t('split.again')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {said && <p role="status" className="notice">{said}</p>}
      {error && <p role="alert" className="notice notice-error">{error}</p>}
    </Section>
  );
}
