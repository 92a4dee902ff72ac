import type { TiewiseDB } from '../db/database';
import { TEAM_TARGET } from '../db/outbox';
import { SHARED_TABLES, docId, hash128, type SharedTable } from '../domain/shared';
import { syncOnce, type Replica } from './engine';
import { checkServer } from './server';
import { TEAM_OFF, type TeamConfig, type TeamReason, type TeamStatus } from './status';

// The team book as the background runs it: the connection (kept in the browser's
// local extension storage, never in the book or its backups), one sync run at a
// time, the status every page shows. Browser APIs come in as functions, so this
// runs in Node tests as it does in the extension.

export interface StoredTeam {
  url: string;
  database: string;
  user: string;
  password: string;
  lastSyncAt?: number;
}

export interface TeamDeps {
  db: TiewiseDB;
  load(): Promise<StoredTeam | null>;
  save(t: StoredTeam | null): Promise<void>;
  /** this browser's replica for one server database (PouchDB on IndexedDB in the extension) */
  replica(name: string): Replica;
  /** the server's database (PouchDB's http adapter) */
  remote(dbUrl: string, user: string, password: string): unknown;
  /** GET the database with the credentials (no cookies, no redirects to other origins) */
  probe(dbUrl: string, user: string, password: string): Promise<{ status: number }>;
  /** whether the browser lets the extension reach this origin (optional host permission) */
  allowed(pattern: string): Promise<boolean>;
  broadcast(s: TeamStatus): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  now?: () => number;
}

export interface TeamService {
  status(): Promise<TeamStatus>;
  connect(c: TeamConfig): Promise<TeamStatus>;
  disconnect(): Promise<TeamStatus>;
  /** one sync run now (or, while one runs, one more right after it) */
  syncNow(): Promise<TeamStatus>;
}

/** What a failed request or run means to the user. */
export function reasonOf(e: unknown): TeamReason {
  const x = e as { status?: number; name?: string; message?: string; code?: string } | null;
  const name = x?.name ?? '';
  if (name === 'QuotaExceededError' || name === 'StorageFullError' || /quota/i.test(x?.message ?? '')) return 'storage-full';
  if (x?.status === 401) return 'unauthorized';
  if (x?.status === 403) return 'forbidden';
  if (x?.status === 404) return 'not-found';
  if (e instanceof TypeError || !x?.status || /fetch|network|ECONNREFUSED|ECONNRESET|socket/i.test(`${x?.message ?? ''} ${x?.code ?? ''}`)) return 'unreachable';
  return 'server';
}

/**
 * A new server database (or user) for this book: start its mirror afresh and offer
 * it every record. Storing the target starts the outbox (lib/db/outbox.ts) in the
 * same transaction, so every later write is recorded and every earlier one offered.
 */
export async function adoptTarget(db: TiewiseDB, target: string, at: number): Promise<void> {
  const was = (await db.settings.get(TEAM_TARGET))?.value;
  if (was === target) return;
  await db.transaction('rw', [db.mirror, db.settings, db.outbox, ...SHARED_TABLES.map((t) => db.table(t))], async () => {
    await db.mirror.clear();
    await db.settings.delete('team.seq');
    const seq = `adopt.${at}`;
    for (const t of SHARED_TABLES) {
      const keys = await db.table(t).toCollection().primaryKeys();
      await db.outbox.bulkPut(keys.map((k) => ({ id: docId(t as SharedTable, k), seq })));
    }
    await db.settings.put({ key: TEAM_TARGET, value: target });
  });
}

const REFUSED = new Set<TeamReason>(['unauthorized', 'forbidden', 'not-found', 'permission', 'bad-url', 'not-https', 'bad-database']);

export function createTeamService(deps: TeamDeps): TeamService {
  const now = () => deps.now?.() ?? Date.now();
  let current: TeamStatus = TEAM_OFF;
  let running: Promise<TeamStatus> | null = null;
  let again = false;

  const set = (s: TeamStatus) => {
    current = s;
    deps.broadcast(s);
    return s;
  };
  const base = (t: StoredTeam): TeamStatus => {
    const c = checkServer(t.url, t.database);
    return { state: 'connected', origin: c.ok ? c.origin : undefined, database: t.database, user: t.user, lastSyncAt: t.lastSyncAt };
  };

  async function pending() {
    return deps.db.outbox.count();
  }

  async function run(): Promise<TeamStatus> {
    const t = await deps.load();
    if (!t) return set(TEAM_OFF);
    const c = checkServer(t.url, t.database);
    if (!c.ok) return set({ ...base(t), state: 'refused', reason: c.reason });
    if (!(await deps.allowed(c.pattern))) return set({ ...base(t), state: 'refused', reason: 'permission' });
    const target = `${c.dbUrl}|${t.user}`;
    set({ ...base(t), state: 'syncing', done: 0, total: await pending(), pending: await pending() });
    try {
      await adoptTarget(deps.db, target, now());
      const report = await syncOnce({
        db: deps.db,
        local: deps.replica(`tiewise-team-${hash128(target)}`),
        remote: deps.remote(c.dbUrl, t.user, t.password),
        user: t.user,
        now,
        log: deps.log,
        onProgress: (p) => set({ ...base(t), state: 'syncing', done: p.done, total: p.total }),
      });
      const saved = { ...t, lastSyncAt: now() };
      // the user may have disconnected meanwhile: then nothing is saved back
      if ((await deps.load())?.user === t.user) await deps.save(saved);
      if (report.rejected) deps.log('warn', `team: ${report.rejected} documents from the server refused`);
      return set({ ...base(saved), state: 'connected', pending: await pending() });
    } catch (e) {
      const reason = reasonOf(e);
      deps.log(reason === 'unreachable' ? 'info' : 'warn', `team: sync stopped (${reason}): ${e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e)}`.slice(0, 300));
      return set({ ...base(t), state: REFUSED.has(reason) ? 'refused' : 'offline', reason, pending: await pending().catch(() => undefined) });
    }
  }

  async function syncNow(): Promise<TeamStatus> {
    if (running) {
      again = true;
      return current;
    }
    running = (async () => {
      let s: TeamStatus;
      do {
        again = false;
        s = await run();
      } while (again && s.state === 'connected');
      return s;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  return {
    async status() {
      const t = await deps.load();
      if (!t) return TEAM_OFF;
      if (current.state === 'off') current = { ...base(t), pending: await pending() };
      return current;
    },
    async connect(cfg) {
      const c = checkServer(cfg.url, cfg.database);
      const who = { database: cfg.database.trim(), user: cfg.user.trim() };
      if (!c.ok) return set({ state: 'refused', reason: c.reason, ...who });
      const shown = { origin: c.origin, ...who };
      if (!(await deps.allowed(c.pattern))) return set({ state: 'refused', reason: 'permission', ...shown });
      set({ state: 'connecting', ...shown });
      let status: number;
      try {
        status = (await deps.probe(c.dbUrl, who.user, cfg.password)).status;
      } catch (e) {
        return set({ state: 'offline', reason: reasonOf(e), ...shown });
      }
      if (status !== 200) {
        const reason = reasonOf({ status });
        return set({ state: REFUSED.has(reason) ? 'refused' : 'offline', reason, ...shown });
      }
      await deps.save({ url: cfg.url.trim(), database: who.database, user: who.user, password: cfg.password });
      return syncNow();
    },
    async disconnect() {
      // the book stays as it is, and what changes here meanwhile is sent on the next connect
      await deps.save(null);
      return set(TEAM_OFF);
    },
    syncNow,
  };
}
