import { db, type TiewiseDB } from './database';
import type { Note } from '../domain/entities';
import { refreshTie } from './derive';
import { guarded } from './errors';
import { newId } from './ids';

// A contact's notes: add, edit, delete (returning the note, so the UI can undo), restore.

export async function addNote(contactId: string, text: string, now = Date.now(), d: TiewiseDB = db()): Promise<Note> {
  const note: Note = { id: newId(), contactId, text, createdAt: now, updatedAt: now, source: { kind: 'user', at: now } };
  await guarded(() =>
    d.transaction('rw', d.notes, d.contacts, async () => {
      await d.notes.add(note);
      await d.contacts.update(contactId, { updatedAt: now });
    }),
  );
  await refreshTie(contactId, now, d);
  return note;
}

export async function updateNote(id: string, text: string, now = Date.now(), d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.notes.update(id, { text, updatedAt: now }));
  const n = await d.notes.get(id);
  if (n) await refreshTie(n.contactId, now, d);
}

/** Deletes a note and returns it, so the UI can undo. */
export async function deleteNote(id: string, d: TiewiseDB = db()): Promise<Note | undefined> {
  return guarded(() =>
    d.transaction('rw', d.notes, async () => {
      const n = await d.notes.get(id);
      await d.notes.delete(id);
      return n;
    }),
  ).then(async (n) => {
    if (n) await refreshTie(n.contactId, Date.now(), d);
    return n;
  });
}

export async function restoreNote(n: Note, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.notes.put(n));
  await refreshTie(n.contactId, Date.now(), d);
}
