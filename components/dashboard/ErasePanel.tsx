import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { erasePerson, type ErasePlan } from '@/lib/db/erase';
import { StorageFullError } from '@/lib/db/errors';
import { searchContacts } from '@/lib/db/search';
import type { Contact } from '@/lib/domain/entities';

/** Erase one person: find them, see exactly what goes, confirm. */
export function ErasePanel() {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Contact[] | null>(null);
  const [plan, setPlan] = useState<ErasePlan | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const search = async (value: string) => {
    setQ(value);
    setPlan(null);
    setFound(value.trim() ? await searchContacts(value, 10) : null);
  };
  const pick = async (c: Contact) => {
    setStatus(null);
    setPlan(await erasePerson(c.id, { dryRun: true }));
  };
  const confirm = async () => {
    if (!plan) return;
    setBusy(true);
    try {
      await erasePerson(plan.contactId);
      setStatus({ kind: 'ok', text: t('lead.erase.done', { name: plan.name }) });
      setPlan(null);
      setFound(null);
      setQ('');
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof StorageFullError ? t('db.storageFull') : t('lead.failed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  const table = (name: string) => t(`lead.erase.tables.${name}`);

  return (
    <section className="lead-card" aria-labelledby={id}>
      <div className="lead-card-head"><h2 id={id}>{t('lead.erase.title')}</h2></div>
      <p className="muted">{t('lead.erase.intro')}</p>
      <label className="lead-field">
        <span>{t('lead.erase.search')}</span>
        <input type="search" value={q} placeholder={t('lead.erase.placeholder')} onChange={(e) => void search(e.target.value)} />
      </label>
      {found && !plan && (found.length ? (
        <ul className="lead-pick" aria-label={t('lead.erase.search')}>
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="result" aria-label={t('lead.erase.pick', { name: c.name })} onClick={() => void pick(c)}>
                {c.name}{c.company && <span className="muted"> · {c.company}</span>}
              </button>
            </li>
          ))}
        </ul>
      ) : <p className="muted">{t('lead.erase.noMatch', { q })}</p>)}
      {plan && (
        <div className="lead-plan" role="region" aria-label={t('lead.erase.planTitle', { name: plan.name })}>
          <p><strong>{t('lead.erase.planTitle', { name: plan.name })}</strong></p>
          <ul>
            {Object.entries(plan.deleted).map(([k, n]) => <li key={k}>{t('lead.erase.deleted', { table: table(k), count: n })}</li>)}
            {Object.entries(plan.redacted).map(([k, n]) => <li key={`r-${k}`}>{t('lead.erase.redacted', { table: table(k), count: n })}</li>)}
          </ul>
          <div className="row-actions">
            <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>{t('lead.erase.confirm', { name: plan.name })}</button>
            <button type="button" onClick={() => setPlan(null)}>{t('lead.erase.cancel')}</button>
          </div>
        </div>
      )}
      {status && <p role={status.kind === 'error' ? 'alert' : 'status'} className={`notice ${status.kind === 'error' ? 'notice-error' : ''}`}>{status.text}</p>}
    </section>
  );
}
