import { db, type TiewiseDB } from './database';
import type { Interaction, Provenance } from '../domain/entities';
import { refreshTie } from './derive';
import { guarded } from './errors';
import { newId } from './ids';

// A contact's interactions (calls, meetings, messages): adding one moves the
// contact's last-contact date.

export async function addInteraction(
  i: Omit<Interaction, 'id' | 'source'> & { source?: Provenance },
  d: TiewiseDB = db(),
): Promise<Interaction> {
  const now = Date.now();
  const row: Interaction = { ...i, id: newId(), source: i.source ?? { kind: 'user', at: now } };
  await guarded(() =>
    d.transaction('rw', d.interactions, d.contacts, async () => {
      await d.interactions.add(row);
      const c = await d.contacts.get(i.contactId);
      if (c) await d.contacts.update(c.id, { lastContactAt: Math.max(c.lastContactAt ?? 0, i.at), updatedAt: now });
    }),
  );
  await refreshTie(i.contactId, now, d);
  return row;
}
