import { db, type TiewiseDB } from './database';
import { guarded } from './errors';

// Reminders (set by a rule's "remind me in N days"; see workflow.ts).

/** Marks a reminder done (a rule's "remind me in N days"). */
export async function completeReminder(id: string, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.reminders.update(id, { done: true }));
}
