// The model as one pure function over one JSON object (`npm run assess`,
// docs/assess.md): the contact with its interactions, notes, purchases, complaints,
// deals, linked-profile reads, the rep's own profile and the other contacts the rep
// knows at the same organisation. Validated with zod; times are ISO dates or epoch ms.
import { z } from 'zod';
import { Relation, NetworkType, type Complaint, type Contact, type Interaction, type Note, type Purchase } from '../domain/entities';
import { emptyFields, type Extraction, type FieldName } from '../extract/types';
import { DealInput } from './deal';
import { assess, nextStep, type AccountPeer, type NextStep, type TieState } from './network';
import type { Reason } from './reason';
import { smallTalk } from './smalltalk';
import type { ProfileRead, RepContext } from './tie';

const Time = z.union([z.number().finite(), z.string().min(4)]).transform((v, ctx) => {
  const t = typeof v === 'number' ? v : Date.parse(v);
  if (!Number.isFinite(t)) {
    ctx.addIssue({ code: 'custom', message: `not a date: ${String(v)}` });
    return z.NEVER;
  }
  return t;
});

const Str = z.string().max(10_000);

export const AssessFile = z.object({
  /** the moment to judge at; default: now */
  now: Time.optional(),
  contact: z.object({
    name: Str.min(1),
    firstName: Str.optional(),
    lastName: Str.optional(),
    company: Str.optional(),
    position: Str.optional(),
    city: Str.optional(),
    hometown: Str.optional(),
    languages: z.array(Str).optional(),
    interests: z.array(Str).optional(),
    relation: Relation.optional(),
    lastContactAt: Time.optional(),
    /** when the rep connected on a network (LinkedIn's Connected On): the first contact when nothing earlier is known */
    connectedAt: Time.optional(),
  }),
  interactions: z.array(z.object({
    kind: z.enum(['call', 'meeting', 'email', 'chat', 'referral', 'introduction']),
    direction: z.enum(['in', 'out']),
    at: Time,
    summary: Str.optional(),
    subject: Str.optional(),
  })).default([]),
  notes: z.array(z.object({ text: Str, at: Time })).default([]),
  purchases: z.array(z.object({
    product: Str, at: Time, quantity: z.number().optional(), amount: z.number().optional(), currency: Str.optional(),
  })).default([]),
  complaints: z.array(z.object({
    subject: Str, state: z.enum(['open', 'in-progress', 'resolved']), openedAt: Time, closedAt: Time.optional(),
  })).default([]),
  deals: z.array(DealInput.extend({ openedAt: Time.optional(), closedAt: Time.optional() })).default([]),
  /** deals the rep has with the organisation through other contacts there (an open one: the account is being entered) */
  accountDeals: z.array(DealInput.extend({ openedAt: Time.optional(), closedAt: Time.optional() })).default([]),
  /** linked-profile reads: the fields as values (a count, a string, a list) */
  profiles: z.array(z.object({
    network: z.enum(['linkedin', 'facebook', 'vk']),
    url: Str.optional(),
    readAt: Time.optional(),
    degree: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    mutualNames: z.array(Str).optional(),
    fields: z.record(z.string(), z.unknown()).default({}),
  })).default([]),
  /** the rep's own profile */
  rep: z.object({
    name: Str.optional(), company: Str.optional(), partners: z.array(Str).optional(), employers: z.array(Str).optional(),
    schools: z.array(Str).optional(), city: Str.optional(), hometown: Str.optional(), languages: z.array(Str).optional(),
  }).optional(),
  /** the other contacts the rep knows at the same organisation, with their ties */
  account: z.array(z.object({
    name: Str.min(1),
    networkType: NetworkType.optional(),
    tieScore: z.number().min(0).max(1).optional(),
    relation: Relation.optional(),
    role: Str.optional(),
  })).default([]),
  /** mutual connections known by name */
  mutuals: z.array(Str).default([]),
  /** cross-sell suggestions' product names, best first */
  crossSell: z.array(Str).default([]),
});
export type AssessFile = z.input<typeof AssessFile>;

export interface AssessResult {
  networkType: NetworkType;
  stage: string | null;
  state: TieState;
  score: number;
  strength: 'strong' | 'medium' | 'weak';
  contributions: { signal: string; raw: number; value: number; weight: number; contribution: number }[];
  reasons: Reason[];
  nextStep: NextStep;
  needs?: string[];
  personalTopics: string[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** One JSON value → the judgement. Throws a ZodError on invalid input. */
export function assessFile(json: unknown, defaultNow = Date.now()): AssessResult {
  const f = AssessFile.parse(json);
  const now = f.now ?? defaultNow;
  const src = { kind: 'import' as const, at: now };
  const contact: Contact = {
    id: 'contact', ...f.contact, emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: now, updatedAt: now,
  };
  const interactions: Interaction[] = f.interactions.map((i, k) => ({ id: `i${k}`, contactId: 'contact', source: src, summary: '', ...i }));
  const notes: Note[] = f.notes.map((n, k) => ({ id: `n${k}`, contactId: 'contact', text: n.text, createdAt: n.at, updatedAt: n.at, source: src }));
  const purchases: Purchase[] = f.purchases.map((p, k) => ({
    id: `b${k}`, contactId: 'contact', productId: p.product, at: p.at, quantity: p.quantity ?? 1, amount: p.amount ?? 0, currency: p.currency ?? '', source: src,
  }));
  const complaints: Complaint[] = f.complaints.map((c, k) => ({ id: `k${k}`, contactId: 'contact', source: src, ...c }));
  const profiles: ProfileRead[] = f.profiles.map((p) => {
    const fields = emptyFields();
    for (const [k, v] of Object.entries(p.fields)) if (k in fields && v !== null && v !== undefined) (fields as Record<string, unknown>)[k as FieldName] = { status: 'ok', value: v, via: 'assess' };
    const extraction: Extraction = { site: p.network, kind: 'profile', profileUrl: p.url ?? null, lang: 'en', fields };
    return { network: p.network, url: p.url ?? `https://${p.network}.com/`, readAt: p.readAt ?? now, extraction, degree: p.degree, mutualNames: p.mutualNames };
  });
  const account: AccountPeer[] = f.account;
  const rep: RepContext | undefined = f.rep;
  const a = assess({ contact, interactions, notes, purchases, complaints, profiles, rep, deals: f.deals, accountDeals: f.accountDeals, account, mutualNames: f.mutuals }, now);
  const topics = smallTalk({ contact, notes, profiles, rep }, now);
  const step = nextStep(a.classification, {
    contact, topics, complaints, needs: a.classification.needs, classification: a.classification, signals: a.signals, deals: f.deals, crossSell: f.crossSell,
  });
  return {
    networkType: a.classification.networkType,
    stage: a.classification.stage,
    state: a.classification.state,
    score: r3(a.tie.score),
    strength: a.tie.band,
    contributions: a.tie.contributions.map((c) => ({ signal: c.signal, raw: r3(c.raw), value: r3(c.value), weight: c.weight, contribution: r3(c.contribution) })),
    reasons: a.classification.reasons,
    nextStep: step,
    ...(a.classification.needs ? { needs: a.classification.needs } : {}),
    personalTopics: a.signals.personalTopics,
  };
}
