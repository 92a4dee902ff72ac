import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { repContext } from '@/lib/db/derive';
import { setSetting } from '@/lib/db/settings';
import type { RepContext } from '@/lib/model/tie';
import { Section } from '../shared/Section';
import { refreshTiesOffThread } from './ties';

const TEXT = ['name', 'company', 'city', 'hometown'] as const;
const LISTS = ['partners', 'employers', 'schools', 'languages'] as const;
type Form = Record<(typeof TEXT)[number] | (typeof LISTS)[number], string>;

const toForm = (r: RepContext | undefined): Form => ({
  name: r?.name ?? '', company: r?.company ?? '', city: r?.city ?? '', hometown: r?.hometown ?? '',
  partners: (r?.partners ?? []).join(', '), employers: (r?.employers ?? []).join(', '),
  schools: (r?.schools ?? []).join(', '), languages: (r?.languages ?? []).join(', '),
});

/** The form as the RepContext the tie model reads (settings key `rep`): empty fields left out. */
export function fromForm(f: Form): RepContext {
  const out: RepContext = {};
  for (const k of TEXT) if (f[k].trim()) out[k] = f[k].trim();
  for (const k of LISTS) {
    const list = f[k].split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
    if (list.length) out[k] = list;
  }
  return out;
}

/** The rep's own profile: who "the same organisation" and "shared school" are measured against. */
export function RepSection() {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form | null>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const base = useId();
  useEffect(() => {
    void repContext().then((r) => setForm(toForm(r)));
  }, []);
  if (!form) return null;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('saving');
    await setSetting('rep', fromForm(form));
    await refreshTiesOffThread(undefined);
    setStatus('saved');
  };

  const field = (k: keyof Form, list: boolean) => (
    <p key={k} className="field">
      <label htmlFor={`${base}-${k}`}>{t(`data.rep.${k}`)}</label>
      <input
        id={`${base}-${k}`}
        value={form[k]}
        aria-describedby={list ? `${base}-hint` : undefined}
        onChange={(e) => {
          setForm({ ...form, [k]: e.target.value });
          setStatus('idle');
        }}
      />
    </p>
  );

  return (
    <Section level={2} title={t('data.rep.title')}>
      <p className="muted">{t('data.rep.intro')}</p>
      <form onSubmit={(e) => void save(e)} className="rep-form">
        <div className="grid">
          {TEXT.map((k) => field(k, false))}
          {LISTS.map((k) => field(k, true))}
        </div>
        <p id={`${base}-hint`} className="muted">{t('data.rep.listHint')}</p>
        <p className="row">
          <button type="submit" className="primary" disabled={status === 'saving'}>{t('data.rep.save')}</button>
          <span role="status" className="muted">{status === 'saving' ? t('data.rep.saving') : status === 'saved' ? t('data.rep.saved') : ''}</span>
        </p>
      </form>
    </Section>
  );
}
