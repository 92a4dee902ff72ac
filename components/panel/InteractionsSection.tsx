import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageFullError } from '@/lib/db/errors';
import { addInteraction } from '@/lib/db/interactions';
import { InteractionKind, type Interaction } from '@/lib/domain/entities';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';
import { ByLine } from './ByLine';

/** Calls, meetings, e-mails, chats — with direction and date; log a new one. */
export function InteractionsSection({ contactId, interactions, limit = 8 }: { contactId: string; interactions: Interaction[]; limit?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<Interaction['kind']>('call');
  const [direction, setDirection] = useState<Interaction['direction']>('out');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Section title={t('interactions.title')}>
      {interactions.length === 0 ? (
        <p className="muted">{t('interactions.none')}</p>
      ) : (
        <ul className="interactions">
          {interactions.slice(0, limit).map((i) => (
            <li key={i.id}>
              <span className="kind">{t(`interactions.kinds.${i.kind}`)}</span>{' '}
              <span className="muted">{t(`interactions.${i.direction}`)} · {f.date(i.at)}</span>
              {i.summary && <span className="summary"> — {i.summary}</span>}
              {i.source.by && <span className="muted"> · <ByLine source={i.source} /></span>}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form
          className="log-interaction"
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            addInteraction({ contactId, kind, direction, summary: summary.trim(), at: Date.now() }).then(
              () => { setSummary(''); setOpen(false); },
              (err: Error) => setError(err instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: err.message })),
            );
          }}
        >
          <label>
            {t('interactions.kind')}
            <select value={kind} onChange={(e) => setKind(e.target.value as Interaction['kind'])}>
              {InteractionKind.options.map((k) => <option key={k} value={k}>{t(`interactions.kinds.${k}`)}</option>)}
            </select>
          </label>
          <label>
            {t('interactions.direction')}
            <select value={direction} onChange={(e) => setDirection(e.target.value as Interaction['direction'])}>
              <option value="out">{t('interactions.out')}</option>
              <option value="in">{t('interactions.in')}</option>
            </select>
          </label>
          <label>
            {t('interactions.summary')}
            <input value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <button type="submit">{t('interactions.save')}</button>
          <button type="button" onClick={() => setOpen(false)}>{t('notes.cancel')}</button>
          {error && <p role="alert" className="notice notice-error">{error}</p>}
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>{t('interactions.add')}</button>
      )}
    </Section>
  );
}
