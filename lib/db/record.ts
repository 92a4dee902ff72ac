import { db, type TiewiseDB } from './database';
import type { Complaint, Contact, Deal, Group, Interaction, Note, Profile, Purchase, Reminder, TagOverride } from '../domain/entities';

// One contact's whole record, read as one snapshot: what the panel shows and what
// the tie model assesses (derive.ts).

/** Everything the panel shows about one contact. */
export interface ContactRecord {
  contact: Contact;
  profiles: Profile[];
  notes: Note[];
  interactions: Interaction[];
  purchases: Purchase[];
  complaints: Complaint[];
  /** deals and leads, open first, then newest */
  deals: Deal[];
  override?: TagOverride;
  groups: Group[];
  /** open reminders, soonest first */
  reminders: Reminder[];
}

export async function getContactRecord(id: string, d: TiewiseDB = db()): Promise<ContactRecord | null> {
  return d.transaction('r', [d.contacts, d.profiles, d.notes, d.interactions, d.purchases, d.complaints, d.overrides, d.memberships, d.groups, d.reminders, d.deals], async () => {
    const contact = await d.contacts.get(id);
    if (!contact) return null;
    const [profiles, notes, interactions, purchases, complaints, override, memberships, reminders, deals] = await Promise.all([
      d.profiles.where('contactId').equals(id).toArray(),
      d.notes.where('contactId').equals(id).toArray(),
      d.interactions.where('contactId').equals(id).toArray(),
      d.purchases.where('contactId').equals(id).toArray(),
      d.complaints.where('contactId').equals(id).toArray(),
      d.overrides.get(id),
      d.memberships.where('contactId').equals(id).toArray(),
      d.reminders.where('contactId').equals(id).filter((r) => !r.done).toArray(),
      d.deals.where('contactId').equals(id).toArray(),
    ]);
    const groups = (await d.groups.bulkGet(memberships.map((m) => m.groupId))).filter((g): g is Group => !!g);
    notes.sort((a, b) => b.createdAt - a.createdAt);
    interactions.sort((a, b) => b.at - a.at);
    purchases.sort((a, b) => b.at - a.at);
    complaints.sort((a, b) => b.openedAt - a.openedAt);
    reminders.sort((a, b) => a.due - b.due);
    deals.sort((a, b) => +(b.status === 'open') - +(a.status === 'open') || (b.closedAt ?? b.openedAt ?? 0) - (a.closedAt ?? a.openedAt ?? 0));
    return { contact, profiles, notes, interactions, purchases, complaints, deals, override, groups, reminders };
  });
}
