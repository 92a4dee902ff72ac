// The network type and sales-cycle stage of a contact (model.md, after Üstüner &
// Godes 2006): from the tie score AND the context — which organisation, customer
// or not, colleague or partner — never from the score alone.
import type { Complaint, Contact, NetworkType, Stage, TagOverride } from '../db/schema';
import { normCompany } from './identity';
import type { Reason } from './reason';
import { tieSignals, tieStrength, type RepContext, type TieInput, type TieSignals, type TieStrength } from './tie';
import { OPEN_NETWORKER, STRONG_TIE } from './weights';

export const STAGE_OF: Record<NetworkType, Stage | null> = {
  'weak-tie-prospect': 'prospecting',
  'strong-tie-champion': 'entering-account',
  team: 'solution-team',
  'referral-advocate': 'closing-referrals',
  unclassified: null,
};

/** Evidence that would classify an unclassified contact (the UI translates). */
export type Need = 'log-interaction' | 'add-notes' | 'link-profile' | 'set-company' | 'set-relation' | 'strengthen-tie';

export interface Classification {
  networkType: NetworkType;
  stage: Stage | null;
  reasons: Reason[];
  needs?: Need[];
}

export interface ClassifyInput {
  contact: Contact;
  signals: TieSignals;
  tie: TieStrength;
  rep?: RepContext;
  /** other contacts in the same organisation with a strong tie (the caller counts them in the book) */
  orgStrongTies?: number;
  /** whether any profile is linked (for `needs`) */
  hasProfile?: boolean;
}

function tag(networkType: NetworkType, reasons: Reason[], needs?: Need[]): Classification {
  return { networkType, stage: STAGE_OF[networkType], reasons, ...(needs ? { needs } : {}) };
}

/**
 * model.md's table, in order:
 * 1. same organisation as the rep, a colleague or a partner → team (solution-team);
 * 2. customer + strong tie + referrals or introductions given → referral-advocate;
 * 3. strong tie inside a prospect or customer account → strong-tie-champion
 *    (other strong ties in the same org are named as a reason: a dense clique);
 * 4. not a customer, with a weak or medium tie, or an open networker, or a
 *    declared prospect never contacted → weak-tie-prospect (prospecting);
 * 5. otherwise unclassified, with the evidence that would classify it.
 */
export function classify(input: ClassifyInput): Classification {
  const { contact, signals: s, tie, rep } = input;
  const reasons: Reason[] = [];
  const company = normCompany(contact.company);
  const repCompany = normCompany(rep?.company);
  const partners = (rep?.partners ?? []).map((p) => normCompany(p));

  if (contact.relation === 'colleague' || (company && company === repCompany))
    return tag('team', [{ code: 'same-organisation', detail: { company: contact.company ?? null, relation: contact.relation ?? null } }]);
  if (contact.relation === 'partner' || (company && partners.includes(company)))
    return tag('team', [{ code: 'partner', detail: { company: contact.company ?? null, relation: contact.relation ?? null } }]);

  const customer = contact.relation === 'customer' || s.purchases > 0;
  const strong = tie.score >= STRONG_TIE;
  const given = s.referrals + s.introductions;
  const scoreReason: Reason = {
    code: s.neverInteracted ? 'never-interacted' : `tie-${tie.band}`,
    detail: { score: round(tie.score) },
    weight: round(tie.score),
  };
  reasons.push(scoreReason);
  if (customer) reasons.push({ code: 'customer', detail: { purchases: s.purchases, relation: contact.relation ?? null } });

  if (customer && strong && given > 0) {
    reasons.push({ code: 'referrals-given', detail: { referrals: s.referrals, introductions: s.introductions } });
    return tag('referral-advocate', reasons);
  }

  const hasAccount = !!company || contact.relation === 'prospect' || customer;
  if (strong && hasAccount) {
    if (contact.company) reasons.push({ code: 'inside-account', detail: { company: contact.company } });
    if (input.orgStrongTies) reasons.push({ code: 'org-strong-ties', detail: { count: input.orgStrongTies } });
    return tag('strong-tie-champion', reasons);
  }

  const open = s.connections !== null && s.connections >= OPEN_NETWORKER;
  if (!customer) {
    if (open) reasons.push({ code: 'open-networker', detail: { connections: s.connections! } });
    if (!s.neverInteracted && !strong) return tag('weak-tie-prospect', [...reasons, { code: 'not-customer' }]);
    if (s.neverInteracted && (open || contact.relation === 'prospect')) {
      if (contact.relation === 'prospect') reasons.push({ code: 'relation', detail: { relation: 'prospect' } });
      return tag('weak-tie-prospect', [...reasons, { code: 'not-customer' }]);
    }
  }

  const needs: Need[] = [];
  if (s.neverInteracted) needs.push('log-interaction');
  else if (customer && !strong) {
    reasons.push({ code: 'customer-tie-not-strong' });
    needs.push('strengthen-tie');
    if (s.notes === 0) needs.push('add-notes');
  }
  if (!input.hasProfile && s.connections === null && s.mutual === null) needs.push('link-profile');
  if (strong && !hasAccount) needs.push('set-company');
  if (!contact.relation) needs.push('set-relation');
  return tag('unclassified', reasons, needs);
}

export interface EffectiveTag {
  networkType: NetworkType;
  stage: Stage | null;
  /** who decided: the user's override always wins */
  by: 'user' | 'model';
  /** when the user set it */
  at?: number;
  /** the model's own judgement, kept to show next to an override */
  computed: Classification;
}

/** The user's override wins and is marked as the user's; without one, the computed tag. */
export function effectiveTag(computed: Classification, override?: TagOverride | null): EffectiveTag {
  if (override)
    return {
      networkType: override.networkType,
      stage: override.stage ?? STAGE_OF[override.networkType],
      by: 'user',
      at: override.at,
      computed,
    };
  return { networkType: computed.networkType, stage: computed.stage, by: 'model', computed };
}

export interface NextStep {
  code:
    | 'resolve-complaint'
    | 'map-buying-committee'
    | 'ask-referral'
    | 'open-with-shared-ground'
    | 'qualify-opportunity'
    | 'coordinate-solution-team'
    | 'log-interaction'
    | 'link-profile'
    | 'complete-record';
  detail: Record<string, string | number | null>;
}

export interface NextStepContext {
  contact?: Contact;
  /** small-talk topics, best first (smallTalk()) */
  topics?: { kind: string; value: string }[];
  complaints?: Complaint[];
  needs?: Need[];
}

/**
 * The step that fits the tag. An open complaint comes first for everyone but a
 * colleague: no referral ask while a problem is open.
 */
export function nextStep(t: { networkType: NetworkType }, ctx: NextStepContext = {}): NextStep {
  const open = (ctx.complaints ?? []).filter((c) => c.state !== 'resolved').sort((a, b) => a.openedAt - b.openedAt);
  if (open.length && t.networkType !== 'team')
    return { code: 'resolve-complaint', detail: { complaintId: open[0].id, subject: open[0].subject, open: open.length } };
  const company = ctx.contact?.company ?? null;
  switch (t.networkType) {
    case 'strong-tie-champion':
      return { code: 'map-buying-committee', detail: { company } };
    case 'referral-advocate':
      return { code: 'ask-referral', detail: { company } };
    case 'team':
      return { code: 'coordinate-solution-team', detail: { company } };
    case 'weak-tie-prospect': {
      const top = ctx.topics?.[0];
      return top
        ? { code: 'open-with-shared-ground', detail: { kind: top.kind, value: top.value } }
        : { code: 'qualify-opportunity', detail: { company } };
    }
    default: {
      const needs = ctx.needs ?? [];
      if (needs.includes('log-interaction')) return { code: 'log-interaction', detail: {} };
      if (needs.includes('link-profile')) return { code: 'link-profile', detail: {} };
      return { code: 'complete-record', detail: { needs: needs.join(',') || null } };
    }
  }
}

export interface Assessment {
  signals: TieSignals;
  tie: TieStrength;
  classification: Classification;
}

/** Signals → strength → classification in one call, for the panel. */
export function assess(input: TieInput & { orgStrongTies?: number }, now: number): Assessment {
  const signals = tieSignals(input, now);
  const tie = tieStrength(signals);
  const classification = classify({
    contact: input.contact,
    signals,
    tie,
    rep: input.rep,
    orgStrongTies: input.orgStrongTies,
    hasProfile: (input.profiles ?? []).length > 0,
  });
  return { signals, tie, classification };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
