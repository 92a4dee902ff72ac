import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NETWORK_TYPES, Relation, Stage, type Condition, type Group, type WorkflowAction } from '@/lib/domain/entities';
import { CONDITION_FIELDS, type ConditionField } from '@/lib/workflow/condition';

type Op = 'is' | 'is-not' | 'contains' | 'gt' | 'lt' | 'exists';
interface Clause { field: ConditionField; op: Op; value: string }

const OPS: Record<(typeof CONDITION_FIELDS)[ConditionField], Op[]> = {
  text: ['is', 'is-not', 'contains', 'exists'],
  list: ['is', 'is-not', 'contains', 'exists'],
  number: ['gt', 'lt', 'is', 'exists'],
  relation: ['is', 'is-not', 'exists'],
  networkType: ['is', 'is-not'],
  stage: ['is', 'is-not', 'exists'],
};
const ACTIONS = ['add-tag', 'add-to-group', 'set-stage', 'remind'] as const;
const blank = (): Clause => ({ field: 'company', op: 'is', value: '' });

export interface WorkflowDraft { name: string; when: Condition; then: WorkflowAction }

/** The small rule editor: a name, conditions (all or any), one action. Says what is missing. */
export function WorkflowRuleEditor({ groups, onSave }: { groups: Group[]; onSave: (r: WorkflowDraft) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const plain = groups.filter((g) => !g.rule);
  const [name, setName] = useState('');
  const [match, setMatch] = useState<'all' | 'any'>('all');
  const [clauses, setClauses] = useState<Clause[]>([blank()]);
  const [action, setAction] = useState<WorkflowAction['kind']>('add-tag');
  const [tag, setTag] = useState('');
  const [groupId, setGroupId] = useState('');
  const [stage, setStage] = useState<Stage>('prospecting');
  const [days, setDays] = useState('7');
  const [errors, setErrors] = useState<string[]>([]);

  const setClause = (i: number, c: Partial<Clause>) => setClauses((cs) => cs.map((x, j) => {
    if (j !== i) return x;
    const next = { ...x, ...c };
    if (c.field && c.field !== x.field) {
      const ops = OPS[CONDITION_FIELDS[c.field]];
      next.op = ops.includes(x.op) ? x.op : ops[0];
      next.value = '';
    }
    return next;
  }));

  const build = (): WorkflowDraft | string[] => {
    const errs: string[] = [];
    if (!name.trim()) errs.push(t('lead.rules.editor.errors.name'));
    const leaves: Condition[] = clauses.map((c, i) => {
      const kind = CONDITION_FIELDS[c.field];
      if (c.op === 'exists') return { field: c.field, op: c.op };
      if (!c.value.trim()) errs.push(t('lead.rules.editor.errors.value', { n: i + 1 }));
      else if (kind === 'number' && !Number.isFinite(Number(c.value))) errs.push(t('lead.rules.editor.errors.number', { n: i + 1 }));
      return { field: c.field, op: c.op, value: kind === 'number' ? Number(c.value) : c.value.trim() };
    });
    let then: WorkflowAction;
    if (action === 'add-tag') {
      if (!tag.trim()) errs.push(t('lead.rules.editor.errors.tag'));
      then = { kind: 'add-tag', tag: tag.trim() };
    } else if (action === 'add-to-group') {
      if (!groupId) errs.push(t('lead.rules.editor.errors.group'));
      then = { kind: 'add-to-group', groupId };
    } else if (action === 'set-stage') {
      then = { kind: 'set-stage', stage };
    } else {
      const n = Number(days);
      if (!/^\d+$/.test(days.trim()) || n < 1 || n > 365) errs.push(t('lead.rules.editor.errors.days'));
      then = { kind: 'remind', days: n };
    }
    if (errs.length) return errs;
    return { name: name.trim(), when: leaves.length === 1 ? leaves[0] : match === 'all' ? { all: leaves } : { any: leaves }, then };
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = build();
    if (Array.isArray(r)) return setErrors(r);
    setErrors([]);
    await onSave(r);
    setName('');
    setClauses([blank()]);
    setTag('');
  };

  const valueInput = (c: Clause, i: number) => {
    const label = t('lead.rules.editor.value');
    if (c.op === 'exists') return null;
    const kind = CONDITION_FIELDS[c.field];
    const options: [string, string][] | null =
      kind === 'relation' ? Relation.options.map((r) => [r, t(`lead.relation.${r}`)])
        : kind === 'networkType' ? NETWORK_TYPES.map((n) => [n, t(`lead.network.${n}`)])
          : kind === 'stage' ? Stage.options.map((s) => [s, t(`lead.stage.${s}`)])
            : c.field === 'groups' ? plain.map((g) => [g.id, g.name])
              : null;
    return (
      <label className="lead-field">
        <span>{label}</span>
        {options ? (
          <select value={c.value} onChange={(e) => setClause(i, { value: e.target.value })}>
            <option value="">—</option>
            {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        ) : (
          <input type={kind === 'number' ? 'number' : 'text'} step="any" value={c.value} onChange={(e) => setClause(i, { value: e.target.value })} />
        )}
      </label>
    );
  };

  return (
    <form className="lead-card" aria-labelledby={id} onSubmit={(e) => void submit(e)} noValidate>
      <div className="lead-card-head"><h2 id={id}>{t('lead.rules.editor.title')}</h2></div>
      <label className="lead-field">
        <span>{t('lead.rules.editor.name')}</span>
        <input value={name} placeholder={t('lead.rules.editor.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset className="lead-fieldset">
        <legend>{t('lead.rules.editor.when')}</legend>
        {clauses.length > 1 && (
          <label className="lead-field">
            <span>{t('lead.rules.editor.match')}</span>
            <select value={match} onChange={(e) => setMatch(e.target.value as 'all' | 'any')}>
              <option value="all">{t('lead.rules.editor.matchAll')}</option>
              <option value="any">{t('lead.rules.editor.matchAny')}</option>
            </select>
          </label>
        )}
        {clauses.map((c, i) => (
          <fieldset key={i} className="lead-clause">
            <legend>{t('lead.rules.editor.clause', { n: i + 1 })}</legend>
            <label className="lead-field">
              <span>{t('lead.rules.editor.field')}</span>
              <select value={c.field} onChange={(e) => setClause(i, { field: e.target.value as ConditionField })}>
                {(Object.keys(CONDITION_FIELDS) as ConditionField[]).map((f) => <option key={f} value={f}>{t(`lead.rules.fields.${f}`)}</option>)}
              </select>
            </label>
            <label className="lead-field">
              <span>{t('lead.rules.editor.op')}</span>
              <select value={c.op} onChange={(e) => setClause(i, { op: e.target.value as Op })}>
                {OPS[CONDITION_FIELDS[c.field]].map((o) => <option key={o} value={o}>{t(`lead.rules.ops.${o}`)}</option>)}
              </select>
            </label>
            {valueInput(c, i)}
            {clauses.length > 1 && (
              <button type="button" className="link" aria-label={t('lead.rules.editor.removeClause', { n: i + 1 })}
                onClick={() => setClauses((cs) => cs.filter((_, j) => j !== i))}>✕</button>
            )}
          </fieldset>
        ))}
        <button type="button" onClick={() => setClauses((cs) => [...cs, blank()])}>{t('lead.rules.editor.addClause')}</button>
      </fieldset>
      <fieldset className="lead-fieldset">
        <legend>{t('lead.rules.editor.then')}</legend>
        <div className="lead-row">
          <label className="lead-field">
            <span>{t('lead.rules.editor.action')}</span>
            <select value={action} onChange={(e) => setAction(e.target.value as WorkflowAction['kind'])}>
              {ACTIONS.map((a) => <option key={a} value={a}>{t(`lead.rules.actions.${a}`)}</option>)}
            </select>
          </label>
          {action === 'add-tag' && (
            <label className="lead-field"><span>{t('lead.rules.editor.tag')}</span><input value={tag} onChange={(e) => setTag(e.target.value)} /></label>
          )}
          {action === 'add-to-group' && (plain.length ? (
            <label className="lead-field">
              <span>{t('lead.rules.editor.group')}</span>
              <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                <option value="">—</option>
                {plain.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
              </select>
            </label>
          ) : <p className="muted">{t('lead.rules.editor.noGroups')}</p>)}
          {action === 'set-stage' && (
            <label className="lead-field">
              <span>{t('lead.rules.editor.stage')}</span>
              <select value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
                {Stage.options.map((s) => <option key={s} value={s}>{t(`lead.stage.${s}`)}</option>)}
              </select>
            </label>
          )}
          {action === 'remind' && (
            <label className="lead-field"><span>{t('lead.rules.editor.days')}</span><input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} /></label>
          )}
        </div>
      </fieldset>
      {errors.length > 0 && <ul role="alert" className="lead-errors">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
      <button type="submit" className="primary">{t('lead.rules.editor.save')}</button>
    </form>
  );
}
