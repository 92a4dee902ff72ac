import { db, type TiewiseDB } from './database';
import type { LogEntry } from '../domain/entities';

/** The extension's own log, kept locally (never sent anywhere). */
export async function writeLog(entry: Omit<LogEntry, 'id' | 'at'>, d: TiewiseDB = db()): Promise<void> {
  try {
    await d.log.add({ ...entry, at: Date.now() });
  } catch {
    // the log must never be the reason something else fails
  }
}
