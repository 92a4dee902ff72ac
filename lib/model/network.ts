// The network type and sales-cycle stage of a contact (model.md, after Üstüner &
// Godes 2006): from the tie score AND the context — which organisation, customer
// or not, colleague or partner — never from the score alone.
// Over 300 lines on purpose: one model (docs/model.md's network type and stage); its
// rules read in the order the document gives them.
import type { Complaint, Contact, NetworkType, Stage, TagOverride } from '../domain/entities';
import { currentDeal, type Deal } from './deal';
import { normCompany } from './identity';
import { type Reason } from './reason';
import { tieSignals, tieStrength, type RepContext, type TieInput, type TieSignals, type TieStrength } from './tie';
import {
  DORMANT_DAYS, FRESH_WIN_DAYS, LAPSED_DAYS, RECENT_PURCHASE_DAYS, STRONG_TIE, UNANSWERED_RUN, WEAK_TIE,
} from './weights';
import { DAY } from '../domain/time';

export const STAGE_OF: Record<NetworkType, Stage | null> = {
  'weak-tie-prospect': 'prospecting',
  'strong-tie-champion': 'entering-account',
  team: 'solution-team',
  'referral-advocate': 'closing-referrals',
  unclassified: null,
};

/** Evidence that would classify an unclassified contact (the UI translates). */
export type Need = 'log-interaction' | 'add-notes' | 'link-profile' | 'set-company' | 'set-relation' | 'strengthen-tie';

/**
 * What the rep should know beyond the four networks (issue 20): the state of the
 * relation a sales manager would name. The network type stays one of Üstüner &
 * Godes's four (or unclassified); the state refines it and drives the next step.
 */
export const TIE_STATES = [
  'colleague', 'partner',
  'champion', 'stakeholder', 'prospect', 'one-way', 'lapsed', 'deal-lost',
  'advocate', 'advocate-candidate', 'deal-won', 'dormant-customer', 'complaint-open', 'customer-check-in',
  'unknown',
] as const;
export type TieState = (typeof TIE_STATES)[number];

/** Another contact the rep knows at the same organisation. */
export interface AccountPeer {
  id?: string;
  name: string;
  networkType?: NetworkType;
  tieScore?: number;
  relation?: Contact['relation'];
  /** the person's role at the organisation (position), shown in the account view */
  role?: string;
}

export interface Classification {
  networkType: NetworkType;
  stage: Stage | null;
  state: TieState;
  reasons: Reason[];
  needs?: Need[];
  /** the rep's champion at the organisation, when it is someone else (a stakeholder's introducer) */
  champion?: string;
}

export interface ClassifyInput {
  contact: Contact;
  signals: TieSignals;
  tie: TieStrength;
  rep?: RepContext;
  /** other contacts in the same organisation with a strong tie (the caller counts them in the book) */
  orgStrongTies?: number;
  /** the other contacts the rep knows at the same organisation, with their ties */
  account?: AccountPeer[];
  complaints?: Complaint[];
  deals?: Deal[];
  /** the deals other contacts at the same organisation carry (an open one: the account is being entered) */
  accountDeals?: Deal[];
  /** whether any profile is linked (for `needs`) */
  hasProfile?: boolean;
  now?: number;
}

function tag(networkType: NetworkType, state: TieState, reasons: Reason[], more: { needs?: Need[]; stage?: Stage | null; champion?: string } = {}): Classification {
  const stage = more.stage !== undefined ? more.stage : STAGE_OF[networkType];
  return {
    networkType, stage, state, reasons,
    ...(more.needs ? { needs: more.needs } : {}),
    ...(more.champion ? { champion: more.champion } : {}),
  };
}

/** The strongest other contact at the organisation who is the rep's champion or advocate there. */
export function accountChampion(peers: AccountPeer[] | undefined): AccountPeer | null {
  // by the score when known (an advocate candidate may be a weak tie), else by the tag
  const strong = (peers ?? []).filter((p) =>
    p.tieScore !== undefined ? p.tieScore >= STRONG_TIE : p.networkType === 'strong-tie-champion' || p.networkType === 'referral-advocate',
  ).filter((p) => p.relation !== 'colleague' && p.networkType !== 'team');
  return strong.sort((a, b) => (b.tieScore ?? 0) - (a.tieScore ?? 0))[0] ?? null;
}

/**
 * model.md's table and issue 20, in order:
 * 1. same organisation as the rep, a colleague or a partner → team (solution-team);
 * 2. a customer (relation, purchase or won deal) always has a place, stage 4 unless dormant:
 *    open complaint → never an advocate, resolve first; a deal won lately → reference ask;
 *    silent over a year → dormant (re-engage with a cross-sell, in prospecting again);
 *    referrals given → advocate; a recent purchase or a medium tie → advocate candidate;
 *    otherwise a check-in;
 * 3. not a customer: the last deal lost → debrief; strong tie inside an account →
 *    champion; a strong tie gone quiet → lapsed (reconnect); a weaker contact at an
 *    organisation where the rep has a champion → stakeholder to be introduced by
 *    that champion (entering the account); unanswered sends → one-way; any other
 *    contact, or a new name at a company or target → prospect;
 * 4. otherwise unclassified, with the evidence that would classify it.
 */
export function classify(input: ClassifyInput): Classification {
  const { contact, signals: s, tie, rep } = input;
  const now = input.now ?? Date.now();
  const reasons: Reason[] = [];
  const company = normCompany(contact.company);
  const repCompany = normCompany(rep?.company);
  const partners = (rep?.partners ?? []).map((p) => normCompany(p));

  if (contact.relation === 'colleague' || (company && company === repCompany))
    return tag('team', 'colleague', [{ code: 'same-organisation', detail: { company: contact.company ?? null, relation: contact.relation ?? null } }]);
  if (contact.relation === 'partner' || (company && partners.includes(company)))
    return tag('team', 'partner', [{ code: 'partner', detail: { company: contact.company ?? null, relation: contact.relation ?? null } }]);

  const deals = input.deals ?? [];
  const won = deals.filter((d) => d.status === 'won').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  const customer = contact.relation === 'customer' || s.purchases > 0 || won.length > 0;
  const strong = tie.score >= STRONG_TIE;
  const medium = tie.score >= WEAK_TIE;
  const given = s.referrals + s.introductions;
  const silent = s.daysSinceLast;
  const lapsed = tie.peak >= STRONG_TIE && silent !== null && silent > LAPSED_DAYS;
  reasons.push({
    code: s.neverInteracted ? 'never-interacted' : `tie-${tie.band}`,
    detail: { score: round(tie.score) },
    weight: round(tie.score),
  });
  if (tie.gated) reasons.push({ code: 'no-reply-yet', detail: { sends: s.sends } });
  if (s.unanswered >= UNANSWERED_RUN) reasons.push({ code: 'unanswered', detail: { count: s.unanswered, channel: s.unansweredChannel } });
  if (lapsed) reasons.push({ code: 'lapsed', detail: { days: Math.round(silent!), peak: round(tie.peak), topic: s.lastPersonal?.word ?? null } });
  if (s.connectionsAtLeast) reasons.push({ code: 'connections-at-least', detail: { connections: s.connections } });

  const open = (input.complaints ?? []).filter((c) => c.state !== 'resolved');
  const champion = accountChampion(input.account);
  if (champion) reasons.push({ code: 'account-champion', detail: { name: champion.name, company: contact.company ?? null } });
  else if (input.orgStrongTies) reasons.push({ code: 'org-strong-ties', detail: { count: input.orgStrongTies } });

  if (customer) {
    const lastBuy = s.daysSinceLastPurchase;
    reasons.push({ code: 'customer', detail: { purchases: s.purchases, relation: contact.relation ?? null, dealsWon: won.length } });
    if (open.length) {
      reasons.push({ code: 'complaint-open', detail: { open: open.length, subject: open[0].subject } });
      return tag(strong ? 'strong-tie-champion' : 'weak-tie-prospect', 'complaint-open', reasons, { stage: 'closing-referrals' });
    }
    const fresh = won[0]?.closedAt !== undefined && (now - won[0].closedAt!) / DAY <= FRESH_WIN_DAYS;
    if (fresh) {
      reasons.push({ code: 'deal-won', detail: { deal: won[0].name ?? null, days: Math.round((now - won[0].closedAt!) / DAY), amount: won[0].amount ?? null } });
      return tag('referral-advocate', 'deal-won', reasons);
    }
    if (silent !== null && silent > DORMANT_DAYS) {
      reasons.push({ code: 'dormant', detail: { days: Math.round(silent) } });
      return tag('weak-tie-prospect', 'dormant-customer', reasons);
    }
    if (given > 0) {
      reasons.push({ code: 'referrals-given', detail: { referrals: s.referrals, introductions: s.introductions } });
      return tag('referral-advocate', 'advocate', reasons);
    }
    if ((lastBuy !== null && lastBuy <= RECENT_PURCHASE_DAYS) || medium) {
      reasons.push(lastBuy !== null && lastBuy <= RECENT_PURCHASE_DAYS ? { code: 'recent-purchase', detail: { days: Math.round(lastBuy) } } : { code: 'medium-tie-customer' });
      return tag('referral-advocate', 'advocate-candidate', reasons);
    }
    // someone new at a customer account where the rep has a strong tie: ask that tie to introduce you
    if (champion) return tag('weak-tie-prospect', 'stakeholder', reasons, { stage: 'closing-referrals', champion: champion.name });
    reasons.push({ code: 'customer-tie-not-strong' });
    return tag('weak-tie-prospect', 'customer-check-in', reasons, { stage: 'closing-referrals' });
  }

  const hasAccount = !!company || contact.relation === 'prospect';
  const last = currentDeal(deals);
  if (last?.status === 'open') reasons.push({ code: 'deal-open', detail: { deal: last.name ?? null, stage: last.stage ?? null, amount: last.amount ?? null } });
  const accountOpen = !last && hasAccount ? (input.accountDeals ?? []).find((d) => d.status === 'open') : undefined;
  if (accountOpen) reasons.push({ code: 'account-deal-open', detail: { deal: accountOpen.name ?? null, company: contact.company ?? null } });
  if (last?.status === 'lost') {
    reasons.push({ code: 'deal-lost', detail: { deal: last.name ?? null } });
    return tag(strong ? 'strong-tie-champion' : 'weak-tie-prospect', 'deal-lost', reasons, { stage: 'prospecting' });
  }
  if (lapsed && hasAccount) return tag('strong-tie-champion', 'lapsed', reasons);
  if (strong && hasAccount) {
    if (contact.company) reasons.push({ code: 'inside-account', detail: { company: contact.company } });
    return tag('strong-tie-champion', 'champion', reasons);
  }
  if (champion && hasAccount && !strong)
    return tag('weak-tie-prospect', 'stakeholder', reasons, { stage: 'entering-account', champion: champion.name });
  const opener = s.openNetworker;
  if (opener) reasons.push({ code: 'open-networker', detail: { connections: s.connections ?? s.followers } });
  // an open deal means the account is being entered, even before a champion is won
  // (the rep's, through this contact or another at the same organisation)
  const stage: Stage = last?.status === 'open' || accountOpen ? 'entering-account' : 'prospecting';
  if (!s.neverInteracted && !strong) {
    if (s.unanswered >= UNANSWERED_RUN) return tag('weak-tie-prospect', 'one-way', [...reasons, { code: 'not-customer' }], { stage });
    return tag('weak-tie-prospect', 'prospect', [...reasons, { code: 'not-customer' }], { stage });
  }
  if (s.neverInteracted && (opener || hasAccount || (s.mutual ?? 0) > 0 || s.degree !== null)) {
    if (contact.relation === 'prospect') reasons.push({ code: 'relation', detail: { relation: 'prospect' } });
    return tag('weak-tie-prospect', 'prospect', [...reasons, { code: 'not-customer' }], { stage });
  }

  const needs: Need[] = [];
  if (s.neverInteracted) needs.push('log-interaction');
  if ((strong || lapsed) && !hasAccount) needs.push('set-company');
  if (!input.hasProfile && s.connections === null && s.mutual === null) needs.push('link-profile');
  if (!contact.relation) needs.push('set-relation');
  return tag('unclassified', lapsed ? 'lapsed' : 'unknown', reasons, { needs });
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
    | 'ask-reference'
    | 're-engage'
    | 'check-in'
    | 'reconnect'
    | 'ask-champion-intro'
    | 'ask-mutual-intro'
    | 'try-another-channel'
    | 'debrief-lost-deal'
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
  /** the model's own classification: its state drives the step while the tag in force is the model's type */
  classification?: Classification;
  signals?: TieSignals;
  deals?: Deal[];
  /** cross-sell suggestions' product names, best first */
  crossSell?: string[];
}

const SHARED_KINDS = new Set(['shared-employer', 'shared-school', 'shared-city', 'shared-language']);

/**
 * The step that fits the tag and its state. An open complaint comes first for
 * everyone but a colleague: no referral ask while a problem is open.
 */
export function nextStep(t: { networkType: NetworkType }, ctx: NextStepContext = {}): NextStep {
  const open = (ctx.complaints ?? []).filter((c) => c.state !== 'resolved').sort((a, b) => a.openedAt - b.openedAt);
  if (open.length && t.networkType !== 'team')
    return { code: 'resolve-complaint', detail: { complaintId: open[0].id, subject: open[0].subject, open: open.length } };
  const company = ctx.contact?.company ?? null;
  const c = ctx.classification && ctx.classification.networkType === t.networkType ? ctx.classification : null;
  const s = ctx.signals;
  const product = ctx.crossSell?.[0] ?? null;
  const topic = s?.lastPersonal?.word ?? null;
  const mutualNamed = s?.mutualNames[0] ?? null;
  const mutualCount = s?.mutual ?? null;
  const topics = (ctx.topics ?? []).filter((x) => x.kind !== 'mutual');
  switch (c?.state) {
    case 'deal-won': {
      const d = (ctx.deals ?? []).filter((x) => x.status === 'won').sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0))[0];
      return { code: 'ask-reference', detail: { company, deal: d?.name ?? null } };
    }
    case 'dormant-customer':
      return { code: 're-engage', detail: { company, product, topic, days: s?.daysSinceLast !== null && s ? Math.round(s.daysSinceLast!) : null } };
    case 'customer-check-in':
      return { code: 'check-in', detail: { company, product } };
    case 'lapsed':
      return { code: 'reconnect', detail: { topic, days: s?.daysSinceLast != null ? Math.round(s.daysSinceLast) : null } };
    case 'stakeholder':
      return { code: 'ask-champion-intro', detail: { champion: c.champion ?? null, company } };
    case 'deal-lost': {
      const d = currentDeal(ctx.deals);
      return { code: 'debrief-lost-deal', detail: { deal: d?.name ?? null, company } };
    }
    case 'one-way':
      if (mutualNamed || (mutualCount ?? 0) > 0) return { code: 'ask-mutual-intro', detail: { name: mutualNamed, count: mutualCount } };
      return {
        code: 'try-another-channel',
        detail: { count: s?.unanswered ?? null, tried: s?.unansweredChannel ?? 'email', suggest: s?.unansweredChannel === 'chat' ? 'email' : 'call' },
      };
  }
  switch (t.networkType) {
    case 'strong-tie-champion':
      return { code: 'map-buying-committee', detail: { company } };
    case 'referral-advocate':
      return { code: 'ask-referral', detail: { company } };
    case 'team':
      return { code: 'coordinate-solution-team', detail: { company } };
    case 'weak-tie-prospect': {
      // (a 1st-degree connection or friend needs no introduction: the rep can write directly)
      const cold = (!s || s.neverInteracted) && s?.degree !== 1;
      if (cold && mutualNamed) return { code: 'ask-mutual-intro', detail: { name: mutualNamed, count: mutualCount } };
      const shared = topics.find((x) => SHARED_KINDS.has(x.kind));
      if (shared) return { code: 'open-with-shared-ground', detail: { kind: shared.kind, value: shared.value } };
      if (cold && (mutualCount ?? 0) > 0) return { code: 'ask-mutual-intro', detail: { name: null, count: mutualCount } };
      const top = topics[0];
      return top
        ? { code: 'open-with-shared-ground', detail: { kind: top.kind, value: top.value } }
        : { code: 'qualify-opportunity', detail: { company } };
    }
    default: {
      const needs = ctx.needs ?? [];
      if (needs.includes('log-interaction')) return { code: 'log-interaction', detail: {} };
      if (needs.includes('set-company')) return { code: 'complete-record', detail: { needs: needs.join(',') } };
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
export function assess(input: TieInput & { orgStrongTies?: number; account?: AccountPeer[]; accountDeals?: Deal[] }, now: number): Assessment {
  const signals = tieSignals(input, now);
  const tie = tieStrength(signals);
  const classification = classify({
    contact: input.contact,
    signals,
    tie,
    rep: input.rep,
    orgStrongTies: input.orgStrongTies,
    account: input.account,
    complaints: input.complaints,
    deals: input.deals,
    accountDeals: input.accountDeals,
    hasProfile: (input.profiles ?? []).length > 0,
    now,
  });
  return { signals, tie, classification };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
