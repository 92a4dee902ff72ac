import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition, Product } from '@/lib/domain/entities';
import type { BookGroup, BookModel } from '@/lib/book/model';
import { draftComplete, fromDraft, toDraft, type RuleDraft } from '@/lib/book/draft';
import { createGroup, renameGroup, setGroupRule, GROUP_COLORS } from '@/lib/db/groups';
import { RuleEditor } from './RuleEditor';
import { Modal } from './Modal';

interface Props {
  model: BookModel;
  now: number;
  products: readonly Product[];
  /** the smart group being edited; a new one otherwise */
  group?: BookGroup;
  /** a new group's first rule (e.g. the current filter) */
  rule?: Condition;
  onDone(groupId?: string): void;
}

/** Name a smart group and build its rule; the count of contacts matching updates as you edit. */
export function SmartGroupDialog({ model, now, products, group, rule, onDone }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const [name, setName] = useState(group?.name ?? '');
  const [draft, setDraft] = useState<RuleDraft>(() => toDraft(group?.rule ?? rule));
  const [error, setError] = useState<string | null>(null);
  const complete = draftComplete(draft);
  const matching = complete ? model.count(fromDraft(draft), now) : null;
  const save = async () => {
    if (!complete || !name.trim()) return;
    try {
      if (group) {
        await renameGroup(group.id, name);
        await setGroupRule(group.id, fromDraft(draft));
        onDone(group.id);
      } else {
        const g = await createGroup({ name, rule: fromDraft(draft), color: GROUP_COLORS[model.groups.length % GROUP_COLORS.length] });
        onDone(g.id);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal labelledBy={titleId} onClose={() => onDone()}>
      <h2 id={titleId}>{group ? group.name : t('book.rule.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t('book.rule.name')}</span>
          <input type="text" value={name} required onChange={(e) => setName(e.currentTarget.value)} />
        </label>
        <RuleEditor value={draft} onChange={setDraft} products={products} groups={model.groups} />
        <p className="rule-count" role="status">
          {matching === null ? t('book.rule.invalid') : t('book.rule.matching', { count: matching })}
        </p>
        {error && <p role="alert" className="notice notice-error">{t('book.error', { message: error })}</p>}
        <div className="row-actions">
          <button type="submit" className="primary" disabled={!complete || !name.trim()}>{t('book.rule.save')}</button>
          <button type="button" onClick={() => onDone()}>{t('book.rule.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
