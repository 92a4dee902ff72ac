// Tie strength: the observable signals of model.md's table, computed from plain
// data, and an explainable linear model over them (weights in ./weights.ts).
// Over 300 lines on purpose: the tie model's signals and the score over them, one table
// of docs/model.md; the signals feed only this score.
import type { Complaint, Contact, Interaction, Note, Profile, Purchase } from '../domain/entities';
import type { Degree, Extraction, FieldName, FieldValues } from '../extract/types';
import { ExtractionSchema } from '../extract/schema';
import { findTopics, languageCode } from './keywords';
import { normCity, normCompany } from './identity';
import { foldText, nicknameGroups, parseName } from './names';
import type { Deal } from './deal';
import {
  LINKEDIN_CONNECTIONS_CAP, NETWORK_SIZE_FLOOR, NETWORK_SIZE_LION, OPEN_NETWORKER, OPEN_NETWORKER_FOLLOWERS,
  RECENCY_GRACE_DAYS, STRONG_TIE, TIE_BIAS, TIE_WEIGHTS, UNANSWERED_RUN, WEAK_TIE,
  type SignalName,
} from './weights';
import { DAY } from '../domain/time';

/** What the rep's own settings say about the rep (for social distance and "team"). */
export interface RepContext {
  name?: string;
  /** the rep's organisation; a contact there is on the rep's team */
  company?: string;
  /** partner organisations (also "team") */
  partners?: string[];
  /** past employers (the current company counts too) */
  employers?: string[];
  schools?: string[];
  city?: string;
  hometown?: string;
  languages?: string[];
}

/** One read of a linked profile. */
export interface ProfileRead {
  network: Profile['network'];
  url: string;
  readAt?: number;
  extraction: Extraction | null;
  /** the connection degree the page showed (1st, 2nd, 3rd), when known apart from the extraction (its `degree` field counts too) */
  degree?: Degree;
  /** names of mutual connections the page showed, when known apart from the extraction (its `mutualNames` field counts too) */
  mutualNames?: string[];
}

/** Profiles as stored (snapshot: unknown) → reads with a checked extraction. */
export function profileReads(profiles: Profile[]): ProfileRead[] {
  return profiles.map((p) => {
    const r = p.snapshot === undefined ? null : ExtractionSchema.safeParse(p.snapshot);
    return { network: p.network, url: p.url, readAt: p.readAt, extraction: r && r.success ? (r.data as Extraction) : null };
  });
}

export interface TieInput {
  contact: Contact;
  interactions?: Interaction[];
  notes?: Note[];
  purchases?: Purchase[];
  complaints?: Complaint[];
  profiles?: ProfileRead[];
  rep?: RepContext;
  /** connection degree, when known apart from the profile reads (whose `degree` field counts too) */
  degree?: Degree;
  /** deals / opportunities with the contact's organisation through this contact */
  deals?: Deal[];
  /** mutual connections known by name (from the page or the book) */
  mutualNames?: string[];
}

export interface Shared {
  employer?: string;
  school?: string;
  city?: string;
  language?: string;
}

export interface TieSignals {
  /** null when there was never an interaction, note or purchase */
  daysSinceLast: number | null;
  daysSinceFirst: number | null;
  interactions: number;
  notes: number;
  words: number;
  inbound: number;
  outbound: number;
  /** meetings and calls, either direction */
  conversations: number;
  /** e-mails and chats from the contact */
  replies: number;
  /** e-mails and chats from the rep */
  sends: number;
  /** the rep's sends since the contact last replied, met or called */
  unanswered: number;
  /** the channel of the last unanswered send */
  unansweredChannel: 'email' | 'chat' | null;
  /** days from the first to the last contact; null when never */
  durationDays: number | null;
  /** the newest personal topic in notes (for a lapsed tie's reconnect) */
  lastPersonal: { topic: string; word: string; at: number } | null;
  /** distinct personal topics named in notes (family, hobby, …) */
  personalTopics: string[];
  /** null without notes */
  firstNameTerms: boolean | null;
  purchases: number;
  /** days since the last purchase or won deal; null without either */
  daysSinceLastPurchase: number | null;
  referrals: number;
  introductions: number;
  degree: 1 | 2 | 3 | null;
  mutual: number | null;
  mutualNames: string[];
  /** what the contact shares with the rep; null without rep settings */
  shared: Shared | null;
  /** connection / friend count, the largest a profile shows */
  connections: number | null;
  /** the count is a lower bound (LinkedIn's "500+") */
  connectionsAtLeast: boolean;
  /** the largest follower count a profile shows */
  followers: number | null;
  /** an open networker: an exact count ≥ OPEN_NETWORKER or ≥ OPEN_NETWORKER_FOLLOWERS followers */
  openNetworker: boolean;
  dealsWon: number;
  neverInteracted: boolean;
}

/** The `ok` values of one field across profile reads, newest read first. */
export function field<K extends FieldName>(reads: ProfileRead[] | undefined, k: K): { value: FieldValues[K]; read: ProfileRead }[] {
  const out: { value: FieldValues[K]; read: ProfileRead }[] = [];
  for (const r of reads ?? []) {
    const f = r.extraction?.fields[k];
    if (f && f.status === 'ok') out.push({ value: f.value as FieldValues[K], read: r });
  }
  return out.sort((a, b) => (b.read.readAt ?? 0) - (a.read.readAt ?? 0));
}

function words(s: string): number {
  const m = s.trim().match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** What the contact shares with the rep: employer, school, city, language. */
export function sharedWithRep(contact: Contact, reads: ProfileRead[] | undefined, rep: RepContext | undefined): Shared | null {
  if (!rep) return null;
  const shared: Shared = {};
  const repEmployers = [rep.company, ...(rep.employers ?? [])].filter(Boolean).map((c) => normCompany(c));
  const theirEmployers = [
    contact.company,
    ...field(reads, 'company').map((x) => x.value),
    ...field(reads, 'experience').flatMap((x) => x.value.map((j) => j.company)),
  ].filter((x): x is string => !!x);
  shared.employer = theirEmployers.find((c) => repEmployers.includes(normCompany(c)));
  const repSchools = (rep.schools ?? []).map(foldText);
  shared.school = field(reads, 'education')
    .flatMap((x) => x.value.map((s) => s.school))
    .find((s) => repSchools.includes(foldText(s)));
  const repCities = [rep.city, rep.hometown].filter(Boolean).map((c) => normCity(c));
  shared.city = [contact.city, contact.hometown, ...field(reads, 'location').map((x) => x.value), ...field(reads, 'hometown').map((x) => x.value)]
    .filter((x): x is string => !!x)
    .find((c) => repCities.includes(normCity(c)));
  const repLangs = (rep.languages ?? []).map(languageCode);
  shared.language = [...(contact.languages ?? []), ...field(reads, 'languages').flatMap((x) => x.value)].find((l) =>
    repLangs.includes(languageCode(l)),
  );
  for (const k of Object.keys(shared) as (keyof Shared)[]) if (shared[k] === undefined) delete shared[k];
  return shared;
}

/** Whether notes call the contact by first name (or a nickname of it) without the surname. */
function usesFirstName(contact: Contact, notes: Note[]): boolean {
  const parsed = parseName(contact.name);
  const first = contact.firstName ? parseName(contact.firstName).full[0] : parsed.full[0];
  if (!first || parsed.full.length < 2) return false;
  const surname = contact.lastName ? parseName(contact.lastName).full[0]?.key : parsed.full[parsed.full.length - 1].key;
  const groups = new Set(nicknameGroups(first.key));
  const isFirst = (k: string) => k === first.key || nicknameGroups(k).some((g) => groups.has(g));
  for (const n of notes) {
    const toks = foldText(n.text).split(' ');
    for (let i = 0; i < toks.length; i++) {
      if (isFirst(toks[i]) && toks[i + 1] !== surname && toks[i - 1] !== surname) return true;
    }
  }
  return false;
}

/** The observable signals of model.md's table. `now` is epoch ms. */
export function tieSignals(input: TieInput, now: number): TieSignals {
  const { contact } = input;
  const interactions = input.interactions ?? [];
  const notes = input.notes ?? [];
  const purchases = input.purchases ?? [];
  const deals = input.deals ?? [];
  const buys = [...purchases.map((p) => p.at), ...deals.filter((d) => d.status === 'won' && d.closedAt !== undefined).map((d) => d.closedAt!)];
  const times = [
    ...interactions.map((i) => i.at),
    ...notes.map((n) => n.createdAt),
    ...purchases.map((p) => p.at),
    ...deals.filter((d) => d.status !== 'open' && d.closedAt !== undefined).map((d) => d.closedAt!),
    ...(contact.lastContactAt !== undefined ? [contact.lastContactAt] : []),
  ];
  const never = times.length === 0;
  const last = never ? null : Math.max(...times);
  // LinkedIn's "Connected On" is the first contact when nothing earlier is known
  const connected = contact.connectedAt !== undefined && contact.connectedAt <= now ? contact.connectedAt : undefined;
  const first = never ? null : Math.min(...times, ...(connected !== undefined ? [connected] : []));
  const days = (t: number | null) => (t === null ? null : Math.max(0, (now - t) / DAY));
  const topics = new Set<string>();
  let lastPersonal: TieSignals['lastPersonal'] = null;
  for (const n of [...notes].sort((a, b) => b.createdAt - a.createdAt))
    for (const t of findTopics(n.text)) {
      topics.add(t.topic);
      if (!lastPersonal && t.topic !== 'health') lastPersonal = { topic: t.topic, word: t.word, at: n.createdAt };
    }
  // LinkedIn shows "500+" for any count from 500 up: a lower bound, not a count
  const counts = [
    ...field(input.profiles, 'connections').map((x) => ({ n: x.value, atLeast: x.read.network === 'linkedin' && x.value === LINKEDIN_CONNECTIONS_CAP })),
    ...field(input.profiles, 'followers').filter((x) => x.read.network !== 'linkedin').map((x) => ({ n: x.value, atLeast: false })),
  ].sort((a, b) => b.n - a.n);
  const followers = Math.max(-1, ...field(input.profiles, 'followers').map((x) => x.value));
  const mutual = field(input.profiles, 'mutual');
  const isConversation = (i: Interaction) => i.kind === 'meeting' || i.kind === 'call';
  const isMessage = (i: Interaction) => i.kind === 'email' || i.kind === 'chat';
  const answered = (i: Interaction) => isConversation(i) || i.direction === 'in';
  const chrono = [...interactions].sort((a, b) => a.at - b.at);
  let unanswered = 0;
  let unansweredChannel: TieSignals['unansweredChannel'] = null;
  for (const i of chrono) {
    if (answered(i)) { unanswered = 0; unansweredChannel = null; }
    else if (isMessage(i)) { unanswered++; unansweredChannel = i.kind as 'email' | 'chat'; }
  }
  // the degree a linked profile's page showed (its stored read, or given with the read); the closest wins
  const degrees = [
    ...(input.profiles ?? []).map((r) => r.degree).filter((d): d is Degree => d !== undefined),
    ...field(input.profiles, 'degree').map((x) => x.value),
  ];
  const degree = input.degree ?? (degrees.length ? (Math.min(...degrees) as Degree) : null);
  const mutualNames = [
    ...new Set([
      ...(input.mutualNames ?? []),
      ...(input.profiles ?? []).flatMap((r) => r.mutualNames ?? []),
      ...field(input.profiles, 'mutualNames').flatMap((x) => x.value),
    ]),
  ];
  const top = counts[0];
  const exactOpen = counts.some((c) => !c.atLeast && c.n >= OPEN_NETWORKER);
  return {
    daysSinceLast: days(last),
    daysSinceFirst: days(first ?? connected ?? null),
    interactions: interactions.length,
    notes: notes.length,
    words: notes.reduce((s, n) => s + words(n.text), 0) + interactions.reduce((s, i) => s + words(i.summary ?? ''), 0),
    inbound: interactions.filter((i) => i.direction === 'in').length,
    outbound: interactions.filter((i) => i.direction === 'out').length,
    conversations: interactions.filter(isConversation).length,
    replies: interactions.filter((i) => isMessage(i) && i.direction === 'in').length,
    sends: interactions.filter((i) => isMessage(i) && i.direction === 'out').length,
    unanswered,
    unansweredChannel,
    durationDays: never ? null : (last! - first!) / DAY,
    lastPersonal,
    personalTopics: [...topics].sort(),
    firstNameTerms: notes.length ? usesFirstName(contact, notes) : null,
    purchases: purchases.length,
    daysSinceLastPurchase: buys.length ? Math.max(0, (now - Math.max(...buys)) / DAY) : null,
    referrals: interactions.filter((i) => i.kind === 'referral').length,
    introductions: interactions.filter((i) => i.kind === 'introduction').length,
    degree,
    mutual: mutual.length ? Math.max(...mutual.map((x) => x.value)) : mutualNames.length || null,
    mutualNames,
    shared: sharedWithRep(contact, input.profiles, input.rep),
    connections: top ? top.n : null,
    connectionsAtLeast: top ? top.atLeast : false,
    followers: followers >= 0 ? followers : null,
    openNetworker: exactOpen || followers >= OPEN_NETWORKER_FOLLOWERS,
    dealsWon: deals.filter((d) => d.status === 'won').length,
    neverInteracted: never,
  };
}

export interface Contribution {
  signal: SignalName;
  /** the raw observation (days, count, share…) */
  raw: number;
  /** the transformed value the weight multiplies */
  value: number;
  weight: number;
  /** value × weight, on the logit scale */
  contribution: number;
}

export interface TieStrength {
  /** logistic(bias + Σ contributions), in (0, 1) */
  score: number;
  band: 'strong' | 'medium' | 'weak';
  bias: number;
  logit: number;
  /** present signals, largest |contribution| first */
  contributions: Contribution[];
  /** signals with no observation: not counted, neither for nor against */
  missing: SignalName[];
  /** no interaction, note or purchase at all: silence, not proof of a weak tie */
  neverInteracted: boolean;
  /** the score as it stood at the last contact (recency left out): a lapsed tie's former strength */
  peak: number;
  /** the band was held below strong: no reply, meeting, call or referral from the contact */
  gated: boolean;
}

const logScale = (x: number, ref: number, cap: number) => Math.min(cap, Math.log1p(Math.max(0, x)) / Math.log1p(ref));

/** The transformed value of each signal, or null when it was not observed. */
export function signalValues(s: TieSignals): Record<SignalName, { raw: number; value: number } | null> {
  const W = TIE_WEIGHTS;
  const lg = (name: SignalName, x: number) => ({ raw: x, value: logScale(x, W[name].ref ?? 1, W[name].cap) });
  const talked = !s.neverInteracted;
  const sharedCount = s.shared ? Object.keys(s.shared).length : null;
  const any = s.interactions > 0;
  return {
    recency:
      s.daysSinceLast === null
        ? null
        : { raw: s.daysSinceLast, value: logScale(Math.max(0, s.daysSinceLast - RECENCY_GRACE_DAYS), W.recency.ref ?? 1, W.recency.cap) },
    duration: s.durationDays === null ? null : lg('duration', s.durationDays),
    'intensity.conversations': any ? lg('intensity.conversations', s.conversations) : null,
    'intensity.replies': any ? lg('intensity.replies', s.replies) : null,
    'intensity.sends': any ? lg('intensity.sends', s.sends) : null,
    'intensity.words': talked ? lg('intensity.words', s.words) : null,
    'reciprocity.unanswered': s.sends > 0 ? (s.unanswered >= UNANSWERED_RUN ? lg('reciprocity.unanswered', s.unanswered) : { raw: s.unanswered, value: 0 }) : null,
    'reciprocity.gate': null, // set by tieStrength
    'intimacy.topics': s.notes > 0 ? lg('intimacy.topics', s.personalTopics.length) : null,
    'intimacy.firstName': s.firstNameTerms === null ? null : { raw: +s.firstNameTerms, value: +s.firstNameTerms },
    'reciprocity.purchases': lg('reciprocity.purchases', s.purchases + s.dealsWon),
    'reciprocity.referrals': lg('reciprocity.referrals', s.referrals + s.introductions),
    'structural.degree': s.degree === null ? null : { raw: s.degree, value: s.degree === 1 ? 1 : s.degree === 2 ? 0.3 : 0 },
    'structural.mutual': s.mutual === null ? null : lg('structural.mutual', s.mutual),
    'distance.shared': sharedCount === null ? null : { raw: sharedCount, value: Math.min(1, sharedCount / 4) },
    networkSize:
      s.connections === null
        ? null
        : {
            raw: s.connections,
            value: Math.min(
              W.networkSize.cap,
              Math.max(0, Math.log(Math.max(1, s.connections) / NETWORK_SIZE_FLOOR) / Math.log(NETWORK_SIZE_LION / NETWORK_SIZE_FLOOR)),
            ),
          },
  };
}

const logistic = (z: number) => 1 / (1 + Math.exp(-z));

/** Explainable tie strength: a linear model on log-scaled signals (weights.ts). */
export function tieStrength(s: TieSignals): TieStrength {
  const vals = signalValues(s);
  const contributions: Contribution[] = [];
  const missing: SignalName[] = [];
  for (const name of Object.keys(TIE_WEIGHTS) as SignalName[]) {
    if (name === 'reciprocity.gate') continue;
    const v = vals[name];
    if (!v) {
      missing.push(name);
      continue;
    }
    const weight = TIE_WEIGHTS[name].weight;
    contributions.push({ signal: name, raw: v.raw, value: v.value, weight, contribution: v.value * weight || 0 });
  }
  const raw = TIE_BIAS + contributions.reduce((z, c) => z + c.contribution, 0);
  const recency = contributions.find((c) => c.signal === 'recency')?.contribution ?? 0;
  // no strong tie without reciprocity: held just below the threshold
  const reciprocated = s.conversations > 0 || s.inbound > 0 || s.referrals + s.introductions > 0;
  const ceiling = Math.log(STRONG_TIE / (1 - STRONG_TIE)) - 0.01;
  const gated = !reciprocated && raw > ceiling;
  if (gated) {
    const cut = ceiling - raw;
    contributions.push({ signal: 'reciprocity.gate', raw: 0, value: cut, weight: 1, contribution: cut });
  }
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.signal < b.signal ? -1 : 1));
  const logit = gated ? ceiling : raw;
  const score = logistic(logit);
  const peakLogit = raw - recency;
  return {
    score,
    band: score >= STRONG_TIE ? 'strong' : score < WEAK_TIE ? 'weak' : 'medium',
    bias: TIE_BIAS,
    logit,
    contributions,
    missing,
    neverInteracted: s.neverInteracted,
    peak: logistic(reciprocated ? peakLogit : Math.min(peakLogit, ceiling)),
    gated,
  };
}
