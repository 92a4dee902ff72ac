import { db, type TiewiseDB } from '../db/database';
import { guarded } from '../db/errors';
import { demoBook } from './book';
import { refreshAllTies } from '../db/derive';

/** Writes the demo book in one transaction (put: loading it twice changes nothing). */
export async function loadDemoBook(now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  const b = demoBook(now);
  await guarded(() =>
    d.transaction('rw', [d.contacts, d.profiles, d.notes, d.interactions, d.purchases, d.complaints, d.products, d.groups, d.memberships, d.settings], async () => {
      await d.products.bulkPut(b.products);
      await d.contacts.bulkPut(b.contacts);
      await d.profiles.bulkPut(b.profiles);
      await d.notes.bulkPut(b.notes);
      await d.interactions.bulkPut(b.interactions);
      await d.purchases.bulkPut(b.purchases);
      await d.complaints.bulkPut(b.complaints);
      await d.groups.bulkPut(b.groups);
      await d.memberships.bulkPut(b.memberships);
      await d.settings.bulkPut(b.settings);
    }),
  );
  await refreshAllTies(now, d);
}
