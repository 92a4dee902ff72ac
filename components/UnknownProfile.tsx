import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { addContactFromProfile, linkProfile, searchContacts, StorageFullError } from '@/lib/db/repo';
import type { Extraction } from '@/lib/extract/types';
import { Section } from './Section';

/** A profile that matches no contact: add it to the book, or link it to one. */
export function UnknownProfile({ x }: { x: Extraction }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const name = x.fields.name.status === 'ok' ? x.fields.name.value : null;
  const company = x.fields.company.status === 'ok' ? x.fields.company.value : null;
  const candidates = useLiveQuery(() => (name ? searchContacts(name, 5) : Promise.resolve([])), [name]);
  const fail = (e: Error) => setError(e instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: e.message }));
  return (
    <article className="card">
      <header className="who">
        <div>
          <h2>{name ?? '—'}</h2>
          {company && <p>{company}</p>}
        </div>
      </header>
      <Section title={t('unknown.title')}>
        <button type="button" className="primary" disabled={!name} onClick={() => void addContactFromProfile(x).catch(fail)}>
          {t('unknown.add')}
        </button>
        <h4>{t('unknown.candidates')}</h4>
        {candidates && candidates.length === 0 && <p className="muted">{t('unknown.noCandidates')}</p>}
        <ul className="candidates">
          {candidates?.map((c) => (
            <li key={c.id}>
              <span>{c.name}{c.company ? ` · ${c.company}` : ''}</span>{' '}
              <button type="button" onClick={() => void linkProfile(c.id, x).catch(fail)}>{t('unknown.linkThis', { name: c.name })}</button>
            </li>
          ))}
        </ul>
        {error && <p role="alert" className="notice notice-error">{error}</p>}
      </Section>
    </article>
  );
}
