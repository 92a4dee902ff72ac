import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { crossSellFor, type CrossSell } from '@/lib/db/crosssell';
import { mineRulesOffThread } from './crosssell';
import { StorageFullError } from '@/lib/db/errors';
import { clearOverride, setOverride } from '@/lib/db/overrides';
import type { RecordAssessment } from '@/lib/db/derive';
import { NETWORK_TYPES, type Complaint, type Contact, type NetworkType } from '@/lib/domain/entities';
import { nextStep, type NextStep } from '@/lib/model/network';
import type { Topic } from '@/lib/model/smalltalk';
import type { Reason } from '@/lib/model/reason';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';

/** The i18n key of a step: some steps read differently when a detail is known (a product, a topic, a name). */
export function stepKey(step: NextStep): string {
  const d = step.detail;
  switch (step.code) {
    case 're-engage': return d.product ? 're-engage-product' : 're-engage';
    case 'check-in': return d.product ? 'check-in-product' : 'check-in';
    case 'reconnect': return d.topic ? 'reconnect-topic' : 'reconnect';
    case 'ask-mutual-intro': return d.name ? 'ask-mutual-intro-named' : 'ask-mutual-intro';
    case 'ask-reference': return d.deal ? 'ask-reference-deal' : 'ask-reference';
    case 'try-another-channel': return d.suggest === 'email' ? 'try-another-channel-email' : 'try-another-channel';
    default: return step.code;
  }
}

/**
 * The tie: network type and stage, the score and why (each signal's part,
 * largest first), the next step that fits, and the user's one-click override.
 */
export function TieSection({ contact, a, topics, complaints, sell: given }: {
  contact: Contact; a: RecordAssessment; topics: Topic[]; complaints: Complaint[];
  /** the card's cross-sell read (null while it is read); without it, the section reads its own */
  sell?: CrossSell | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const selectId = useId();
  const [error, setError] = useState<string | null>(null);
  const { tag, tie, classification } = a;
  // a dormant customer is re-engaged, and a check-in made, with the top cross-sell suggestion
  const wantsSell = classification.state === 'dormant-customer' || classification.state === 'customer-check-in';
  const own = useLiveQuery(async () => (wantsSell && given === undefined ? crossSellFor(contact.id, 1, undefined, mineRulesOffThread) : null), [contact.id, wantsSell, given === undefined]);
  const sell = wantsSell ? (given ?? own) : null;
  const crossSell = sell ? sell.suggestions.slice(0, 1).map((x) => sell.products.get(x.productId)?.name ?? x.productId) : undefined;
  const step = nextStep(tag, { contact, topics, complaints, needs: classification.needs, classification, signals: a.signals, crossSell, deals: a.deals });
  const reasonText = (r: Reason) => t(`tie.reason.${r.code}`, { ...(r.detail ?? {}), defaultValue: r.code });
  const fail = (e: Error) => setError(e instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: e.message }));
  const pct = Math.round(tie.score * 100);
  // the model's state refines its own type; beside a user's different type it would mislead
  const showState = !!classification.state && classification.networkType === tag.networkType && classification.state !== 'unknown';
  return (
    <Section title={t('tie.title')}>
      <p className="tag-line">
        <strong className={`tag tag-${tag.networkType}`}>{t(`tie.type.${tag.networkType}`)}</strong>
        {tag.stage && <span className="muted"> · {t(`tie.stage.${tag.stage}`)}</span>}
        {showState && <span className="tie-state"> · {t(`tie.state.${classification.state}`, { defaultValue: classification.state })}</span>}
      </p>
      <p className="muted small">
        {tag.by === 'user'
          ? t('tie.byUser', { when: f.ago(tag.at ?? Date.now()), computed: t(`tie.type.${classification.networkType}`) })
          : t('tie.byModel')}
      </p>
      <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={t('tie.score', { score: `${pct}/100` })}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <p className="small">{t('tie.score', { score: `${pct}/100` })} · {t(`tie.band.${tie.band}`)}</p>
      <p className="next"><strong>{t('next.title')}:</strong> {t(`next.${stepKey(step)}`, { ...step.detail, defaultValue: step.code })}</p>
      <details>
        <summary>{t('tie.why')}</summary>
        <ul className="reasons">
          {classification.reasons.map((r, i) => <li key={i}>{reasonText(r)}</li>)}
        </ul>
        {classification.needs && classification.needs.length > 0 && (
          <p className="small">{t('tie.needs', { needs: classification.needs.map((n) => t(`tie.need.${n}`)).join('; ') })}</p>
        )}
        {tie.neverInteracted && <p className="small muted">{t('tie.neverInteracted')}</p>}
        <h4>{t('tie.whyScore')}</h4>
        <ul className="contributions">
          {tie.contributions.map((c) => (
            <li key={c.signal}>
              <span className={c.contribution >= 0 ? 'plus' : 'minus'}>{c.contribution >= 0 ? '+' : '−'}{Math.abs(c.contribution).toFixed(2)}</span>{' '}
              {t(`tie.signal.${c.signal}`, { raw: f.number(Math.round(c.raw)), degree: c.signal === 'structural.degree' ? t(`who.anyDegree.${c.raw}`) : undefined })}
            </li>
          ))}
        </ul>
        {tie.missing.length > 0 && (
          <p className="small muted">{t('tie.missing', { signals: tie.missing.map((m) => t(`tie.signalName.${m}`)).join(', ') })}</p>
        )}
      </details>
      <div className="override">
        <label htmlFor={selectId}>{t('tie.overrideLabel')}</label>
        <select
          id={selectId}
          value={tag.by === 'user' ? tag.networkType : ''}
          onChange={(e) => {
            const v = e.target.value as NetworkType | '';
            setError(null);
            (v ? setOverride({ contactId: contact.id, networkType: v }) : clearOverride(contact.id)).catch(fail);
          }}
        >
          <option value="">{t('tie.clear')}</option>
          {NETWORK_TYPES.map((n) => <option key={n} value={n}>{t(`tie.type.${n}`)}</option>)}
        </select>
      </div>
      {error && <p role="alert" className="notice notice-error">{error}</p>}
    </Section>
  );
}
