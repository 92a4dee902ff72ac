import Dexie, { liveQuery } from 'dexie';
import { db, type TiewiseDB } from './database';
import { guarded } from './errors';
import { newId } from './ids';
import { refreshTie } from './derive';
import type { Condition, Contact, RuleRun, TagOverride, WorkflowAction, WorkflowRule } from '../domain/entities';
import { doneKey, planWorkflow, type Subject } from '../workflow/plan';
import { DAY } from '../domain/time';

// Applying workflow rules: plan (lib/workflow/plan.ts, pure) then apply every effect
// and log it in ruleRuns, in one transaction. Each run of the rules is one batch:
// its runs share one `at`, unique to the batch, and are ordered by `seq`.


/**
 * A logged effect as stored. `seq` orders a batch; `before` is the tag override a
 * set-stage replaced (null: none), so undo restores it exactly. Both are extra to
 * the RuleRun schema (see the note in the final report: worth adding there).
 */
export type StoredRuleRun = RuleRun & { seq?: number; before?: TagOverride | null };

export class UndoOrderError extends Error {
  constructor(public contactId: string) {
    super('undo-later-first');
    this.name = 'UndoOrderError';
  }
}

export async function listRules(d: TiewiseDB = db()): Promise<WorkflowRule[]> {
  return (await d.workflowRules.toArray()).sort((a, b) => a.createdAt - b.createdAt);
}

export async function saveRule(
  r: { id?: string; name: string; when: Condition; then: WorkflowAction; enabled?: boolean },
  now = Date.now(),
  d: TiewiseDB = db(),
): Promise<WorkflowRule> {
  const prev = r.id ? await d.workflowRules.get(r.id) : undefined;
  const rule: WorkflowRule = {
    id: r.id ?? newId(), name: r.name.trim(), when: r.when, then: r.then,
    enabled: r.enabled ?? prev?.enabled ?? true, createdAt: prev?.createdAt ?? now,
  };
  await guarded(() => d.workflowRules.put(rule));
  return rule;
}

export async function setRuleEnabled(id: string, enabled: boolean, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.workflowRules.update(id, { enabled }));
}

/** Deletes the rule; what it did stays in the log, still undoable. */
export async function deleteRule(id: string, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.workflowRules.delete(id));
}

const fieldsOf = (c: Condition, out = new Set<string>()): Set<string> => {
  if ('all' in c) c.all.forEach((x) => fieldsOf(x, out));
  else if ('any' in c) c.any.forEach((x) => fieldsOf(x, out));
  else if ('not' in c) fieldsOf(c.not, out);
  else out.add(c.field);
  return out;
};

export interface RunResult { at: number; runs: StoredRuleRun[] }

/**
 * Runs the enabled rules over the given contacts (all of them by default), applies
 * and logs the effects in one transaction. Reads only what the rules need: linked
 * networks and products bought only when a rule's condition asks for them.
 */
export async function runWorkflow(opts: { contactIds?: string[]; now?: number } = {}, d: TiewiseDB = db()): Promise<RunResult> {
  const now = opts.now ?? Date.now();
  const stageTouched = new Set<string>();
  const result = await guarded(() =>
    d.transaction('rw', [d.workflowRules, d.contacts, d.memberships, d.groups, d.profiles, d.purchases, d.ruleRuns, d.overrides, d.reminders], async () => {
      const rules = (await d.workflowRules.toArray()).filter((r) => r.enabled);
      if (!rules.length) return { at: now, runs: [] };
      const contacts: Contact[] = opts.contactIds
        ? (await d.contacts.bulkGet(opts.contactIds)).filter((c): c is Contact => !!c)
        : await d.contacts.toArray();
      if (!contacts.length) return { at: now, runs: [] };
      const ids = contacts.map((c) => c.id);
      const some = !!opts.contactIds;
      const fields = new Set(rules.flatMap((r) => [...fieldsOf(r.when)]));

      const memberships = some ? await d.memberships.where('contactId').anyOf(ids).toArray() : await d.memberships.toArray();
      const groups = await d.groups.toArray();
      const plain = new Set(groups.filter((g) => !g.rule).map((g) => g.id));
      const byContact = <T extends { contactId: string }>(rows: T[], pick: (r: T) => string) => {
        const m = new Map<string, string[]>();
        for (const r of rows) m.set(r.contactId, [...(m.get(r.contactId) ?? []), pick(r)]);
        return m;
      };
      const groupsOf = byContact(memberships, (m) => m.groupId);
      const networksOf = fields.has('networks')
        ? byContact(some ? await d.profiles.where('contactId').anyOf(ids).toArray() : await d.profiles.toArray(), (p) => p.network)
        : new Map<string, string[]>();
      const productsOf = fields.has('products')
        ? byContact(some ? await d.purchases.where('contactId').anyOf(ids).toArray() : await d.purchases.toArray(), (p) => p.productId)
        : new Map<string, string[]>();
      const ruleIds = rules.map((r) => r.id);
      const earlier = await d.ruleRuns.where('ruleId').anyOf(ruleIds).toArray();
      const done = new Set(earlier.map((r) => doneKey(r.ruleId, r.contactId)));

      const subjects: Subject[] = contacts.map((c) => ({
        contact: c, groups: groupsOf.get(c.id) ?? [], networks: networksOf.get(c.id), products: productsOf.get(c.id),
      }));
      const plan = planWorkflow(rules, subjects, { now, done, plainGroups: plain });
      if (!plan.effects.length) return { at: now, runs: [] };

      // one `at` per batch, later than any earlier batch's
      const last = await d.ruleRuns.orderBy('at').last();
      const at = Math.max(now, (last?.at ?? 0) + 1);
      const byId = new Map(contacts.map((c) => [c.id, c]));
      const runs: StoredRuleRun[] = [];
      for (const e of plan.effects) {
        const run: StoredRuleRun = { id: newId(), ruleId: e.ruleId, contactId: e.contactId, at, effect: e.effect, undone: false, seq: e.seq };
        const c = byId.get(e.contactId)!;
        switch (e.effect.kind) {
          case 'add-tag': {
            const cur = (await d.contacts.get(c.id))!;
            await d.contacts.update(c.id, { tags: [...(cur.tags ?? []), e.effect.tag.trim()] });
            break;
          }
          case 'add-to-group':
            await d.memberships.put({ groupId: e.effect.groupId, contactId: c.id, addedAt: at });
            break;
          case 'set-stage': {
            const before = (await d.overrides.get(c.id)) ?? null;
            run.before = before;
            await d.overrides.put({ contactId: c.id, networkType: before?.networkType ?? c.networkType ?? 'unclassified', stage: e.effect.stage, at });
            stageTouched.add(c.id);
            break;
          }
          case 'remind': {
            const rule = rules.find((r) => r.id === e.ruleId)!;
            await d.reminders.put({ id: run.id, contactId: c.id, due: at + e.effect.days * DAY, text: rule.name, done: false });
            break;
          }
        }
        runs.push(run);
      }
      await d.ruleRuns.bulkAdd(runs);
      return { at, runs };
    }),
  );
  for (const id of stageTouched) await refreshTie(id, now, d);
  return result;
}

/**
 * Undoes logged effects (one run, or a whole batch), latest first, in one
 * transaction. Undoing a stage change that a later, still-active run changed again
 * is refused (UndoOrderError): it would silently drop the later change.
 */
export async function undoRuns(runIds: string[], now = Date.now(), d: TiewiseDB = db()): Promise<number> {
  const stageTouched = new Set<string>();
  const n = await guarded(() =>
    d.transaction('rw', [d.ruleRuns, d.contacts, d.memberships, d.overrides, d.reminders], async () => {
      const runs = ((await d.ruleRuns.bulkGet(runIds)) as (StoredRuleRun | undefined)[])
        .filter((r): r is StoredRuleRun => !!r && !r.undone)
        .sort((a, b) => b.at - a.at || (b.seq ?? 0) - (a.seq ?? 0));
      const undoing = new Set(runs.map((r) => r.id));
      for (const r of runs) {
        const e = r.effect;
        if (e.kind === 'add-tag') {
          const c = await d.contacts.get(r.contactId);
          if (c) await d.contacts.update(c.id, { tags: removeOne(c.tags ?? [], e.tag.trim()) });
        } else if (e.kind === 'add-to-group') {
          await d.memberships.delete([e.groupId, r.contactId]);
        } else if (e.kind === 'set-stage') {
          const later = (await d.ruleRuns.where('contactId').equals(r.contactId).toArray() as StoredRuleRun[]).filter(
            (x) => !x.undone && !undoing.has(x.id) && x.effect.kind === 'set-stage' && (x.at > r.at || (x.at === r.at && (x.seq ?? 0) > (r.seq ?? 0))),
          );
          if (later.length) throw new UndoOrderError(r.contactId);
          if (r.before) await d.overrides.put(r.before);
          else await d.overrides.delete(r.contactId);
          stageTouched.add(r.contactId);
        } else if (e.kind === 'remind') {
          await d.reminders.delete(r.id);
        }
        await d.ruleRuns.update(r.id, { undone: true });
      }
      return runs.length;
    }),
  );
  for (const id of stageTouched) await refreshTie(id, now, d);
  return n;
}

/** Undoes every effect of one batch (one run of the rules). */
export async function undoBatch(at: number, now = Date.now(), d: TiewiseDB = db()): Promise<number> {
  const ids = (await d.ruleRuns.where('at').equals(at).primaryKeys()) as string[];
  return undoRuns(ids, now, d);
}

function removeOne(tags: string[], tag: string): string[] {
  const i = tags.findIndex((t) => t.toLowerCase() === tag.toLowerCase());
  return i < 0 ? tags : [...tags.slice(0, i), ...tags.slice(i + 1)];
}

export interface LoggedRun extends StoredRuleRun {
  ruleName?: string;
  contactName?: string;
  groupName?: string;
}

/** The latest batches, newest first, each with its runs named (rule, contact, group). */
export async function listBatches(limitRuns = 200, d: TiewiseDB = db()): Promise<{ at: number; runs: LoggedRun[] }[]> {
  return d.transaction('r', [d.ruleRuns, d.workflowRules, d.contacts, d.groups], async () => {
    const runs = (await d.ruleRuns.orderBy('at').reverse().limit(limitRuns).toArray()) as StoredRuleRun[];
    const rules = new Map((await d.workflowRules.bulkGet([...new Set(runs.map((r) => r.ruleId))])).filter((r) => !!r).map((r) => [r!.id, r!.name]));
    const contacts = new Map((await d.contacts.bulkGet([...new Set(runs.map((r) => r.contactId))])).filter((c) => !!c).map((c) => [c!.id, c!.name]));
    const groups = new Map((await d.groups.toArray()).map((g) => [g.id, g.name]));
    const batches = new Map<number, LoggedRun[]>();
    for (const r of runs) {
      const named: LoggedRun = {
        ...r, ruleName: rules.get(r.ruleId), contactName: contacts.get(r.contactId),
        groupName: r.effect.kind === 'add-to-group' ? groups.get(r.effect.groupId) : undefined,
      };
      batches.set(r.at, [...(batches.get(r.at) ?? []), named]);
    }
    return [...batches].map(([at, rs]) => ({ at, runs: rs.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)) }));
  });
}

/**
 * Runs the rules over every contact that changes from now on (a change bumps its
 * updatedAt), for as long as the returned function is not called. Rule effects do
 * not bump updatedAt, so the rules never trigger themselves.
 */
export function watchContacts(onRun: (r: RunResult) => void = () => {}, d: TiewiseDB = db()): () => void {
  let since = Date.now();
  let running = Promise.resolve();
  const sub = liveQuery(() => d.contacts.where('updatedAt').above(since).toArray()).subscribe({
    next: (changed) => {
      if (!changed.length) return;
      since = Math.max(since, ...changed.map((c) => c.updatedAt));
      const ids = changed.map((c) => c.id);
      running = running.then(() => runWorkflow({ contactIds: ids }, d).then((r) => { if (r.runs.length) onRun(r); })).catch((e) => {
        if (!(e instanceof Dexie.DatabaseClosedError)) console.error('[tiewise] workflow', e);
      });
    },
    error: (e) => console.error('[tiewise] workflow watcher', e),
  });
  return () => sub.unsubscribe();
}
