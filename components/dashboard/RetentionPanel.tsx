import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageFullError } from '@/lib/db/errors';
import { applyRetention, dryRunRetention, getPolicy, setPolicy } from '@/lib/db/retention';
import { parsePolicyField, type RetentionPlan, type RetentionPolicy } from '@/lib/retention/plan';
import { SourceLine } from '../shared/SourceLine';
import { useFormat } from '../shared/format';

/** The retention policy: two limits, a dry run listing exactly what would go, then delete exactly that. */
export function RetentionPanel({ now }: { now?: () => number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = useId();
  const clock = now ?? Date.now;
  const [snap, setSnap] = useState('');
  const [months, setMonths] = useState('');
  const [plan, setPlan] = useState<{ policy: RetentionPolicy; plan: RetentionPlan } | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // the stored policy fills the fields before anyone can type in them: a value typed while it
  // was loading would be overwritten by it, and a save or dry run then would use the old one
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    void getPolicy()
      .then((p) => {
        setSnap(p.snapshotDays ? String(p.snapshotDays) : '');
        setMonths(p.inactiveMonths ? String(p.inactiveMonths) : '');
      })
      .catch(() => undefined) // no stored policy readable: the fields start empty
      .finally(() => setLoaded(true));
  }, []);

  const policy = (): RetentionPolicy | null => {
    const s = parsePolicyField(snap);
    const m = parsePolicyField(months);
    if (s === 'invalid' || m === 'invalid') {
      setStatus({ kind: 'error', text: t('lead.retention.invalid') });
      return null;
    }
    return { snapshotDays: s, inactiveMonths: m };
  };
  const attempt = async (fn: () => Promise<string | null>) => {
    try {
      const text = await fn();
      setStatus(text ? { kind: 'ok', text } : null);
    } catch (e) {
      setStatus({ kind: 'error', text: e instanceof StorageFullError ? t('db.storageFull') : t('lead.failed', { message: (e as Error).message }) });
    }
  };
  const save = () => attempt(async () => {
    const p = policy();
    if (!p) return null;
    await setPolicy(p);
    return t('lead.retention.saved');
  });
  const dry = () => attempt(async () => {
    const p = policy();
    if (!p) return null;
    setPlan({ policy: p, plan: await dryRunRetention(p, clock()) });
    return null;
  });
  const apply = () => attempt(async () => {
    if (!plan) return null;
    const r = await applyRetention(plan.policy, plan.plan, clock());
    setPlan(null);
    return [t('lead.retention.applied', { snapshots: r.snapshots, contacts: r.contacts }), r.skipped ? t('lead.retention.changedSince') : ''].join(' ').trim();
  });

  const p = plan?.plan;
  const empty = p && !p.snapshots.length && !p.contacts.length;
  return (
    <section className="lead-card" aria-labelledby={id}>
      <div className="lead-card-head"><h2 id={id}>{t('lead.retention.title')}</h2></div>
      <p className="muted">{t('lead.retention.intro')}</p>
      <label className="lead-field">
        <span>{t('lead.retention.snapshots')}</span>
        <input inputMode="numeric" value={snap} disabled={!loaded} onChange={(e) => { setSnap(e.target.value); setPlan(null); }} aria-describedby={`${id}-off`} />
      </label>
      <label className="lead-field">
        <span>{t('lead.retention.inactive')}</span>
        <input inputMode="numeric" value={months} disabled={!loaded} onChange={(e) => { setMonths(e.target.value); setPlan(null); }} aria-describedby={`${id}-off`} />
      </label>
      <p id={`${id}-off`} className="muted source">{t('lead.retention.off')}</p>
      <div className="row-actions">
        <button type="button" disabled={!loaded} onClick={() => void save()}>{t('lead.retention.save')}</button>
        <button type="button" className="primary" disabled={!loaded} onClick={() => void dry()}>{t('lead.retention.dryRun')}</button>
      </div>
      {p && (
        <div className="lead-plan" role="region" aria-label={t('lead.retention.dryRun')}>
          {empty && <p>{t('lead.retention.nothing')}</p>}
          {p.snapshots.length > 0 && (
            <>
              <p>{t('lead.retention.planSnapshots', { count: p.snapshots.length })}</p>
              <ul>{p.snapshots.map((s) => <li key={s.profileId}>{s.url} <span className="muted">— {t('lead.retention.readAt', { date: f.date(s.readAt) })}</span></li>)}</ul>
            </>
          )}
          {p.contacts.length > 0 && (
            <>
              <p>{t('lead.retention.planContacts', { count: p.contacts.length })}</p>
              <ul>
                {p.contacts.map((c) => (
                  <li key={c.id}>
                    {c.name} <span className="muted">— {c.contacted ? t('lead.retention.lastContact', { date: f.date(c.since) }) : t('lead.retention.neverContacted', { date: f.date(c.since) })}</span>
                    <SourceLine source={c.source} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {!empty && <button type="button" className="danger" onClick={() => void apply()}>{t('lead.retention.apply')}</button>}
        </div>
      )}
      <div role="status">{status?.kind === 'ok' && <p className="notice">{status.text}</p>}</div>
      {status?.kind === 'error' && <p role="alert" className="notice notice-error">{status.text}</p>}
    </section>
  );
}
