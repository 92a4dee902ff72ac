import { z } from 'zod';
import { lazySchema } from '../domain/lazy-schema';

// The team book's connection, as the settings page, the panel and the background
// share it (lib/messages.ts carries it). Pure: no browser API, no PouchDB.

/** What Settings → Team sends on "Connect". The password stays in the background's local storage. */
export const TeamConfig = lazySchema(() => z.object({
  /** the server, e.g. https://couch.example.com (https only, except localhost) */
  url: z.string().max(2048),
  /** the CouchDB database the team shares */
  database: z.string().max(256),
  user: z.string().min(1).max(256),
  password: z.string().max(1024),
}));
export type TeamConfig = z.infer<typeof TeamConfig>;

/** Why the server said no, or could not be reached: each has its own message in the UI. */
export const TeamReason = lazySchema(() => z.enum([
  'bad-url', // not a URL, or not http(s)
  'not-https', // http to anything but localhost
  'bad-database', // not a CouchDB database name
  'permission', // the browser's permission for the server's origin was not granted
  'unauthorized', // 401: wrong user name or password, or the session expired
  'forbidden', // 403: the user is not a member of the database
  'not-found', // 404: no such database on the server
  'unreachable', // network error: server down, DNS, TLS, CORS
  'server', // any other answer (5xx, not CouchDB)
  'storage-full', // the local disk is full: sync paused, nothing lost
]));
export type TeamReason = z.infer<typeof TeamReason>;

export const TeamState = lazySchema(() => z.enum([
  'off', // not connected (never, or disconnected): the book is this browser's own
  'connecting', // checking the server and the credentials
  'syncing', // a sync run is under way: `done` of `total` records
  'connected', // in sync as of `lastSyncAt`
  'offline', // the server could not be reached: retrying; local work goes on and is sent later
  'refused', // the server refused (401/403/404): needs the user (see `reason`)
]));
export type TeamState = z.infer<typeof TeamState>;

export const TeamStatus = lazySchema(() => z.object({
  state: TeamState,
  /** the server's origin (https://couch.example.com), when configured */
  origin: z.string().optional(),
  database: z.string().optional(),
  user: z.string().optional(),
  /** records sent or received so far in this run, of `total` */
  done: z.number().optional(),
  total: z.number().optional(),
  /** local changes not yet on the server */
  pending: z.number().optional(),
  /** when the last run finished without error */
  lastSyncAt: z.number().optional(),
  reason: TeamReason.optional(),
  /** the server's own words, for the log and a tooltip (never markup) */
  detail: z.string().max(500).optional(),
}));
export type TeamStatus = z.infer<typeof TeamStatus>;

export const TEAM_OFF: TeamStatus = { state: 'off' };
