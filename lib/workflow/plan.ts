import type { Contact, WorkflowAction, WorkflowRule } from '../domain/entities';
import { contactFacts, evaluateCondition } from './condition';

// Planning a workflow run, pure: given the contacts, their groups and the rules,
// which effects to apply, in order. Running is a bounded fixpoint:
// - a rule acts on a contact at most once, ever (`done` carries the earlier runs,
//   undone ones included: an undone effect is the user's "not for this one");
// - an effect that would change nothing (the tag is there already) is not planned;
// - passes repeat while the previous pass changed something, at most `maxPasses`.
// So two rules that would set a stage back and forth act once each, then stop.

export interface Subject {
  contact: Contact;
  /** ids of the plain groups the contact is in */
  groups: string[];
  networks?: string[];
  products?: string[];
}

export interface PlannedEffect {
  ruleId: string;
  contactId: string;
  effect: WorkflowAction;
  /** order of application within the run, from 0 */
  seq: number;
  pass: number;
}

export interface WorkflowPlan {
  effects: PlannedEffect[];
  passes: number;
  /** stopped by maxPasses, not by reaching the fixpoint */
  capped: boolean;
}

export const doneKey = (ruleId: string, contactId: string): string => `${ruleId}\u0000${contactId}`;

export const MAX_PASSES = 8;

export function planWorkflow(
  rules: WorkflowRule[],
  subjects: Subject[],
  opts: { now: number; done?: ReadonlySet<string>; plainGroups?: ReadonlySet<string>; maxPasses?: number },
): WorkflowPlan {
  const active = rules.filter((r) => r.enabled).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const done = new Set(opts.done ?? []);
  const maxPasses = opts.maxPasses ?? MAX_PASSES;
  // the simulated state: what the effects planned so far have made of each contact
  const state = subjects.map((s) => ({ ...s, contact: { ...s.contact, tags: [...(s.contact.tags ?? [])] }, groups: [...s.groups] }));
  const effects: PlannedEffect[] = [];
  let passes = 0;
  let changed = true;
  while (changed && passes < maxPasses) {
    changed = false;
    passes++;
    for (const rule of active) {
      for (const s of state) {
        const key = doneKey(rule.id, s.contact.id);
        if (done.has(key)) continue;
        const facts = contactFacts(s.contact, s, opts.now);
        if (!evaluateCondition(rule.when, facts)) continue;
        if (!applies(rule.then, s, opts.plainGroups)) continue;
        apply(rule.then, s);
        done.add(key);
        effects.push({ ruleId: rule.id, contactId: s.contact.id, effect: rule.then, seq: effects.length, pass: passes });
        changed = true;
      }
    }
  }
  return { effects, passes, capped: changed };
}

/** Would the action change the contact? (No-ops are neither applied nor logged.) */
function applies(a: WorkflowAction, s: { contact: Contact; groups: string[] }, plainGroups?: ReadonlySet<string>): boolean {
  switch (a.kind) {
    case 'add-tag':
      return a.tag.trim() !== '' && !s.contact.tags.some((t) => t.toLowerCase() === a.tag.trim().toLowerCase());
    case 'add-to-group':
      return (!plainGroups || plainGroups.has(a.groupId)) && !s.groups.includes(a.groupId);
    case 'set-stage':
      return s.contact.stage !== a.stage;
    case 'remind':
      return true;
  }
}

function apply(a: WorkflowAction, s: { contact: Contact; groups: string[] }): void {
  if (a.kind === 'add-tag') s.contact.tags.push(a.tag.trim());
  else if (a.kind === 'add-to-group') s.groups.push(a.groupId);
  else if (a.kind === 'set-stage') s.contact.stage = a.stage;
}
