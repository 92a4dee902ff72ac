import { z } from 'zod/mini';
import { ExtractionSchema } from './extract/schema';
import type { TeamStatus } from './sync/status';
import { lazySchema } from './domain/lazy-schema';

// Every message between the content script, the background and the extension
// pages: one zod union, route-named types. Every receiver parses with it and
// drops (and logs) what fails. zod/mini: the content script bundles this file.

// lib/sync/status.ts's schemas in zod/mini (this file's flavour): the same fields; the
// unit test checks that both accept the same status
const TeamConfigMsg = lazySchema(() => z.object({
  url: z.string().check(z.maxLength(2048)),
  database: z.string().check(z.maxLength(256)),
  user: z.string().check(z.minLength(1), z.maxLength(256)),
  password: z.string().check(z.maxLength(1024)),
}));
const TEAM_REASONS = ['bad-url', 'not-https', 'bad-database', 'permission', 'unauthorized', 'forbidden', 'not-found', 'unreachable', 'server', 'storage-full'] as const;
const TEAM_STATES = ['off', 'connecting', 'syncing', 'connected', 'offline', 'refused'] as const;
export const TeamStatusMsg = lazySchema(() => z.object({
  state: z.enum(TEAM_STATES),
  origin: z.optional(z.string()),
  database: z.optional(z.string()),
  user: z.optional(z.string()),
  done: z.optional(z.number()),
  total: z.optional(z.number()),
  pending: z.optional(z.number()),
  lastSyncAt: z.optional(z.number()),
  reason: z.optional(z.enum(TEAM_REASONS)),
  detail: z.optional(z.string().check(z.maxLength(500))),
}));

/** A tab's last read, as the background keeps it. */
export const TabState = lazySchema(() => z.object({
  tabId: z.number(),
  url: z.string(),
  at: z.number(),
  extraction: z.optional(ExtractionSchema),
  error: z.optional(z.string()),
}));
export type TabState = z.infer<typeof TabState>;

export const Message = lazySchema(() => z.discriminatedUnion('type', [
  // content script → background: what the page shows now
  z.object({ type: z.literal('content:page-read'), url: z.string(), extraction: ExtractionSchema }),
  // content script → background: the extractor threw on this page
  z.object({ type: z.literal('content:page-error'), url: z.string(), error: z.string() }),
  // extension page → background: the read of a tab (its own active tab, or the last one seen)
  z.object({ type: z.literal('panel:get-tab-state'), tabId: z.optional(z.number()) }),
  // background → extension pages: a tab's read changed, or the active tab did; with the
  // tab's state when the background holds it (null: that tab has none), so the panel
  // need not ask for it (absent: ask)
  z.object({ type: z.literal('bg:tab-state-changed'), tabId: z.number(), state: z.optional(z.nullable(TabState)) }),
  // extension page → background: the layout report of a tab's page (its own active tab, or the last one seen)
  z.object({ type: z.literal('panel:layout-report'), tabId: z.optional(z.number()) }),
  // background → that tab's content script (tabs.sendMessage): the page as it is now. The content
  // script bundles no zod: it checks the sender's id and the type; the background parses its reply.
  z.object({ type: z.literal('bg:layout-report') }),
  // background → that tab's content script: its tab loaded again since its read (another page, or the
  // same one whose history the site changed in place): read again and send it, even unchanged
  z.object({ type: z.literal('bg:read-again') }),
  // the team book (lib/sync): extension pages ask, the background answers with the status
  z.object({ type: z.literal('team:get-status') }),
  z.object({ type: z.literal('team:connect'), config: TeamConfigMsg }),
  z.object({ type: z.literal('team:disconnect') }),
  // open pages send it every ~4 s while visible and the state is not 'off'
  z.object({ type: z.literal('team:sync-now') }),
  // background → extension pages: the status changed
  z.object({ type: z.literal('bg:team-status'), status: TeamStatusMsg }),
]));
export type Message = z.infer<typeof Message>;
export type MessageType = Message['type'];

/**
 * Each message's own schema, by its type: a receiver parses a message with its type's
 * schema only. Parsing with the union first builds the union's map of every option
 * (a content script's whole page read among them): 30 ms of the panel's first message.
 */
const BY_TYPE = new Map<unknown, (typeof Message._zod.def.options)[number]>(
  Message._zod.def.options.map((o) => [o._zod.def.shape.type._zod.def.values[0], o]),
);
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/**
 * The content script's reply to bg:layout-report: the page's own HTML and URL. It stays in
 * the extension's memory; the panel makes the report from it and saves only the report.
 */
export const LayoutReportReply = lazySchema(() => z.object({ html: z.string().check(z.maxLength(64 * 1024 * 1024)), url: z.string() }));
export type LayoutReportReply = z.infer<typeof LayoutReportReply>;

/** What the panel gets: the page to make the report from, or why there is none. */
export const LayoutReportResult = lazySchema(() => z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), html: z.string(), url: z.string() }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-tab', 'no-page']) }),
]));
export type LayoutReportResult = z.infer<typeof LayoutReportResult>;

/** What each request answers. */
export interface Responses {
  'content:page-read': { ok: true };
  'content:page-error': { ok: true };
  'panel:get-tab-state': TabState | null;
  'bg:tab-state-changed': void;
  'panel:layout-report': LayoutReportResult;
  'bg:layout-report': LayoutReportReply | { error: string };
  'bg:read-again': void;
  'team:get-status': TeamStatus;
  'team:connect': TeamStatus;
  'team:disconnect': TeamStatus;
  'team:sync-now': TeamStatus;
  'bg:team-status': void;
}

export type SenderKind = 'content-script' | 'extension-page' | 'foreign';

/** The sender fields the browser sets itself (never a URL a message claims). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export interface SelfInfo {
  /** this extension's id */
  id: string;
  /** this extension's origin, e.g. chrome-extension://<id>/ */
  origin: string;
}

const SITE_HOST = /(^|\.)(linkedin\.com|facebook\.com|vk\.com|vk\.ru)$/;

export function isSiteUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && SITE_HOST.test(u.hostname);
  } catch {
    return false;
  }
}

/** The one place that judges who sent a message. */
export function classifySender(sender: SenderInfo, self: SelfInfo): SenderKind {
  if (sender.id !== self.id) return 'foreign';
  if (sender.url?.startsWith(self.origin)) return 'extension-page';
  if (sender.tab?.id !== undefined && isSiteUrl(sender.url)) return 'content-script';
  return 'foreign';
}

/** Which message types each kind of sender may send. */
const ALLOWED: Record<SenderKind, readonly string[]> = {
  'content-script': ['content:page-read', 'content:page-error'],
  'extension-page': ['panel:get-tab-state', 'bg:tab-state-changed', 'panel:layout-report', 'team:get-status', 'team:connect', 'team:disconnect', 'team:sync-now', 'bg:team-status'],
  foreign: [],
};

export type Verdict =
  | { ok: true; message: Message; sender: SenderKind }
  | { ok: false; reason: string };

/** Parses and authorises one incoming message. */
export function judge(raw: unknown, sender: SenderInfo, self: SelfInfo): Verdict {
  const kind = classifySender(sender, self);
  if (kind === 'foreign') return { ok: false, reason: `foreign sender (${sender.id ?? 'no id'})` };
  const parsed = BY_TYPE.get((raw as { type?: unknown } | null)?.type)?.safeParse(raw);
  if (!parsed?.success) {
    const type = (raw as { type?: unknown } | null)?.type;
    return { ok: false, reason: `malformed message${typeof type === 'string' ? ` "${type.slice(0, 40)}"` : ''}` };
  }
  if (!ALLOWED[kind].includes(parsed.data.type)) {
    return { ok: false, reason: `${kind} may not send ${parsed.data.type}` };
  }
  return { ok: true, message: parsed.data as Message, sender: kind };
}
