import { db, type TiewiseDB } from './database';
import { guarded } from './errors';

// The settings table: one value per key.

export async function getSetting<T>(key: string, fallback: T, d: TiewiseDB = db()): Promise<T> {
  const row = await d.settings.get(key);
  return row ? (row.value as T) : fallback;
}

export async function setSetting(key: string, value: unknown, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.settings.put({ key, value }));
}
