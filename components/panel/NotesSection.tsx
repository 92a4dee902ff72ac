import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StorageFullError } from '@/lib/db/errors';
import { addNote, deleteNote, restoreNote, updateNote } from '@/lib/db/notes';
import type { Note } from '@/lib/domain/entities';
import { Section } from '../shared/Section';
import { SourceLine } from '../shared/SourceLine';
import { ByLine } from './ByLine';

/** Notes shown at first; the rest one click away. */
const PAGE = 20;

/** Notes, newest first: add, edit, delete with undo. */
export function NotesSection({ contactId, notes }: { contactId: string; notes: Note[] }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const shown = all ? notes : notes.slice(0, PAGE);

  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(e instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: (e as Error).message }));
      return false;
    }
  };

  return (
    <Section title={t('notes.title')} extra={notes.length > 0 ? t('notes.count', { count: notes.length }) : undefined}>
      <form
        className="add-note"
        onSubmit={(e) => {
          e.preventDefault();
          const text = draft.trim();
          if (text) void run(() => addNote(contactId, text)).then((ok) => ok && setDraft(''));
        }}
      >
        <label className="sr-only" htmlFor={`note-${contactId}`}>{t('notes.add')}</label>
        <textarea id={`note-${contactId}`} value={draft} rows={2} placeholder={t('notes.placeholder')} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={!draft.trim()}>{t('notes.add')}</button>
      </form>
      {error && <p role="alert" className="notice notice-error">{error}</p>}
      {deleted && (
        <p role="status" className="notice">
          {t('notes.deleted')}{' '}
          <button type="button" className="link" onClick={() => void run(() => restoreNote(deleted)).then(() => setDeleted(null))}>{t('notes.undo')}</button>
        </p>
      )}
      {notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="notes">
          {shown.map((n) => (
            <li key={n.id}>
              {editing?.id === n.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(() => updateNote(n.id, editing.text.trim())).then((ok) => ok && setEditing(null));
                  }}
                >
                  <label className="sr-only" htmlFor={`edit-${n.id}`}>{t('notes.editLabel')}</label>
                  <textarea id={`edit-${n.id}`} value={editing.text} rows={3} onChange={(e) => setEditing({ id: n.id, text: e.target.value })} />
                  <button type="submit" disabled={!editing.text.trim()}>{t('notes.save')}</button>
                  <button type="button" onClick={() => setEditing(null)}>{t('notes.cancel')}</button>
                </form>
              ) : (
                <>
                  <p className="note-text">{n.text}</p>
                  {n.source.by ? <p className="source muted"><ByLine source={n.source} at={n.createdAt} /></p> : <SourceLine source={n.source} at={n.createdAt} />}
                  <div className="row-actions">
                    <button type="button" className="link" aria-label={`${t('notes.edit')}: ${n.text.slice(0, 40)}`} onClick={() => setEditing({ id: n.id, text: n.text })}>{t('notes.edit')}</button>
                    <button
                      type="button"
                      className="link"
                      aria-label={`${t('notes.delete')}: ${n.text.slice(0, 40)}`}
                      onClick={() => {
                        setDeleted(n);
                        void run(() => deleteNote(n.id)).then((ok) => !ok && setDeleted(null));
                      }}
                    >
                      {t('notes.delete')}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {notes.length > shown.length && (
        <button type="button" className="link" onClick={() => setAll(true)}>{t('notes.showAll', { count: notes.length })}</button>
      )}
    </Section>
  );
}
