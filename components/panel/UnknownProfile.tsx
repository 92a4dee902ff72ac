import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { StorageFullError } from '@/lib/db/errors';
import { addContactFromProfile, linkProfile } from '@/lib/db/profiles';
import { candidatesFor } from '@/lib/db/match';
import type { Extraction } from '@/lib/extract/types';
import { CandidateItem } from './CandidateItem';
import { Section } from '../shared/Section';
import { fieldsOf, standingLine } from './standing';

/** A profile that matches no contact: add it to the book, or link it to a likely match (and why). */
export function UnknownProfile({ x }: { x: Extraction }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const name = x.fields.name.status === 'ok' ? x.fields.name.value : null;
  const line = (['position', 'company', 'location'] as const)
    .map((k) => (x.fields[k].status === 'ok' ? (x.fields[k] as { value: string }).value : null))
    .filter(Boolean)
    .join(' · ');
  const standing = standingLine(t, x.site, fieldsOf(x));
  const candidates = useLiveQuery(() => candidatesFor(x), [x]);
  const fail = (e: Error) => setError(e instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: e.message }));
  return (
    <article className="card">
      <header className="who">
        <div className="avatar" aria-hidden="true">{(name ?? '?').split(/\s+/).map((w) => w[0]).slice(0, 2).join('').toUpperCase()}</div>
        <div>
          <h2>{name ?? '—'}</h2>
          {line && <p>{line}</p>}
          {standing && <p className="standing">{standing}</p>}
          <p className="muted small">{t('who.fromPage')}: {t(`site.${x.site ?? 'unknown'}`)}</p>
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
            <CandidateItem key={c.contact.id} c={c} action={t('unknown.linkThis', { name: c.contact.name })} onAction={() => void linkProfile(c.contact.id, x).catch(fail)} />
          ))}
        </ul>
        {error && <p role="alert" className="notice notice-error">{error}</p>}
      </Section>
    </article>
  );
}
