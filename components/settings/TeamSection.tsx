import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { checkServer } from '@/lib/sync/server';
import type { TeamReason, TeamStatus } from '@/lib/sync/status';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';
import { useTeam } from '../shared/useTeam';

type Field = 'url' | 'database' | 'user';
/** which field a reason found before anything was asked belongs to */
const FIELD_OF: Partial<Record<TeamReason, Field>> = { 'bad-url': 'url', 'not-https': 'url', 'bad-database': 'database' };

/** The team book's state in words: connected · last sync, syncing n of m, offline (retrying), refused and why. */
export function TeamStatusLine({ status }: { status: TeamStatus }) {
  const { t } = useTranslation();
  const f = useFormat();
  const origin = status.origin ?? '';
  let text: string;
  switch (status.state) {
    case 'off': text = t('team.status.off'); break;
    case 'connecting': text = t('team.status.connecting', { origin }); break;
    case 'syncing':
      text = status.total !== undefined ? t('team.status.syncingOf', { done: f.number(status.done ?? 0), total: f.number(status.total) }) : t('team.status.syncing');
      break;
    case 'connected':
      text = status.lastSyncAt === undefined ? t('team.status.connected')
        : Date.now() - status.lastSyncAt < 60_000 ? t('team.status.connectedNow') // Intl says "this minute"
        : t('team.status.connectedAt', { when: f.ago(status.lastSyncAt) });
      break;
    case 'offline': text = t('team.status.offline'); break;
    case 'refused': text = t('team.status.refused', { why: t(`team.reason.${status.reason ?? 'server'}`, { origin }) }); break;
  }
  return (
    <div className={`team-status team-${status.state}`} role="status">
      <p className={status.state === 'refused' ? 'bad' : undefined} title={status.lastSyncAt !== undefined ? f.date(status.lastSyncAt) : undefined}>{text}</p>
      {!!status.pending && status.state !== 'off' && <p className="muted">{t('team.status.pending', { count: status.pending })}</p>}
    </div>
  );
}

/**
 * Settings → Team: the team's CouchDB server, database, user and password; Connect asks the
 * browser for that one origin (in the click, a user gesture) and only then sends the
 * configuration to the background. The password is cleared once connected and never shown.
 */
export function TeamSection() {
  const { t, i18n } = useTranslation();
  const { status, setStatus, bridge } = useTeam();
  const base = useId();
  const [url, setUrl] = useState(status.origin ?? '');
  const [database, setDatabase] = useState(status.database ?? '');
  const [user, setUser] = useState(status.user ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field: Field; text: string } | null>(null);
  /** what this page learnt itself and the background never heard of (a refused permission) */
  const [local, setLocal] = useState<TeamStatus | null>(null);
  const [busy, setBusy] = useState(false);
  /** the origin whose permission the browser's prompt is asking for now */
  const [asking, setAsking] = useState<string | null>(null);
  /** the background's status when Connect began: a newer one (its broadcast of the first
   *  run's progress, "syncing 1,200 of 20,000") shows instead of "Connecting…" */
  const before = useRef<TeamStatus | null>(null);
  const shown = local?.state === 'connecting' && before.current !== status && status.state !== 'off' ? status : local ?? status;
  // the form stays while this page's own attempt is under way or failed
  const editing = shown.state === 'off' || shown.state === 'refused' || local !== null;
  // the background's status arrives after the first render: fill in what the fields lack
  useEffect(() => {
    if (status.origin) setUrl((v) => v || status.origin!);
    if (status.database) setDatabase((v) => v || status.database!);
    if (status.user) setUser((v) => v || status.user!);
  }, [status.origin, status.database, status.user]);

  const connect = (e: FormEvent) => {
    e.preventDefault();
    if (!bridge || busy) return;
    setLocal(null);
    const check = checkServer(url, database);
    if (!check.ok) {
      // a reason reads after "Not connected: "; alone under a field it starts a sentence
      const text = t(`team.reason.${check.reason}`);
      setError({ field: FIELD_OF[check.reason] ?? 'url', text: text.charAt(0).toLocaleUpperCase(i18n.language) + text.slice(1) });
      return;
    }
    if (!user.trim()) {
      setError({ field: 'user', text: t('team.needUser') });
      return;
    }
    setError(null);
    setBusy(true);
    // first, in this click: the browser's permission for that one origin
    const asked = bridge.requestOrigin(check.pattern);
    setAsking(check.origin);
    void (async () => {
      try {
        const granted = await asked.catch(() => false);
        setAsking(null);
        if (!granted) {
          setLocal({ state: 'refused', reason: 'permission', origin: check.origin });
          return;
        }
        before.current = status;
        setLocal({ state: 'connecting', origin: check.origin });
        const next = await bridge.connect({ url: url.trim(), database: database.trim(), user: user.trim(), password });
        if (next.state === 'connected' || next.state === 'syncing' || next.state === 'connecting') {
          setLocal(null);
          setStatus(next);
          setPassword('');
        } else if (next.state === 'off') {
          setLocal(null);
          setStatus(next);
        } else {
          // not connected: nothing was kept, so the server is not "retrying" — say why, keep the form
          setLocal(next.state === 'offline' ? { ...next, state: 'refused', reason: next.reason ?? 'unreachable' } : next);
        }
      } catch {
        setLocal({ state: 'refused', reason: 'unreachable', origin: check.origin });
      } finally {
        setBusy(false);
      }
    })();
  };

  const disconnect = async () => {
    if (!bridge) return;
    setBusy(true);
    try {
      setLocal(null);
      setStatus(await bridge.disconnect());
    } finally {
      setBusy(false);
    }
  };

  const field = (k: Field | 'password', value: string, set: (v: string) => void, hint?: string) => {
    const err = error && error.field === k ? error : null;
    const described = [hint && `${base}-${k}-hint`, err && `${base}-${k}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <p className="field">
        <label htmlFor={`${base}-${k}`}>{t(`team.${k}`)}</label>
        <input
          id={`${base}-${k}`}
          value={value}
          type={k === 'password' ? 'password' : 'text'}
          inputMode={k === 'url' ? 'url' : undefined}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={err ? true : undefined}
          aria-describedby={described}
          onChange={(e) => {
            set(e.currentTarget.value);
            if (err) setError(null);
          }}
        />
        {hint && <span id={`${base}-${k}-hint`} className="muted hint">{hint}</span>}
        {err && <span id={`${base}-${k}-error`} className="bad">{err.text}</span>}
      </p>
    );
  };

  return (
    <Section level={2} title={t('team.title')}>
      <p className="muted">{t('team.intro')}</p>
      <TeamStatusLine status={shown} />
      {editing ? (
        <form className="rep-form team-form" onSubmit={connect} noValidate>
          <div className="grid">
            {field('url', url, setUrl, t('team.urlHint'))}
            {field('database', database, setDatabase)}
            {field('user', user, setUser)}
            {field('password', password, setPassword, t('team.passwordHint'))}
          </div>
          <p className="row">
            <button type="submit" className="primary" disabled={busy || !bridge}>{t('team.connect')}</button>
            <span className="muted" aria-live="polite">{asking ? t('team.asking', { origin: asking }) : ''}</span>
          </p>
        </form>
      ) : (
        <>
          <dl className="facts team-facts">
            <dt>{t('team.server')}</dt>
            <dd>{shown.origin ?? ''}</dd>
            <dt>{t('team.database')}</dt>
            <dd>{shown.database ?? ''}</dd>
            <dt>{t('team.as')}</dt>
            <dd>{shown.user ?? ''}</dd>
          </dl>
          <p className="row">
            <button type="button" disabled={busy} onClick={() => void disconnect()}>{t('team.disconnect')}</button>
            <span className="muted">{t('team.disconnectHint')}</span>
          </p>
        </>
      )}
      <h3>{t('team.shared.title')}</h3>
      <p>{t('team.shared.yes')}</p>
      <h3>{t('team.shared.noTitle')}</h3>
      <p>{t('team.shared.no')}</p>
    </Section>
  );
}
