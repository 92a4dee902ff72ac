import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { openDatabase, TiewiseDB } from '@/lib/db/database';
import { prepareContact } from '@/lib/db/contacts';
import type { Contact, Stage, WorkflowRule } from '@/lib/domain/entities';
import { listBatches, runWorkflow, saveRule, undoBatch, undoRuns, UndoOrderError } from '@/lib/db/workflow';
import { loadDemoBook } from '@/lib/demo/load';
import { contactFacts, evaluateCondition } from '@/lib/workflow/condition';
import { doneKey, MAX_PASSES, planWorkflow, type Subject } from '@/lib/workflow/plan';
import { DAY } from '@/lib/domain/time';

const T0 = Date.UTC(2025, 5, 15, 12);
const contact = (id: string, extra: Partial<Contact> = {}): Contact =>
  prepareContact({ id, name: id, source: { kind: 'user', at: 0 }, ...extra }, 0);
const rule = (id: string, when: WorkflowRule['when'], then: WorkflowRule['then'], createdAt = 0): WorkflowRule =>
  ({ id, name: id, when, then, enabled: true, createdAt });
const subj = (c: Contact, groups: string[] = []): Subject => ({ contact: c, groups });

describe('conditions', () => {
  const c = contactFacts(contact('a', { company: 'Globex', tags: ['VIP'], relation: 'prospect', lastContactAt: T0 - 100 * DAY, tieScore: 0.4 }), { groups: ['g1'] }, T0);
  it.each([
    [{ field: 'company', op: 'is', value: 'globex' }, true],
    [{ field: 'company', op: 'contains', value: 'lob' }, true],
    [{ field: 'company', op: 'is-not', value: 'Globex' }, false],
    [{ field: 'tags', op: 'is', value: 'vip' }, true],
    [{ field: 'groups', op: 'is', value: 'g1' }, true],
    [{ field: 'daysSinceContact', op: 'gt', value: 90 }, true],
    [{ field: 'tieScore', op: 'lt', value: 0.3 }, false],
    [{ field: 'city', op: 'exists' }, false],
    [{ field: 'city', op: 'is-not', value: 'Berlin' }, true],
    [{ all: [{ field: 'relation', op: 'is', value: 'prospect' }, { not: { field: 'tags', op: 'exists' } }] }, false],
    [{ any: [{ field: 'relation', op: 'is', value: 'customer' }, { field: 'company', op: 'is', value: 'Globex' }] }, true],
  ] as const)('%j → %s', (cond, expected) => {
    expect(evaluateCondition(cond as never, c)).toBe(expected);
  });
});

describe('planning a run (pure)', () => {
  it('tags matching contacts, once; a tag already there is no effect', () => {
    const r = rule('r', { field: 'company', op: 'is', value: 'Globex' }, { kind: 'add-tag', tag: 'globex' });
    const p = planWorkflow([r], [subj(contact('a', { company: 'Globex' })), subj(contact('b', { company: 'Globex', tags: ['GLOBEX'] })), subj(contact('c'))], { now: T0 });
    expect(p.effects.map((e) => e.contactId)).toEqual(['a']);
    expect(p.capped).toBe(false);
  });

  it('a rule feeding another runs in the next pass (chained), each once', () => {
    const a = rule('a', { field: 'company', op: 'is', value: 'Globex' }, { kind: 'add-tag', tag: 'hot' }, 1);
    const b = rule('b', { field: 'tags', op: 'is', value: 'hot' }, { kind: 'add-to-group', groupId: 'g' }, 0); // earlier rule, reads a's tag
    const p = planWorkflow([a, b], [subj(contact('x', { company: 'Globex' }))], { now: T0, plainGroups: new Set(['g']) });
    expect(p.effects.map((e) => [e.ruleId, e.pass])).toEqual([['a', 1], ['b', 2]]);
  });

  it('two rules that would ping-pong a stage act once each, then stop', () => {
    const toB = rule('toB', { field: 'stage', op: 'is', value: 'prospecting' }, { kind: 'set-stage', stage: 'entering-account' }, 0);
    const toA = rule('toA', { field: 'stage', op: 'is', value: 'entering-account' }, { kind: 'set-stage', stage: 'prospecting' }, 1);
    const p = planWorkflow([toB, toA], [subj(contact('x', { stage: 'prospecting' }))], { now: T0 });
    expect(p.effects.map((e) => e.ruleId)).toEqual(['toB', 'toA']);
    expect(p.capped).toBe(false);
    expect(p.passes).toBe(2);
  });

  it('is bounded for any set of stage rules and contacts (property)', () => {
    const stage = fc.constantFrom<Stage>('prospecting', 'entering-account', 'solution-team', 'closing-referrals');
    fc.assert(fc.property(
      fc.array(fc.tuple(stage, stage), { minLength: 1, maxLength: 8 }),
      fc.array(stage, { minLength: 1, maxLength: 5 }),
      (pairs, stages) => {
        const rules = pairs.map(([from, to], i) => rule(`r${i}`, { field: 'stage', op: 'is', value: from }, { kind: 'set-stage', stage: to }, i));
        const p = planWorkflow(rules, stages.map((s, i) => subj(contact(`c${i}`, { stage: s }))), { now: T0 });
        expect(p.effects.length).toBeLessThanOrEqual(rules.length * stages.length);
        expect(p.passes).toBeLessThanOrEqual(MAX_PASSES);
        const keys = p.effects.map((e) => doneKey(e.ruleId, e.contactId));
        expect(new Set(keys).size).toBe(keys.length);
      },
    ));
  });

  it('a rule that acted on a contact before (even if undone) does not act again', () => {
    const r = rule('r', { field: 'name', op: 'exists' }, { kind: 'remind', days: 3 });
    const p = planWorkflow([r], [subj(contact('a')), subj(contact('b'))], { now: T0, done: new Set([doneKey('r', 'a')]) });
    expect(p.effects.map((e) => e.contactId)).toEqual(['b']);
  });

  it('skips disabled rules and groups that are not plain groups', () => {
    const off = { ...rule('off', { field: 'name', op: 'exists' }, { kind: 'add-tag', tag: 't' }), enabled: false };
    const smart = rule('smart', { field: 'name', op: 'exists' }, { kind: 'add-to-group', groupId: 'smart-g' });
    expect(planWorkflow([off, smart], [subj(contact('a'))], { now: T0, plainGroups: new Set(['g']) }).effects).toEqual([]);
  });
});

describe('running and undoing (database)', () => {
  let d: TiewiseDB;
  let n = 0;
  beforeEach(async () => {
    d = new TiewiseDB(`lead-workflow-${++n}`);
    await openDatabase(d);
    await loadDemoBook(T0, d);
  });
  afterEach(() => d.close());

  const state = async () => ({
    contacts: await d.contacts.toArray(),
    memberships: await d.memberships.toArray(),
    overrides: await d.overrides.toArray(),
    reminders: await d.reminders.toArray(),
  });

  it('applies each effect, logs who got what, and a second run changes nothing', async () => {
    await saveRule({ name: 'Globex hot', when: { field: 'company', op: 'is', value: 'Globex' }, then: { kind: 'add-tag', tag: 'hot' } }, T0, d);
    await saveRule({ name: 'Group them', when: { field: 'tags', op: 'is', value: 'hot' }, then: { kind: 'add-to-group', groupId: 'demo-g-referrals' } }, T0 + 1, d);
    await saveRule({ name: 'Follow up', when: { field: 'company', op: 'is', value: 'Globex' }, then: { kind: 'remind', days: 3 } }, T0 + 2, d);
    const globex = (await d.contacts.where('company').equals('Globex').toArray()).map((c) => c.id).sort();
    const r = await runWorkflow({ now: T0 }, d);
    expect(r.runs).toHaveLength(globex.length * 3);
    expect((await d.contacts.bulkGet(globex)).every((c) => c!.tags.includes('hot'))).toBe(true);
    expect((await d.memberships.where('groupId').equals('demo-g-referrals').toArray()).map((m) => m.contactId)).toEqual(expect.arrayContaining(globex));
    expect((await d.reminders.toArray()).map((x) => [x.contactId, x.due, x.text]).sort()).toEqual(globex.map((id) => [id, T0 + 3 * DAY, 'Follow up']));
    expect(await d.ruleRuns.count()).toBe(r.runs.length);
    const again = await runWorkflow({ now: T0 + 10 }, d);
    expect(again.runs).toEqual([]);
    const [batch] = await listBatches(100, d);
    expect(batch.runs[0]).toMatchObject({ ruleName: 'Globex hot', contactName: expect.any(String) });
  });

  it('undoing a batch restores every table exactly', async () => {
    const before = await state();
    await saveRule({ name: 'Stage', when: { field: 'relation', op: 'is', value: 'prospect' }, then: { kind: 'set-stage', stage: 'closing-referrals' } }, T0, d);
    await saveRule({ name: 'Tag', when: { field: 'relation', op: 'is', value: 'prospect' }, then: { kind: 'add-tag', tag: 'p' } }, T0 + 1, d);
    await saveRule({ name: 'Group', when: { field: 'relation', op: 'is', value: 'prospect' }, then: { kind: 'add-to-group', groupId: 'demo-g-moscow' } }, T0 + 2, d);
    await saveRule({ name: 'Remind', when: { field: 'relation', op: 'is', value: 'prospect' }, then: { kind: 'remind', days: 1 } }, T0 + 3, d);
    const r = await runWorkflow({ now: T0 }, d);
    expect(r.runs.length).toBeGreaterThan(10);
    expect((await d.contacts.get('demo-ivan'))?.stage).toBe('closing-referrals');
    expect(await undoBatch(r.at, T0, d)).toBe(r.runs.length);
    expect(await state()).toEqual(before);
    expect((await d.ruleRuns.toArray()).every((x) => x.undone)).toBe(true);
    // and the rules do not redo what was undone
    expect((await runWorkflow({ now: T0 + 5 }, d)).runs).toEqual([]);
  });

  it('undoes one run alone, and refuses to undo a stage under a later stage change', async () => {
    const ping = await saveRule({ name: 'to 2', when: { field: 'stage', op: 'is', value: 'prospecting' }, then: { kind: 'set-stage', stage: 'entering-account' } }, T0, d);
    await saveRule({ name: 'to 1', when: { field: 'stage', op: 'is', value: 'entering-account' }, then: { kind: 'set-stage', stage: 'prospecting' } }, T0 + 1, d);
    const before = await state();
    const prospect = before.contacts.find((c) => c.stage === 'prospecting')!;
    const r = await runWorkflow({ contactIds: [prospect.id], now: T0 }, d);
    expect(r.runs.map((x) => x.ruleId)).toEqual([ping.id, expect.any(String)]);
    expect(await d.overrides.get(prospect.id)).toMatchObject({ stage: 'prospecting' });
    const first = r.runs[0];
    await expect(undoRuns([first.id], T0, d)).rejects.toBeInstanceOf(UndoOrderError);
    await undoRuns([r.runs[1].id], T0, d);
    await undoRuns([first.id], T0, d);
    expect(await state()).toEqual(before);
  });

  it('only the given contacts are planned for when contacts change', async () => {
    await saveRule({ name: 'All', when: { field: 'name', op: 'exists' }, then: { kind: 'add-tag', tag: 'seen' } }, T0, d);
    const r = await runWorkflow({ contactIds: ['demo-anna', 'demo-olga'], now: T0 }, d);
    expect(r.runs.map((x) => x.contactId).sort()).toEqual(['demo-anna', 'demo-olga']);
  });
});
