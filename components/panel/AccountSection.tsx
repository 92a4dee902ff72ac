import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { accountPeers } from '@/lib/db/derive';
import type { Contact } from '@/lib/domain/entities';
import { accountView, type AccountGap, type AccountMember } from '@/lib/model/account';
import type { AccountPeer } from '@/lib/model/network';
import { Section } from '../shared/Section';

/** How many of the people at the organisation show before "Show all" (the strongest ties first). */
export const ACCOUNT_SHOWN = 10;

/**
 * The account view (issue 20): everyone the rep knows at the contact's organisation
 * with tag, tie and role, the stage the account is in, and what the network lacks
 * for that stage, each with the step to take. A big account lists its strongest ties
 * and the contact itself, the rest on "Show all" (hundreds of rows would bury the gaps
 * and hold up the card's render).
 */
export function AccountSection({ contact, peers: given }: { contact: Contact; peers?: AccountPeer[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  // the card passes the peers its tie judgement has just read (one query, not two side by side)
  const read = useLiveQuery(async () => (given ? null : accountPeers(contact)), [contact.id, contact.company, !given]);
  const peers = given ?? read ?? undefined;
  if (!contact.company || peers === undefined) return null;
  const self: AccountMember & { self: true } = {
    id: contact.id, name: contact.name, role: contact.position, networkType: contact.networkType,
    stage: contact.stage, tieScore: contact.tieScore, relation: contact.relation, self: true,
  };
  const v = accountView(contact.company, [self, ...peers]);
  const shown = all ? v.members : v.members.filter((m, i) => i < ACCOUNT_SHOWN || 'self' in m);
  const gapText = (g: AccountGap) => {
    const d = g.detail as Record<string, string | null>;
    const empty = Object.values(d).some((x) => x === null);
    return t(`accountView.gap.${g.code}${empty ? '-empty' : ''}`, d);
  };
  return (
    <Section title={t('accountView.title', { company: contact.company })}>
      <p>{t('accountView.stage', { stage: t(`tie.stage.${v.stage}`) })}</p>
      <h4>{t('accountView.people')}</h4>
      <ul className="account-members">
        {shown.map((m) => (
          <li key={m.id ?? m.name}>
            <strong>{m.name}</strong>
            {'self' in m && <span className="muted"> ({t('accountView.self')})</span>}
            {m.role && <span> · {m.role}</span>}
            <span className="muted">
              {' · '}
              {t('accountView.member', { type: t(`tie.type.${m.networkType ?? 'unclassified'}`), score: Math.round((m.tieScore ?? 0) * 100) })}
            </span>
          </li>
        ))}
      </ul>
      {shown.length < v.members.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>{t('accountView.showAll', { count: v.members.length })}</button>
      )}
      <h4>{t('accountView.lacks')}</h4>
      {v.gaps.length ? (
        <ul className="account-gaps">{v.gaps.map((g) => <li key={g.code}>{gapText(g)}</li>)}</ul>
      ) : (
        <p className="small">{t('accountView.none')}</p>
      )}
    </Section>
  );
}
