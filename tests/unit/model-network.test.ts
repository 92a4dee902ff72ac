import fc from 'fast-check';
import type { Complaint, Contact, Interaction, Note, Purchase, TagOverride } from '../../lib/domain/entities';
import { emptyFields } from '../../lib/extract/types';
import { STAGE_OF, assess, classify, effectiveTag, nextStep } from '../../lib/model/network';
import { tieSignals, tieStrength, type ProfileRead, type TieInput } from '../../lib/model/tie';
import { STRONG_TIE } from '../../lib/model/weights';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2025, 5, 1);
const src = { kind: 'user' as const, at: 0 };
const contact = (more: Partial<Contact> = {}): Contact => ({
  id: 'c', name: 'Olga Smirnova', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0, ...more,
});
let n = 0;
const ix = (daysAgo: number, more: Partial<Interaction> = {}): Interaction => ({
  id: `i${++n}`, contactId: 'c', kind: 'meeting', direction: n % 2 ? 'in' : 'out', at: NOW - daysAgo * DAY,
  summary: 'long working session on the rollout, the budget, the pilot and the people involved on both sides', source: src, ...more,
});
const note = (daysAgo: number, text: string): Note => ({ id: `n${++n}`, contactId: 'c', text, createdAt: NOW - daysAgo * DAY, updatedAt: 0, source: src });
const buy = (daysAgo: number): Purchase => ({ id: `b${++n}`, contactId: 'c', productId: 'p', at: NOW - daysAgo * DAY, quantity: 1, amount: 1, currency: 'USD', source: src });
const read = (connections: number): ProfileRead => {
  const fields = emptyFields();
  fields.connections = { status: 'ok', value: connections, via: 't' };
  return { network: 'linkedin', url: 'https://linkedin.com/in/x', readAt: NOW, extraction: { site: 'linkedin', kind: 'profile', profileUrl: null, lang: 'en', fields } };
};

/** A close working relationship: two years, monthly, personal notes. */
const close = (): Pick<TieInput, 'interactions' | 'notes'> => ({
  interactions: Array.from({ length: 12 }, (_, i) => ix(5 + i * 60)),
  notes: [note(400, 'Olga: two kids, loves skiing; grew up in Tver'), note(50, 'Olga back from vacation')],
});

const rep = { company: 'Tiewise GmbH', partners: ['Integrators Ltd'], city: 'Berlin' };

describe('classify: model.md, rule by rule', () => {
  it('1. same organisation as the rep → team / solution-team, whatever the tie', () => {
    const a = assess({ contact: contact({ company: 'Tiewise' }), rep }, NOW);
    expect(a.classification).toMatchObject({ networkType: 'team', stage: 'solution-team' });
    expect(a.classification.reasons[0].code).toBe('same-organisation');
  });

  it('1b. a partner organisation or a colleague relation → team', () => {
    expect(assess({ contact: contact({ company: 'Integrators' }), rep }, NOW).classification).toMatchObject({ networkType: 'team', reasons: [{ code: 'partner' }] });
    expect(assess({ contact: contact({ relation: 'colleague' }) }, NOW).classification.networkType).toBe('team');
  });

  it('2. customer + strong tie + a referral given → referral-advocate / closing-referrals', () => {
    const c = close();
    const a = assess({ contact: contact({ company: 'Acme', relation: 'customer' }), ...c, interactions: [...c.interactions!, ix(20, { kind: 'referral', subject: 'Boris at Globex' })], purchases: [buy(100)], rep }, NOW);
    expect(a.tie.score).toBeGreaterThanOrEqual(STRONG_TIE);
    expect(a.classification).toMatchObject({ networkType: 'referral-advocate', stage: 'closing-referrals' });
    expect(a.classification.reasons.map((r) => r.code)).toEqual(['tie-strong', 'customer', 'referrals-given']);
  });

  it('3. strong tie inside a customer or prospect account → strong-tie-champion / entering-account', () => {
    const a = assess({ contact: contact({ company: 'Acme', relation: 'prospect' }), ...close(), rep, orgStrongTies: 2 }, NOW);
    expect(a.classification).toMatchObject({ networkType: 'strong-tie-champion', stage: 'entering-account' });
    expect(a.classification.reasons.map((r) => r.code)).toEqual(['tie-strong', 'org-strong-ties', 'inside-account']);
    // issue 20: a customer close to the rep who just bought is a referral-advocate candidate
    // (the old rule asked for a referral only from those who had already given one — circular)
    const b = assess({ contact: contact({ company: 'Acme' }), ...close(), purchases: [buy(3)] }, NOW);
    expect(b.classification).toMatchObject({ networkType: 'referral-advocate', state: 'advocate-candidate' });
  });

  it('4. not a customer, weak tie → weak-tie-prospect / prospecting', () => {
    const a = assess({ contact: contact({ company: 'Globex' }), interactions: [ix(300, { summary: 'fair' })] }, NOW);
    expect(a.tie.band).toBe('weak');
    expect(a.classification).toMatchObject({ networkType: 'weak-tie-prospect', stage: 'prospecting' });
  });

  it('4b. an open networker never contacted → weak-tie-prospect, silence named', () => {
    const a = assess({ contact: contact(), profiles: [read(12000)] }, NOW);
    expect(a.classification.networkType).toBe('weak-tie-prospect');
    expect(a.classification.reasons.map((r) => r.code)).toEqual(['never-interacted', 'open-networker', 'not-customer']);
  });

  it('5. too little evidence → unclassified, with what would classify it', () => {
    const a = assess({ contact: contact() }, NOW);
    expect(a.classification).toEqual({
      networkType: 'unclassified', stage: null, state: 'unknown',
      reasons: [{ code: 'never-interacted', detail: { score: expect.any(Number) }, weight: expect.any(Number) }],
      needs: ['log-interaction', 'link-profile', 'set-relation'],
    });
    // issue 20: every customer has a place. Bought 500 days ago and silent since: dormant,
    // re-engage (was "unclassified, strengthen the tie" — the behaviour the issue calls wrong)
    const b = assess({ contact: contact({ relation: 'customer' }), purchases: [buy(500)] }, NOW);
    expect(b.classification).toMatchObject({ networkType: 'weak-tie-prospect', stage: 'prospecting', state: 'dormant-customer' });
    // bought 200 days ago: a referral-advocate candidate
    const c = assess({ contact: contact({ relation: 'customer' }), purchases: [buy(200)] }, NOW);
    expect(c.classification).toMatchObject({ networkType: 'referral-advocate', stage: 'closing-referrals', state: 'advocate-candidate' });
  });

  it('a strong tie with no organisation known asks for the company', () => {
    const a = assess({ contact: contact(), ...close() }, NOW);
    expect(a.classification.networkType).toBe('unclassified');
    expect(a.classification.needs).toContain('set-company');
  });

  it('stage follows network type', () => {
    expect(STAGE_OF).toEqual({
      'weak-tie-prospect': 'prospecting', 'strong-tie-champion': 'entering-account', team: 'solution-team',
      'referral-advocate': 'closing-referrals', unclassified: null,
    });
  });
});

describe('effectiveTag: the override is the user’s and is kept', () => {
  const computed = classify({ contact: contact(), signals: tieSignals({ contact: contact() }, NOW), tie: tieStrength(tieSignals({ contact: contact() }, NOW)) });
  const override: TagOverride = { contactId: 'c', networkType: 'strong-tie-champion', at: 77 };
  it('override wins, marked as the user’s, computed kept beside it', () => {
    expect(effectiveTag(computed, override)).toEqual({ networkType: 'strong-tie-champion', stage: 'entering-account', by: 'user', at: 77, computed });
    expect(effectiveTag(computed, { ...override, stage: 'closing-referrals' }).stage).toBe('closing-referrals');
  });
  it('clearing it returns the computed tag', () => {
    expect(effectiveTag(computed, null)).toEqual({ networkType: 'unclassified', stage: null, by: 'model', computed });
    expect(effectiveTag(computed)).toEqual(effectiveTag(computed, undefined));
  });
});

describe('nextStep', () => {
  const complaint: Complaint = { id: 'k1', contactId: 'c', subject: 'Invoice wrong', state: 'open', openedAt: 5, source: src };
  it.each([
    ['strong-tie-champion', 'map-buying-committee'],
    ['referral-advocate', 'ask-referral'],
    ['team', 'coordinate-solution-team'],
    ['weak-tie-prospect', 'qualify-opportunity'],
  ] as const)('%s → %s', (t, code) => {
    expect(nextStep({ networkType: t }, { contact: contact({ company: 'Acme' }) })).toEqual({ code, detail: { company: 'Acme' } });
  });
  it('a prospect opens with the top shared topic', () => {
    expect(nextStep({ networkType: 'weak-tie-prospect' }, { topics: [{ kind: 'shared-school', value: 'MSU' }] })).toEqual({
      code: 'open-with-shared-ground', detail: { kind: 'shared-school', value: 'MSU' },
    });
  });
  it('unclassified → what it needs', () => {
    expect(nextStep({ networkType: 'unclassified' }, { needs: ['log-interaction', 'link-profile'] }).code).toBe('log-interaction');
    expect(nextStep({ networkType: 'unclassified' }, { needs: ['link-profile'] }).code).toBe('link-profile');
  });
  it('an open complaint comes first, except for colleagues', () => {
    expect(nextStep({ networkType: 'referral-advocate' }, { complaints: [complaint] })).toEqual({
      code: 'resolve-complaint', detail: { complaintId: 'k1', subject: 'Invoice wrong', open: 1 },
    });
    expect(nextStep({ networkType: 'referral-advocate' }, { complaints: [{ ...complaint, state: 'resolved' }] }).code).toBe('ask-referral');
    expect(nextStep({ networkType: 'team' }, { complaints: [complaint] }).code).toBe('coordinate-solution-team');
  });
});

describe('classification properties', () => {
  const arb = fc.record({
    meetings: fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 15 }),
    personal: fc.boolean(),
    purchases: fc.integer({ min: 0, max: 4 }),
    relation: fc.constantFrom(undefined, 'customer', 'prospect', 'other' as const),
    company: fc.constantFrom(undefined, 'Acme', 'Globex'),
    connections: fc.option(fc.integer({ min: 0, max: 40000 })),
    referrals: fc.integer({ min: 0, max: 2 }),
  });
  type A = typeof arb extends fc.Arbitrary<infer T> ? T : never;
  const input = (a: A, extraReferrals = 0): TieInput => ({
    contact: contact({ company: a.company, relation: a.relation }),
    interactions: [
      ...a.meetings.map((d) => ix(d)),
      ...Array.from({ length: a.referrals + extraReferrals }, () => ix(a.meetings.length ? Math.min(...a.meetings) : 10, { kind: 'referral' })),
    ],
    notes: a.personal ? [note(30, 'Olga: kids, hockey, dacha')] : [],
    purchases: Array.from({ length: a.purchases }, (_, i) => buy(40 + i)),
    profiles: a.connections === null ? [] : [read(a.connections)],
    rep,
  });

  it('adding a referral never turns an advocate into a prospect (or anything else)', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const before = assess(input(a), NOW).classification.networkType;
        const after = assess(input(a, 1), NOW).classification.networkType;
        if (before === 'referral-advocate') expect(after).toBe('referral-advocate');
        // strong ties stay strong: a champion becomes at most an advocate
        if (before === 'strong-tie-champion') expect(['strong-tie-champion', 'referral-advocate']).toContain(after);
      }),
      { numRuns: 300 },
    );
  });

  it('a customer is never unclassified, and a prospect only when dormant or to check in; unclassified says what it needs', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const c = assess(input(a), NOW).classification;
        if (a.relation === 'customer' || a.purchases > 0) {
          expect(c.networkType).not.toBe('unclassified');
          if (c.networkType === 'weak-tie-prospect') expect(['dormant-customer', 'customer-check-in', 'complaint-open', 'stakeholder']).toContain(c.state);
        }
        if (c.networkType === 'unclassified') expect(c.needs?.length).toBeGreaterThan(0);
        // the stage follows the type, except where the account decides it (issue 20)
        if (!['stakeholder', 'customer-check-in', 'complaint-open', 'deal-lost'].includes(c.state)) expect(c.stage).toBe(STAGE_OF[c.networkType]);
      }),
      { numRuns: 300 },
    );
  });
});
