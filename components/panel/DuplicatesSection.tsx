import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { duplicatesOf } from '@/lib/db/duplicates';
import { mergeContacts, undoMerge } from '@/lib/db/merge';
import { StorageFullError } from '@/lib/db/errors';
import { CandidateItem } from './CandidateItem';
import { Section } from '../shared/Section';
import { useUndo } from './undo';

/** Other contacts that look like the same person, why, and a merge that can be undone. */
export function DuplicatesSection({ contactId, name }: { contactId: string; name: string }) {
  const { t } = useTranslation();
  const pushUndo = useUndo();
  const [error, setError] = useState<string | null>(null);
  const dupes = useLiveQuery(() => duplicatesOf(contactId), [contactId]);
  if (!dupes || dupes.length === 0) return null;
  return (
    <Section title={t('merge.title')}>
      <ul className="candidates">
        {dupes.map((c) => (
          <CandidateItem
            key={c.contact.id}
            c={c}
            action={t('merge.action', { name: c.contact.name })}
            onAction={() => {
              setError(null);
              mergeContacts(contactId, c.contact.id).then(
                (u) => pushUndo(t('merge.done', { a: name, b: c.contact.name }), () => undoMerge(u)),
                (e: Error) => setError(e instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: e.message })),
              );
            }}
          />
        ))}
      </ul>
      {error && <p role="alert" className="notice notice-error">{error}</p>}
    </Section>
  );
}
