import { db, type TiewiseDB } from './database';
import { guarded } from './errors';

// Which imported custom fields the book shows as columns: the user's choice, kept
// in settings so the book opens with them next time.

export const BOOK_CUSTOM_COLUMNS = 'book.customColumns';

export async function getCustomColumns(d: TiewiseDB = db()): Promise<string[]> {
  const v = (await d.settings.get(BOOK_CUSTOM_COLUMNS))?.value;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export async function setCustomColumns(names: readonly string[], d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.settings.put({ key: BOOK_CUSTOM_COLUMNS, value: [...new Set(names)] }));
}
