import { db, type TiewiseDB } from './database';
import { getSetting, setSetting } from './settings';

// Which imported custom fields the book shows as columns: the user's choice, kept
// in settings so the book opens with them next time.

export function getCustomColumns(d: TiewiseDB = db()): Promise<string[]> {
  return getSetting('book.customColumns', d);
}

export async function setCustomColumns(names: readonly string[], d: TiewiseDB = db()): Promise<void> {
  await setSetting('book.customColumns', [...new Set(names)], d);
}
