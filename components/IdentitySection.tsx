import { useTranslation } from 'react-i18next';
import type { ContactRecord } from '@/lib/db/repo';
import type { Extraction } from '@/lib/extract/types';
import { SafeLink } from './SafeLink';
import { useFormat } from './format';

/** Who: name, position, company, location, and each network they are linked on. */
export function IdentitySection({ record, page }: { record: ContactRecord; page?: Extraction }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { contact, profiles } = record;
  const pf = page?.fields;
  const fromPage = <K extends 'name' | 'position' | 'company' | 'location' | 'headline'>(k: K) =>
    pf && pf[k].status === 'ok' ? (pf[k] as { value: string }).value : undefined;
  const position = contact.position ?? fromPage('position');
  const company = contact.company ?? fromPage('company');
  const city = contact.city ?? fromPage('location');
  const initials = contact.name.split(/\s+/).map((w) => w[0]).slice(0, 2).join('').toUpperCase();
  return (
    <header className="who">
      <div className="avatar" aria-hidden="true">{initials}</div>
      <div>
        <h2>{contact.name}</h2>
        {(position || company) && <p>{[position, company].filter(Boolean).join(' · ')}</p>}
        {city && <p className="muted">{city}</p>}
        {fromPage('headline') && <p className="muted headline">{fromPage('headline')}</p>}
        {profiles.length > 0 && (
          <ul className="networks" aria-label={t('who.networks')}>
            {profiles.map((p) => (
              <li key={p.id}>
                <SafeLink href={p.url}>{t(`site.${p.network}`)}</SafeLink>{' '}
                <span className="muted">{p.readAt ? t('who.readAt', { when: f.ago(p.readAt) }) : t('who.neverRead')}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </header>
  );
}
