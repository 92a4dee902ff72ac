import fc from 'fast-check';
import type { Contact, Interaction, Note, Purchase } from '../../lib/domain/entities';
import { emptyFields, type Extraction } from '../../lib/extract/types';
import { findTopics } from '../../lib/model/keywords';
import { profileReads, tieSignals, tieStrength, type ProfileRead, type TieInput } from '../../lib/model/tie';
import { RECENCY_GRACE_DAYS, STRONG_TIE, TIE_BIAS, TIE_WEIGHTS, WEAK_TIE } from '../../lib/model/weights';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2025, 5, 1);
const src = { kind: 'user' as const, at: 0 };
const contact = (more: Partial<Contact> = {}): Contact => ({
  id: 'c', name: 'Ivan Petrov', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0, ...more,
});
let n = 0;
const ix = (daysAgo: number, more: Partial<Interaction> = {}): Interaction => ({
  id: `i${++n}`, contactId: 'c', kind: 'call', direction: 'out', at: NOW - daysAgo * DAY, summary: '', source: src, ...more,
});
const note = (daysAgo: number, text: string): Note => ({
  id: `n${++n}`, contactId: 'c', text, createdAt: NOW - daysAgo * DAY, updatedAt: NOW, source: src,
});
const buy = (daysAgo: number, productId = 'p1'): Purchase => ({
  id: `b${++n}`, contactId: 'c', productId, at: NOW - daysAgo * DAY, quantity: 1, amount: 10, currency: 'USD', source: src,
});
function read(values: Partial<{ [K in keyof Extraction['fields']]: unknown }>, network: ProfileRead['network'] = 'linkedin'): ProfileRead {
  const fields = emptyFields();
  for (const [k, v] of Object.entries(values)) (fields as Record<string, unknown>)[k] = { status: 'ok', value: v, via: 't' };
  return { network, url: `https://${network}.com/x`, readAt: NOW, extraction: { site: network, kind: 'profile', profileUrl: null, lang: 'en', fields } };
}

const strongInput = (): TieInput => ({
  contact: contact({ company: 'Acme', city: 'Moscow' }),
  interactions: [
    ...Array.from({ length: 10 }, (_, i) => ix(7 + i * 70, { direction: i % 2 ? 'in' : 'out', summary: 'discussed the rollout plan and next steps in detail' })),
    ix(30, { kind: 'referral', direction: 'in', subject: 'Olga' }),
  ],
  notes: [
    note(700, 'Ivan has two kids, his daughter plays tennis. Grew up in Kazan.'),
    note(100, 'Ivan back from vacation in Sochi, loves fishing.'),
    ...Array.from({ length: 8 }, (_, i) => note(20 + i * 60, 'Long call about the integration, budget and the team; agreed on a pilot with three departments and weekly check-ins.')),
  ],
  purchases: [buy(300), buy(200, 'p2'), buy(40, 'p3')],
  profiles: [read({ connections: 300, mutual: 30, languages: ['Russian', 'English'] })],
  degree: 1,
  rep: { company: 'Tiewise', city: 'Москва', languages: ['русский'] },
});

const weakInput = (): TieInput => ({
  contact: contact({ company: 'Globex' }),
  interactions: [ix(200, { summary: 'Intro call at the fair' })],
  profiles: [read({ connections: 5000, mutual: 0 })],
  degree: 2,
  rep: { company: 'Tiewise', city: 'Berlin' },
});

describe('tieSignals: what Tiewise can observe', () => {
  it('computes each dimension from plain data', () => {
    const s = tieSignals(strongInput(), NOW);
    expect(s.daysSinceLast).toBe(7);
    expect(s.daysSinceFirst).toBe(700);
    expect(s.interactions).toBe(11);
    expect(s.notes).toBe(10);
    expect(s.inbound).toBe(6);
    expect(s.outbound).toBe(5);
    expect(s.personalTopics).toEqual(['family', 'hobby', 'hometown', 'sport', 'vacation']);
    expect(s.firstNameTerms).toBe(true);
    expect(s.purchases).toBe(3);
    expect(s.referrals).toBe(1);
    expect(s.degree).toBe(1);
    expect(s.mutual).toBe(30);
    expect(s.connections).toBe(300);
    expect(s.shared).toEqual({ city: 'Moscow', language: 'Russian' });
    expect(s.neverInteracted).toBe(false);
  });

  it('counts a purchase and lastContactAt as contact; nothing at all is "never interacted"', () => {
    expect(tieSignals({ contact: contact() }, NOW).neverInteracted).toBe(true);
    expect(tieSignals({ contact: contact({ lastContactAt: NOW - 3 * DAY }) }, NOW).daysSinceLast).toBe(3);
    expect(tieSignals({ contact: contact(), purchases: [buy(10)] }, NOW).daysSinceLast).toBe(10);
  });

  it('does not take "Ivan Petrov" in a note for first-name terms', () => {
    expect(tieSignals({ contact: contact(), notes: [note(1, 'Met Ivan Petrov at the fair')] }, NOW).firstNameTerms).toBe(false);
    expect(tieSignals({ contact: contact(), notes: [note(1, 'Ваня обещал перезвонить')] }, NOW).firstNameTerms).toBe(true);
  });

  it('finds personal topics in Russian notes, by word stem', () => {
    expect(findTopics('Сын играет в хоккей, летом ездили в отпуск на дачу').map((t) => t.topic).sort()).toEqual([
      'family', 'hobby', 'sport', 'vacation',
    ]);
    expect(findTopics('the sonar team shipped')).toEqual([]);
    // issue 20: business words are no personal topics, in English and Russian
    for (const t of [
      'running the pilot', 'travel expense report', 'the whole product family', 'reading the contract', 'the parent company approves',
      'motherboard supplier', 'дочерняя компания', 'готовит предложение', 'отпускная цена', 'операционные расходы', 'родительская компания',
      'командировочные расходы', 'поездка на завод',
    ]) expect(findTopics(t), t).toEqual([]);
    expect(findTopics('his kids are at school; runs marathons').map((t) => t.topic).sort()).toEqual(['family', 'sport']);
    expect(findTopics('бегает марафоны, жена — врач').map((t) => t.topic).sort()).toEqual(['family', 'sport']);
  });

  it('parses stored profile snapshots and skips malformed ones', () => {
    const r = read({ connections: 42 });
    const reads = profileReads([
      { id: 'p', contactId: 'c', network: 'vk', url: 'u', snapshot: r.extraction, linkedAt: 0, readAt: 5 },
      { id: 'q', contactId: 'c', network: 'vk', url: 'v', snapshot: { nope: 1 }, linkedAt: 0 },
    ]);
    expect(reads[0].extraction?.fields.connections).toEqual({ status: 'ok', value: 42, via: 't' });
    expect(reads[1].extraction).toBeNull();
  });
});

describe('tieStrength: explainable, bounded', () => {
  it('tells a strong tie from a weak one', () => {
    const strong = tieStrength(tieSignals(strongInput(), NOW));
    const weak = tieStrength(tieSignals(weakInput(), NOW));
    expect(strong.score).toBeGreaterThan(0.9);
    expect(strong.band).toBe('strong');
    expect(weak.score).toBeLessThan(0.15);
    expect(weak.band).toBe('weak');
  });

  it('hand-computed: one call 10 days ago, 50 words, nothing else', () => {
    const words = Array.from({ length: 50 }, () => 'word').join(' ');
    const t = tieStrength(tieSignals({ contact: contact(), interactions: [ix(10, { summary: words })] }, NOW));
    const W = TIE_WEIGHTS;
    const l = (x: number, ref: number) => Math.log1p(x) / Math.log1p(ref);
    const z =
      TIE_BIAS +
      0 /* recency: within the first RECENCY_GRACE_DAYS */ +
      0 /* duration: first = last contact */ +
      W['intensity.conversations'].weight * l(1, 12) +
      W['intensity.words'].weight * l(50, 2000) +
      0 /* replies, sends: none */ + 0 /* purchases */ + 0; /* referrals */
    expect(t.logit).toBeCloseTo(z, 10);
    expect(t.score).toBeCloseTo(1 / (1 + Math.exp(-z)), 10);
    expect(t.missing.sort()).toEqual([
      'distance.shared', 'intimacy.firstName', 'intimacy.topics', 'networkSize', 'reciprocity.unanswered', 'structural.degree', 'structural.mutual',
    ]);
  });

  it('recency is flat for the first weeks, then falls', () => {
    const at = (days: number) => tieStrength(tieSignals({ contact: contact(), interactions: [ix(days, { direction: 'in' })] }, NOW));
    expect(at(1).score).toBeCloseTo(at(RECENCY_GRACE_DAYS).score, 12);
    expect(at(RECENCY_GRACE_DAYS + 30).score).toBeLessThan(at(RECENCY_GRACE_DAYS).score);
    expect(at(400).score).toBeLessThan(at(100).score);
  });

  it('duration runs from the first to the last contact, not to today', () => {
    const s = tieSignals({ contact: contact(), interactions: [ix(800), ix(500)] }, NOW);
    expect(s.durationDays).toBe(300);
  });

  it('reciprocity over volume: 25 unanswered e-mails are a weak tie and say so; a weekly one-way mailing is never strong', () => {
    const sends = (k: number, every: number) => Array.from({ length: k }, (_, i) => ix(2 + i * every, { kind: 'email', direction: 'out', summary: 'news' }));
    const cold = tieStrength(tieSignals({ contact: contact(), interactions: sends(25, 2) }, NOW));
    expect(cold.band).toBe('weak');
    expect(cold.contributions.find((c) => c.signal === 'reciprocity.unanswered')!.contribution).toBeLessThan(0);
    const newsletter = tieStrength(tieSignals({ contact: contact(), interactions: sends(156, 7), notes: [note(5, 'Ivan: two kids, runs marathons, grew up in Kazan, loves fishing')], degree: 1 }, NOW));
    expect(newsletter.band).not.toBe('strong');
    // the same with one reply is no longer held back by the gate
    const replied = tieStrength(tieSignals({ contact: contact(), interactions: [...sends(156, 7), ix(1, { kind: 'email', direction: 'in' })], notes: [note(5, 'Ivan: two kids, runs marathons, grew up in Kazan, loves fishing')], degree: 1 }, NOW));
    expect(replied.gated).toBe(false);
    expect(replied.score).toBeGreaterThan(newsletter.score);
  });

  it('LinkedIn\'s "500+" is at least 500: not an open networker', () => {
    const s = tieSignals({ contact: contact(), profiles: [read({ connections: 500, followers: 2000 })] }, NOW);
    expect(s).toMatchObject({ connections: 500, connectionsAtLeast: true, openNetworker: false });
    const vk = tieSignals({ contact: contact(), profiles: [read({ connections: 9000 }, 'vk')] }, NOW);
    expect(vk).toMatchObject({ connectionsAtLeast: false, openNetworker: true });
  });

  it('the degree the page shows reaches the model', () => {
    const r = { ...read({ connections: 200 }, 'vk'), degree: 1 as const };
    const s = tieSignals({ contact: contact(), profiles: [r] }, NOW);
    expect(s.degree).toBe(1);
    expect(tieStrength(s).contributions.find((c) => c.signal === 'structural.degree')!.contribution).toBe(TIE_WEIGHTS['structural.degree'].weight);
  });

  it('flags never-interacted and does not count silence against the contact', () => {
    const t = tieStrength(tieSignals({ contact: contact() }, NOW));
    expect(t.neverInteracted).toBe(true);
    expect(t.missing).toEqual(expect.arrayContaining(['recency', 'duration', 'intensity.conversations', 'intensity.words']));
    expect(t.contributions.every((c) => c.contribution === 0)).toBe(true);
    expect(t.score).toBeCloseTo(1 / (1 + Math.exp(-TIE_BIAS)), 10);
  });

  it('an open networker counts against, a small network does not', () => {
    const big = tieStrength(tieSignals({ contact: contact(), profiles: [read({ connections: 30000 })] }, NOW));
    const small = tieStrength(tieSignals({ contact: contact(), profiles: [read({ connections: 120 })] }, NOW));
    expect(big.contributions.find((c) => c.signal === 'networkSize')!.contribution).toBeCloseTo(TIE_WEIGHTS.networkSize.weight, 10);
    expect(small.contributions.find((c) => c.signal === 'networkSize')!.contribution).toBe(0);
  });

  it('keeps its thresholds ordered', () => {
    expect(WEAK_TIE).toBeLessThan(STRONG_TIE);
    for (const [k, w] of Object.entries(TIE_WEIGHTS)) expect(w.why.length, k).toBeGreaterThan(20);
  });
});

// ---- properties ---------------------------------------------------------------

const arbInteraction = fc.record({
  daysAgo: fc.integer({ min: 0, max: 3000 }),
  kind: fc.constantFrom('call', 'meeting', 'email', 'chat', 'referral', 'introduction' as const),
  direction: fc.constantFrom('in', 'out' as const),
  summary: fc.constantFrom('', 'short', 'a much longer summary about the family and hockey', 'обсудили бюджет'),
});
const arbInput = fc.record({
  interactions: fc.array(arbInteraction, { maxLength: 12 }),
  notes: fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 3000 }), text: fc.constantFrom('kids', 'Ivan loves tennis', 'budget', 'Сын, дача, рыбалка', '') }), { maxLength: 6 }),
  purchases: fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6 }),
  connections: fc.option(fc.integer({ min: 0, max: 100000 })),
  mutual: fc.option(fc.integer({ min: 0, max: 2000 })),
  degree: fc.option(fc.constantFrom(1, 2, 3 as const)),
  rep: fc.option(fc.record({ city: fc.constantFrom('Moscow', 'Berlin'), languages: fc.constant<string[]>(['English']) })),
});
type Arb = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;
function build(a: Arb): TieInput {
  const values: Record<string, unknown> = {};
  if (a.connections !== null) values.connections = a.connections;
  if (a.mutual !== null) values.mutual = a.mutual;
  return {
    contact: contact({ city: 'Moscow', languages: ['English'] }),
    interactions: a.interactions.map((i) => ix(i.daysAgo, { kind: i.kind, direction: i.direction, summary: i.summary })),
    notes: a.notes.map((x) => note(x.daysAgo, x.text)),
    purchases: a.purchases.map((d) => buy(d)),
    profiles: Object.keys(values).length ? [read(values)] : [],
    degree: a.degree ?? undefined,
    rep: a.rep ?? undefined,
  };
}

describe('tieStrength properties', () => {
  it('score in [0,1]; contributions sum to the logit; sorted by |contribution|', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const t = tieStrength(tieSignals(build(a), NOW));
        expect(t.score).toBeGreaterThanOrEqual(0);
        expect(t.score).toBeLessThanOrEqual(1);
        const sum = t.contributions.reduce((s, c) => s + c.contribution, t.bias);
        expect(sum).toBeCloseTo(t.logit, 9);
        for (const c of t.contributions) expect(c.contribution).toBeCloseTo(c.value * c.weight, 12);
        for (let i = 1; i < t.contributions.length; i++)
          expect(Math.abs(t.contributions[i - 1].contribution)).toBeGreaterThanOrEqual(Math.abs(t.contributions[i].contribution));
        // every signal is either counted or missing; the gate shows only when it applies
        expect(t.contributions.length + t.missing.length + (t.gated ? 0 : 1)).toBe(Object.keys(TIE_WEIGHTS).length);
      }),
    );
  });

  it('adding an interaction now never lowers recency (days since last never grows)', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 0, max: 3000 }), (a, d) => {
        const before = tieSignals(build(a), NOW);
        const inp = build(a);
        inp.interactions = [...(inp.interactions ?? []), ix(d)];
        const after = tieSignals(inp, NOW);
        expect(after.neverInteracted).toBe(false);
        if (before.daysSinceLast !== null) expect(after.daysSinceLast!).toBeLessThanOrEqual(before.daysSinceLast);
        if (before.daysSinceFirst !== null) expect(after.daysSinceFirst!).toBeGreaterThanOrEqual(before.daysSinceFirst);
      }),
    );
  });

  it('a referral given never lowers the score', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const inp = build(a);
        fc.pre(!!inp.interactions?.length); // on a contact already talked to, recency is known
        const last = Math.min(...inp.interactions!.map((i) => NOW - i.at));
        const before = tieStrength(tieSignals(inp, NOW)).score;
        inp.interactions!.push(ix(last / DAY + 0, { kind: 'referral', direction: 'in' }));
        expect(tieStrength(tieSignals(inp, NOW)).score).toBeGreaterThanOrEqual(before - 1e-12);
      }),
    );
  });

  it('more mutual connections never lower the score', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 500 }), (a, extra) => {
        const b = { ...a, mutual: (a.mutual ?? 0) + extra };
        if (a.mutual === null) return;
        expect(tieStrength(tieSignals(build(b), NOW)).score).toBeGreaterThanOrEqual(tieStrength(tieSignals(build(a), NOW)).score - 1e-12);
      }),
    );
  });
});

describe('issue 20: monotone behaviours', () => {
  it('more silence never raises the score (the same record judged later)', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 2000 }), (a, later) => {
        const inp = build(a);
        const now = tieStrength(tieSignals(inp, NOW)).score;
        const then = tieStrength(tieSignals(inp, NOW + later * DAY)).score;
        expect(then).toBeLessThanOrEqual(now + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('a reply (e-mail or chat from the contact, or a meeting) never lowers the score', () => {
    fc.assert(
      fc.property(arbInput, fc.constantFrom('email', 'chat', 'meeting', 'call' as const), fc.integer({ min: 0, max: 3000 }), (a, kind, when) => {
        const inp = build(a);
        fc.pre(!!inp.interactions?.length); // on a contact already talked to (a first contact long ago adds silence)
        const before = tieStrength(tieSignals(inp, NOW)).score;
        inp.interactions = [...inp.interactions!, ix(when, { kind, direction: 'in', summary: '' })];
        expect(tieStrength(tieSignals(inp, NOW)).score).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('without a reply, meeting, call or referral the band is never strong', () => {
    fc.assert(
      fc.property(arbInput, (a) => {
        const inp = build(a);
        inp.interactions = (inp.interactions ?? []).filter((i) => (i.kind === 'email' || i.kind === 'chat') && i.direction === 'out');
        const t = tieStrength(tieSignals(inp, NOW));
        expect(t.band).not.toBe('strong');
        if (t.gated) expect(t.contributions.some((c) => c.signal === 'reciprocity.gate' && c.contribution < 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
