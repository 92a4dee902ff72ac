import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageFullError } from '@/lib/db/errors';
import { allGroups } from '@/lib/db/groups';
import { deleteRule, listBatches, listRules, runWorkflow, saveRule, setRuleEnabled, undoRuns, UndoOrderError, watchContacts } from '@/lib/db/workflow';
import { WorkflowRuleEditor, type WorkflowDraft } from './WorkflowRuleEditor';
import { RuleList } from './RuleList';
import { RunLog } from './RunLog';
import { useRuleText } from './useRuleText';

/** Rules: the list, the editor, run now, and the log with undo. While open, rules also run as contacts change. */
export function RulesTab() {
  const { t } = useTranslation();
  const rules = useLiveQuery(() => listRules(), []) ?? [];
  const groupRows = useLiveQuery(() => allGroups(), []);
  const groups = useMemo(() => groupRows ?? [], [groupRows]);
  const batches = useLiveQuery(() => listBatches(), []) ?? [];
  const groupNames = useMemo(() => new Map(groups.map((g) => [g.id, g.name])), [groups]);
  const text = useRuleText(groupNames);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => watchContacts((r) => setStatus({ kind: 'ok', text: t('lead.rules.ran', { count: r.runs.length }) })), [t]);

  const attempt = async (fn: () => Promise<string>) => {
    try {
      setStatus({ kind: 'ok', text: await fn() });
    } catch (e) {
      const msg = e instanceof UndoOrderError ? t('lead.log.laterFirst')
        : e instanceof StorageFullError ? t('db.storageFull') : t('lead.failed', { message: (e as Error).message });
      setStatus({ kind: 'error', text: msg });
    }
  };
  const save = (r: WorkflowDraft) => attempt(async () => {
    await saveRule(r);
    return t('lead.rules.editor.saved', { name: r.name });
  });
  const run = () => attempt(async () => {
    const r = await runWorkflow();
    return r.runs.length ? t('lead.rules.ran', { count: r.runs.length }) : t('lead.rules.ranNothing');
  });
  const undo = (ids: string[]) => attempt(async () => t('lead.log.undoneMsg', { count: await undoRuns(ids) }));

  return (
    <div className="lead-grid">
      <div className="lead-full row-actions">
        <button type="button" className="primary" onClick={() => void run()} disabled={!rules.some((r) => r.enabled)}>{t('lead.rules.runAll')}</button>
      </div>
      <div role="status" className="lead-full">{status?.kind === 'ok' && <p className="notice">{status.text}</p>}</div>
      {status?.kind === 'error' && <p role="alert" className="notice notice-error lead-full">{status.text}</p>}
      <RuleList
        rules={rules}
        describe={(r) => t('lead.rules.describe', { when: text.condition(r.when), then: text.effect(r.then) })}
        onToggle={(r, on) => void setRuleEnabled(r.id, on)}
        onDelete={(r) => void attempt(async () => { await deleteRule(r.id); return t('lead.rules.deleted'); })}
      />
      <WorkflowRuleEditor groups={groups} onSave={save} />
      <RunLog batches={batches} effect={text.effect} onUndo={(ids) => void undo(ids)} />
    </div>
  );
}
