import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// A team's CouchDB for tests: pouchdb-server (the CouchDB HTTP API and replication
// protocol on PouchDB) on 127.0.0.1 and a free port, its data in a temporary
// folder (so a stopped server can start again with its data), set up the way a
// team's admin sets up Apache CouchDB (README "Team book"): the database, a user
// per teammate with the role "team", and the database's security object.

export interface Couch {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  admin: { username: string; password: string };
  /** a request as the admin */
  admin$(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  /** a request as anyone (or nobody) */
  as(auth: { username: string; password: string } | null, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }>;
  addUser(name: string, password: string, roles?: string[]): Promise<void>;
  createTeamDb(db: string): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stops and deletes its data */
  dispose(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export async function startCouch(opts: { port?: number } = {}): Promise<Couch> {
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-couch-'));
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const admin = { username: 'admin', password: 'team-admin-secret' };
  const bin = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');
  let child: ChildProcess | null = null;
  let config = false;

  const request = async (auth: { username: string; password: string } | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (auth) headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
    const r = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: r.status, json };
  };

  async function start() {
    if (!config) {
      // the server rewrites its config (hashing the admin's password): a fresh one per server
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ admins: { [admin.username]: admin.password }, log: { file: join(dir, 'log.txt') } }));
      config = true;
    }
    child = spawn(process.execPath, [bin, '-n', '-o', '127.0.0.1', '-p', String(port), '-c', join(dir, 'config.json'), '-d', `${dir}/`], {
      cwd: dir, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (b) => (out += String(b)));
    child.stderr?.on('data', (b) => (out += String(b)));
    const until = Date.now() + 20_000;
    for (;;) {
      try {
        const r = await fetch(`${url}/`);
        if (r.ok) return;
      } catch {
        // not up yet
      }
      if (child.exitCode !== null) throw new Error(`pouchdb-server exited: ${out.slice(-2000)}`);
      if (Date.now() > until) throw new Error(`pouchdb-server did not start: ${out.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop() {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((res) => {
      c.once('exit', () => res());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000);
    });
  }

  await start();
  const couch: Couch = {
    url, port, admin,
    admin$: (m, p, b) => request(admin, m, p, b),
    as: request,
    async addUser(name, password, roles = ['team']) {
      const r = await request(admin, 'PUT', `/_users/org.couchdb.user:${encodeURIComponent(name)}`, { name, password, roles, type: 'user' });
      if (r.status >= 300) throw new Error(`add user ${name}: ${r.status} ${JSON.stringify(r.json)}`);
    },
    async createTeamDb(db) {
      const a = await request(admin, 'PUT', `/${db}`);
      if (a.status >= 300) throw new Error(`create ${db}: ${a.status} ${JSON.stringify(a.json)}`);
      const b = await request(admin, 'PUT', `/${db}/_security`, { admins: { names: [admin.username], roles: [] }, members: { names: [], roles: ['team'] } });
      if (b.status >= 300) throw new Error(`security ${db}: ${b.status} ${JSON.stringify(b.json)}`);
    },
    stop, start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return couch;
}

/** A server with a teammate per entry (name → password), all in the role "team". */
export async function startTeamCouch(users: Record<string, string> = { olga: 'pw-olga', ivan: 'pw-ivan' }): Promise<Couch> {
  const couch = await startCouch();
  for (const [name, password] of Object.entries(users)) await couch.addUser(name, password);
  return couch;
}

/**
 * For one test file: a team server started before its tests and stopped after them,
 * and fresh team databases on it (`<prefix>1`, `<prefix>2`, …), one per test.
 */
export function teamServerPerFile(prefix: string): { readonly couch: Couch; teamDb(): Promise<string> } {
  let couch: Couch | undefined;
  let n = 0;
  beforeAll(async () => {
    couch = await startTeamCouch();
  }, 30_000);
  afterAll(async () => {
    await couch?.dispose();
  });
  return {
    get couch() {
      if (!couch) throw new Error('the team server is not started yet (use it inside a test)');
      return couch;
    },
    async teamDb() {
      const name = `${prefix}${++n}`;
      await this.couch.createTeamDb(name);
      return name;
    },
  };
}
