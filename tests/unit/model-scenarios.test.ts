// Issue 20: everyday situations judged as an experienced B2B sales manager would;
// the data is in tests/fixtures/model/scenarios.ts (the `npm run assess` input shape).
import { assessFile } from '../../lib/model/assess-file';
import { SCENARIOS } from '../fixtures/model/scenarios';

describe('scenarios: the tag a sales manager would give', () => {
  it('covers at least 30 situations, in English and Russian', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(30);
    expect(SCENARIOS.some((s) => s.lang === 'ru')).toBe(true);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const r = assessFile(s.input);
    const e = s.expect;
    const got = { networkType: r.networkType, stage: r.stage, state: r.state, step: r.nextStep.code };
    expect(got, s.situation).toEqual({ networkType: e.networkType, stage: e.stage, state: e.state, step: e.step });
    if (e.stepDetail) expect(r.nextStep.detail).toMatchObject(e.stepDetail);
    if (e.strength) expect(r.strength).toBe(e.strength);
    if (e.notStrength) expect(r.strength).not.toBe(e.notStrength);
    if (e.personalTopics) expect(r.personalTopics).toEqual(e.personalTopics);
    const codes = r.reasons.map((x) => x.code);
    for (const c of e.reasons ?? []) expect(codes).toContain(c);
    for (const c of e.noReasons ?? []) expect(codes).not.toContain(c);
    // never "Open with what you share: 3"
    if (r.nextStep.code === 'open-with-shared-ground') expect(r.nextStep.detail.kind).not.toBe('mutual');
  });
});
