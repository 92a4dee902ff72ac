import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { searchContacts } from '@/lib/db/search';

/** Search the book by name (either script), e-mail, company or phone; open a result. */
export function SearchBox({ onOpen, disabled = false }: { onOpen: (contactId: string) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const query = useDeferredValue(q);
  const results = useLiveQuery(() => searchContacts(query), [query]);
  return (
    <div className="search" role="search">
      <label htmlFor={id} className="sr-only">{t('search.label')}</label>
      <input
        id={id}
        type="search"
        value={q}
        disabled={disabled}
        placeholder={t('search.placeholder')}
        onChange={(e) => setQ(e.target.value)}
      />
      {query.trim() && results && (
        <div className="results" aria-live="polite">
          {results.length === 0 ? (
            <p className="muted">{t('search.none', { q: query })}</p>
          ) : (
            <ul aria-label={t('search.results', { count: results.length })}>
              {results.map((c) => (
                <li key={c.id}>
                  <button type="button" className="result" onClick={() => { onOpen(c.id); setQ(''); }}>
                    <strong>{c.name}</strong>
                    {c.company && <span className="muted"> · {c.company}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
