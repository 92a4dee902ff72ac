// Where the team's CouchDB is: one origin, https only (http only to this machine),
// and a database name CouchDB accepts. The one place that judges a server URL.

export type ServerCheck =
  | { ok: true; origin: string; /** the database's URL, no trailing slash, no credentials */ dbUrl: string; /** the match pattern for the optional host permission */ pattern: string }
  | { ok: false; reason: 'bad-url' | 'not-https' | 'bad-database' };

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** CouchDB's rule for database names (docs.couchdb.org: PUT /{db}). */
export const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function checkServer(url: string, database: string): ServerCheck {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return { ok: false, reason: 'bad-url' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, reason: 'bad-url' };
  // credentials belong in their own fields, never in a URL that may be shown or logged
  if (u.username || u.password || u.search || u.hash) return { ok: false, reason: 'bad-url' };
  if (u.protocol === 'http:' && !LOCAL.has(u.hostname)) return { ok: false, reason: 'not-https' };
  const name = database.trim();
  if (!DATABASE_NAME.test(name) || name.length > 238) return { ok: false, reason: 'bad-database' };
  // a CouchDB behind a reverse proxy may live under a path: keep it
  const base = u.pathname.replace(/\/+$/, '');
  return {
    ok: true,
    origin: u.origin,
    dbUrl: `${u.origin}${base}/${encodeURIComponent(name)}`,
    // match patterns take no port: the browser grants the host on every port
    pattern: `${u.protocol}//${u.hostname}/*`,
  };
}
