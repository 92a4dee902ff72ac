import { useTranslation } from 'react-i18next';
import type { Condition, WorkflowAction } from '@/lib/domain/entities';
import { CONDITION_FIELDS, type ConditionField } from '@/lib/workflow/condition';

/** Rules in words: "company is Globex and tags is hot" → "add tag “vip”". */
export function useRuleText(groupNames: Map<string, string>) {
  const { t } = useTranslation();
  const value = (field: string, v: string | number | undefined): string => {
    const kind = CONDITION_FIELDS[field as ConditionField];
    if (v === undefined) return '';
    if (kind === 'networkType') return t(`lead.network.${v}`);
    if (kind === 'stage') return t(`lead.stage.${v}`);
    if (kind === 'relation') return t(`lead.relation.${v}`);
    if (field === 'groups') return `“${groupNames.get(String(v)) ?? v}”`;
    return typeof v === 'number' ? String(v) : `“${v}”`;
  };
  const condition = (c: Condition): string => {
    if ('all' in c) return c.all.map(condition).join(t('lead.rules.join.all'));
    if ('any' in c) return c.any.map(condition).join(t('lead.rules.join.any'));
    if ('not' in c) return t('lead.rules.not', { inner: condition(c.not) });
    const field = t(`lead.rules.fields.${c.field}`, { defaultValue: c.field });
    const op = t(`lead.rules.ops.${c.op}`);
    return c.op === 'exists' ? t('lead.rules.clauseExists', { field, op }) : t('lead.rules.clauseText', { field, op, value: value(c.field, c.value) });
  };
  const effect = (a: WorkflowAction, groupName?: string): string => {
    switch (a.kind) {
      case 'add-tag': return t('lead.rules.effect.add-tag', { tag: a.tag });
      case 'add-to-group': return t('lead.rules.effect.add-to-group', { group: groupName ?? groupNames.get(a.groupId) ?? a.groupId });
      case 'set-stage': return t('lead.rules.effect.set-stage', { stage: t(`lead.stage.${a.stage}`) });
      case 'remind': return t('lead.rules.effect.remind', { count: a.days });
    }
  };
  return { condition, effect };
}
