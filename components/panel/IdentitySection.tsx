import { useTranslation } from 'react-i18next';
import type { ContactRecord } from '@/lib/db/record';
import type { Profile } from '@/lib/domain/entities';
import type { Extraction, FieldName } from '@/lib/extract/types';
import { profileUrlKey } from '@/lib/extract/urls';
import { mergeRead, parseSnapshot, staleFields } from '@/lib/model/profile-read';
import { SafeLink } from './SafeLink';
import { fieldsOf, standingLine } from './standing';
import { useFormat } from '../shared/format';

type Shown = 'name' | 'position' | 'company' | 'location' | 'headline';

/**
 * Who: name, position, company, location, and each network they are linked on.
 * A field the page shows now comes from the page; one it could not read now comes
 * from the last good read of the same profile, and says how old that read is.
 */
export function IdentitySection({ record, page }: { record: ContactRecord; page?: Extraction }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { contact, profiles } = record;
  const pageKey = page?.profileUrl ? profileUrlKey(page.profileUrl) : null;
  // the profile the page shows now, as this read leaves it: the background stores the read a
  // moment after the panel is told of it (lib/background/handlers.ts), by the same rule
  const readAt = Date.now();
  const asRead = (p: Profile): Profile => (page && p.url === pageKey ? { ...p, ...mergeRead(p, page, readAt) } : p);
  const stored = profiles.find((p) => p.url === pageKey);
  const storedRead = stored ? parseSnapshot(stored.snapshot) : null;
  /** the value and, when it is not from this very read, when it was read */
  const shown = <K extends Shown>(k: K): { value: string; at?: number } | undefined => {
    const now = page?.fields[k];
    if (now?.status === 'ok') return { value: (now as { value: string }).value };
    const old = storedRead?.fields[k];
    if (old?.status === 'ok') return { value: (old as { value: string }).value, at: stored?.fieldsAt?.[k] ?? stored?.readAt };
    return undefined;
  };
  const position = contact.position ?? shown('position')?.value;
  const company = contact.company ?? shown('company')?.value;
  const city = contact.city ?? shown('location')?.value;
  const headline = shown('headline');
  const initials = contact.name.split(/\s+/).map((w) => w[0]).slice(0, 2).join('').toUpperCase();
  return (
    <header className="who">
      <div className="avatar" aria-hidden="true">{initials}</div>
      <div>
        <h2>{contact.name}</h2>
        {(position || company) && <p>{[position, company].filter(Boolean).join(' · ')}</p>}
        {city && <p className="muted">{city}</p>}
        {headline && (
          <p className="muted headline">
            {headline.value}
            {headline.at !== undefined && <span className="stale"> ({t('who.staleRead', { when: f.ago(headline.at) })})</span>}
          </p>
        )}
        {profiles.length > 0 && (
          <ul className="networks" aria-label={t('who.networks')}>
            {profiles.map((p) => (
              <li key={p.id}>
                <SafeLink href={p.url}>{t(`site.${p.network}`)}</SafeLink>{' '}
                <span className="muted">{readLine(asRead(p))}</span>
                {standing(p) && <span className="standing"> · {standing(p)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </header>
  );

  /** degree and mutual connections: from the page when it shows this profile now, else from the stored read */
  function standing(p: Profile): string | null {
    return standingLine(t, p.network, fieldsOf(p.url === pageKey ? page : null, parseSnapshot(p.snapshot)));
  }

  function readLine(p: Profile): string {
    const stale = staleFields(p);
    const names = Object.keys(stale) as FieldName[];
    if (names.length) {
      const when = f.ago(Math.min(...names.map((k) => stale[k]!)));
      const all = parseSnapshot(p.snapshot);
      const okCount = all ? Object.values(all.fields).filter((x) => x.status === 'ok').length : 0;
      return names.length >= okCount
        ? t('who.staleRead', { when })
        : t('who.staleFields', { when, fields: names.map((k) => t(`field.${k}`)).join(', ') });
    }
    return p.readAt ? t('who.readAt', { when: f.ago(p.readAt) }) : t('who.neverRead');
  }
}
