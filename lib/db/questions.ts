import { db, type TiewiseDB } from './database';
import { guarded } from './errors';
import { refreshTie } from './derive';
import { parseDocId } from '../domain/shared';
import type { Question } from '../domain/entities';

// Questions two teammates' versions left (lib/sync/merge.ts): the panel shows them
// beside the contact, and the answer is written like any edit (and so shared).

/** The open questions about a contact and its rows. */
export async function questionsFor(contactId: string, d: TiewiseDB = db()): Promise<Question[]> {
  return d.questions.where('contactId').equals(contactId).toArray();
}

/**
 * Says which version of a field stands: the record gets that value (null: the
 * field is cleared) and the question loses that field (and goes when none is left).
 * One transaction: the answer and the record change together.
 */
export async function answerQuestion(questionId: string, field: string, value: unknown, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  const where = parseDocId(questionId);
  let contactId: string | undefined;
  await guarded(() => d.transaction('rw', [d.questions, d.table(where?.table ?? 'contacts')], async () => {
    const q = await d.questions.get(questionId);
    if (!q) return;
    contactId = q.contactId;
    const rest = q.fields.filter((f) => f.field !== field);
    if (rest.length) await d.questions.put({ ...q, fields: rest });
    else await d.questions.delete(questionId);
    if (!where) return;
    const table = d.table(where.table);
    const row = (await table.get(where.key as string)) as Record<string, unknown> | undefined;
    if (!row) return;
    const next: Record<string, unknown> = { ...row };
    if (value === null || value === undefined) delete next[field];
    else next[field] = value;
    if ('updatedAt' in row) next.updatedAt = now;
    await table.put(next);
  }));
  if (contactId) await refreshTie(contactId, now, d);
}
