import { z } from 'zod';
import { CURRENT_VERSION, TABLES, db, type TableName, type TiewiseDB } from './database';
import { guarded } from './errors';
import { getSetting, setSetting } from './settings';
import { upgradeToV4 } from './upgrade-v4';
import {
  Complaint, Contact, Deal, Group, Interaction, LogEntry, Mark, Membership, MergeRecord, Note, Product, Profile, Purchase, Question, Reminder, RuleRun, Setting, TagOverride, WorkflowRule,
} from '../domain/entities';
import { DAY } from '../domain/time';

// A full backup: every table in TABLES, row for row, as one JSON document; and the
// restore that replaces the book with it in one transaction. A backup is checked
// entirely (its shape and every row against the entity's schema) before anything
// is touched; a failed restore changes nothing. Rows are stored as they are in the
// file (the schemas check, they do not rewrite), so backup → restore → backup
// gives the same document.

export const BACKUP_FORMAT = 'tiewise-backup';
/** The backup document's own version (its envelope), not the database's. */
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** the database schema version the rows were written under */
  schemaVersion: number;
  exportedAt: number;
  tables: Record<TableName, unknown[]>;
}

/** Settings keys the backup feature keeps. */
export interface BackupSetting {
  /** when the last backup file was made */
  lastAt?: number;
  /** remind after this many days without a backup; 0 = never */
  remindDays: number;
}
export const DEFAULT_BACKUP_SETTING: BackupSetting = { remindDays: 7 };

const ROW_SCHEMAS: Record<TableName, z.ZodType> = {
  contacts: Contact, profiles: Profile, notes: Note, interactions: Interaction, complaints: Complaint,
  purchases: Purchase, products: Product, groups: Group, memberships: Membership, overrides: TagOverride,
  workflowRules: WorkflowRule, ruleRuns: RuleRun, reminders: Reminder, settings: Setting, log: LogEntry,
  merges: MergeRecord, deals: Deal, marks: Mark, questions: Question,
};

const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.number(),
  tables: z.record(z.string(), z.array(z.unknown())),
});

/** Why a backup cannot be restored; `code` picks the message shown. */
export class BackupError extends Error {
  constructor(public code: 'not-json' | 'not-backup' | 'newer' | 'bad-row' | 'unknown-table', detail: string) {
    super(detail);
    this.name = 'BackupError';
  }
}

/** Every table, read in one transaction (a consistent picture). */
export async function createBackup(d: TiewiseDB = db(), now = Date.now()): Promise<Backup> {
  const tables = {} as Record<TableName, unknown[]>;
  await d.transaction('r', TABLES.map((t) => d.table(t)), async () => {
    for (const t of TABLES) tables[t] = await d.table(t).toArray();
  });
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: CURRENT_VERSION, exportedAt: now, tables };
}

export function backupJson(b: Backup): string {
  return JSON.stringify(b);
}

/** The backup in `text`, checked; throws BackupError saying what is wrong. */
export function parseBackup(text: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new BackupError('not-json', (e as Error).message);
  }
  const env = Envelope.safeParse(data);
  if (!env.success) throw new BackupError('not-backup', env.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; '));
  const b = env.data;
  if (b.version > BACKUP_VERSION || b.schemaVersion > CURRENT_VERSION) {
    throw new BackupError('newer', `backup ${b.version}/${b.schemaVersion}, this Tiewise reads up to ${BACKUP_VERSION}/${CURRENT_VERSION}`);
  }
  for (const name of Object.keys(b.tables)) {
    if (!(TABLES as readonly string[]).includes(name)) throw new BackupError('unknown-table', name);
  }
  const tables = {} as Record<TableName, unknown[]>;
  for (const t of TABLES) {
    const rows = b.tables[t] ?? [];
    const schema = ROW_SCHEMAS[t];
    rows.forEach((row, i) => {
      const r = schema.safeParse(row);
      if (!r.success) {
        const issue = r.error.issues[0];
        throw new BackupError('bad-row', `${t}[${i}]${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}`);
      }
    });
    tables[t] = rows;
  }
  return { format: BACKUP_FORMAT, version: b.version, schemaVersion: b.schemaVersion, exportedAt: b.exportedAt, tables };
}

/** Replaces every table with the backup's rows, in one transaction. Returns the rows per table. */
export async function restoreBackup(b: Backup, d: TiewiseDB = db()): Promise<Record<TableName, number>> {
  const out = {} as Record<TableName, number>;
  await guarded(() =>
    d.transaction('rw', TABLES.map((t) => d.table(t)), async (tx) => {
      for (const t of TABLES) {
        await d.table(t).clear();
        const rows = b.tables[t] ?? [];
        if (rows.length) await d.table(t).bulkAdd(rows);
        out[t] = rows.length;
      }
      // a backup from before v4 gets what the v4 upgrade gives a database
      if (b.schemaVersion < 4) await upgradeToV4(tx);
    }),
  );
  return out;
}

export async function getBackupSetting(d: TiewiseDB = db()): Promise<BackupSetting> {
  return { ...DEFAULT_BACKUP_SETTING, ...(await getSetting('backup', d)) };
}

export async function setBackupSetting(patch: Partial<BackupSetting>, d: TiewiseDB = db()): Promise<void> {
  const cur = await getBackupSetting(d);
  await setSetting('backup', { ...cur, ...patch }, d);
}

/** Whether to remind: a book with contacts and no backup within `remindDays`. */
export function backupOverdue(s: BackupSetting, contacts: number, now = Date.now()): boolean {
  if (!s.remindDays || contacts === 0) return false;
  return s.lastAt === undefined || now - s.lastAt > s.remindDays * DAY;
}
