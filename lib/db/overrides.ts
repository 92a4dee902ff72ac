import { db, type TiewiseDB } from './database';
import type { TagOverride } from '../domain/entities';
import { refreshTie } from './derive';
import { guarded } from './errors';

// The user's override of a contact's tag (network type and stage), and undoing it.

export async function setOverride(o: Omit<TagOverride, 'at'>, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.overrides.put({ ...o, at: Date.now() }));
  await refreshTie(o.contactId, Date.now(), d);
}

export async function clearOverride(contactId: string, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.overrides.delete(contactId));
  await refreshTie(contactId, Date.now(), d);
}
