// Tie strength: the observable signals of model.md's table, computed from plain
// data, and an explainable linear model over them (weights in ./weights.ts).
import type { Complaint, Contact, Interaction, Note, Profile, Purchase } from '../db/schema';
import { ExtractionSchema, type Extraction, type FieldName, type FieldValues } from '../extract/types';
import { findTopics, languageCode } from './keywords';
import { normCity, normCompany } from './identity';
import { foldText, nicknameGroups, parseName } from './names';
import { DAY_MS } from './reason';
import {
  NETWORK_SIZE_FLOOR, NETWORK_SIZE_LION, STRONG_TIE, TIE_BIAS, TIE_WEIGHTS, WEAK_TIE,
  type SignalName,
} from './weights';

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
  /** connection degree, when the page showed it (not in the extraction contract yet) */
  degree?: 1 | 2 | 3;
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
  /** distinct personal topics named in notes (family, hobby, …) */
  personalTopics: string[];
  /** null without notes */
  firstNameTerms: boolean | null;
  purchases: number;
  referrals: number;
  introductions: number;
  degree: 1 | 2 | 3 | null;
  mutual: number | null;
  /** what the contact shares with the rep; null without rep settings */
  shared: Shared | null;
  /** connection / friend count, the largest a profile shows */
  connections: number | null;
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
  const times = [
    ...interactions.map((i) => i.at),
    ...notes.map((n) => n.createdAt),
    ...purchases.map((p) => p.at),
    ...(contact.lastContactAt !== undefined ? [contact.lastContactAt] : []),
  ];
  const never = times.length === 0;
  const last = never ? null : Math.max(...times);
  const first = never ? null : Math.min(...times);
  const days = (t: number | null) => (t === null ? null : Math.max(0, (now - t) / DAY_MS));
  const topics = new Set<string>();
  for (const n of notes) for (const t of findTopics(n.text)) topics.add(t.topic);
  const connections = Math.max(
    -1,
    ...field(input.profiles, 'connections').map((x) => x.value),
    ...field(input.profiles, 'followers').filter((x) => x.read.network !== 'linkedin').map((x) => x.value),
  );
  const mutual = field(input.profiles, 'mutual');
  return {
    daysSinceLast: days(last),
    daysSinceFirst: days(first),
    interactions: interactions.length,
    notes: notes.length,
    words: notes.reduce((s, n) => s + words(n.text), 0) + interactions.reduce((s, i) => s + words(i.summary ?? ''), 0),
    inbound: interactions.filter((i) => i.direction === 'in').length,
    outbound: interactions.filter((i) => i.direction === 'out').length,
    personalTopics: [...topics].sort(),
    firstNameTerms: notes.length ? usesFirstName(contact, notes) : null,
    purchases: purchases.length,
    referrals: interactions.filter((i) => i.kind === 'referral').length,
    introductions: interactions.filter((i) => i.kind === 'introduction').length,
    degree: input.degree ?? null,
    mutual: mutual.length ? Math.max(...mutual.map((x) => x.value)) : null,
    shared: sharedWithRep(contact, input.profiles, input.rep),
    connections: connections >= 0 ? connections : null,
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
}

const logScale = (x: number, ref: number, cap: number) => Math.min(cap, Math.log1p(Math.max(0, x)) / Math.log1p(ref));

/** The transformed value of each signal, or null when it was not observed. */
export function signalValues(s: TieSignals): Record<SignalName, { raw: number; value: number } | null> {
  const W = TIE_WEIGHTS;
  const lg = (name: SignalName, x: number) => ({ raw: x, value: logScale(x, W[name].ref ?? 1, W[name].cap) });
  const talked = !s.neverInteracted;
  const sharedCount = s.shared ? Object.keys(s.shared).length : null;
  return {
    recency: s.daysSinceLast === null ? null : lg('recency', s.daysSinceLast),
    duration: s.daysSinceFirst === null ? null : lg('duration', s.daysSinceFirst),
    'intensity.count': talked ? lg('intensity.count', s.interactions + s.notes) : null,
    'intensity.words': talked ? lg('intensity.words', s.words) : null,
    'intensity.bidirectional': s.inbound + s.outbound > 0 ? lg('intensity.bidirectional', Math.min(s.inbound, s.outbound)) : null,
    'intimacy.topics': s.notes > 0 ? lg('intimacy.topics', s.personalTopics.length) : null,
    'intimacy.firstName': s.firstNameTerms === null ? null : { raw: +s.firstNameTerms, value: +s.firstNameTerms },
    'reciprocity.purchases': lg('reciprocity.purchases', s.purchases),
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
    const v = vals[name];
    if (!v) {
      missing.push(name);
      continue;
    }
    const weight = TIE_WEIGHTS[name].weight;
    contributions.push({ signal: name, raw: v.raw, value: v.value, weight, contribution: v.value * weight || 0 });
  }
  contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.signal < b.signal ? -1 : 1));
  const logit = TIE_BIAS + contributions.reduce((z, c) => z + c.contribution, 0);
  const score = logistic(logit);
  return {
    score,
    band: score >= STRONG_TIE ? 'strong' : score < WEAK_TIE ? 'weak' : 'medium',
    bias: TIE_BIAS,
    logit,
    contributions,
    missing,
    neverInteracted: s.neverInteracted,
  };
}
