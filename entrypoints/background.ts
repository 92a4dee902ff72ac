import { browser, type Browser } from 'wxt/browser';
import { judge, LayoutReportReply, TabState, type MessageOf, type MessageType, type Responses } from '@/lib/messages';
import { writeLog } from '@/lib/db/log';
import { recordProfileRead } from '@/lib/db/profiles';
import PouchDB from 'pouchdb-browser';
import { z } from 'zod';
import { db } from '@/lib/db/database';
import { createTeamService, type StoredTeam } from '@/lib/sync/service';
import { TeamConfig } from '@/lib/sync/status';

// The background: keeps what each tab's content script last read, stores fresh
// reads of linked profiles, and tells open panels when something changed. It
// judges every message (lib/messages.ts) and drops what fails.

type Handler<K extends MessageType> = (msg: MessageOf<K>, tabId: number | undefined) => Promise<Responses[K]>;
type Handlers = { [K in MessageType]: Handler<K> };

export default defineBackground(() => {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const tabs = new Map<number, TabState>();
  let lastWebTab: number | undefined;

  // The toolbar button shows the panel. Chrome: its side panel opens on a click.
  // Firefox has no side panel but a sidebar (manifest sidebar_action): the
  // button toggles it, called straight from the click (a user action), as
  // Firefox requires for sidebarAction.open/toggle.
  const ext = browser as unknown as {
    sidePanel?: { setPanelBehavior(o: object): Promise<void> };
    sidebarAction?: { toggle(): Promise<void> };
    browserAction?: { onClicked: { addListener(cb: () => void): void } };
  };
  if (ext.sidePanel) {
    ext.sidePanel
      .setPanelBehavior({ openPanelOnActionClick: true })
      .catch((e: unknown) => console.warn('[tiewise] side panel behaviour', e));
  } else if (ext.sidebarAction && ext.browserAction) {
    const sidebar = ext.sidebarAction;
    ext.browserAction.onClicked.addListener(() => {
      sidebar.toggle().catch((e: unknown) => console.warn('[tiewise] sidebar toggle', e));
    });
  }

  const session = browser.storage.session;
  async function saveState(s: TabState) {
    tabs.set(s.tabId, s);
    lastWebTab = s.tabId;
    await session?.set({ [`tab:${s.tabId}`]: s, lastWebTab: s.tabId }).catch(() => undefined);
    notify(s.tabId);
  }
  /** The worker may have been stopped since the last read: ask the session store. */
  async function lastTab(): Promise<number | undefined> {
    if (lastWebTab !== undefined) return lastWebTab;
    const stored = (await session?.get('lastWebTab').catch(() => ({}))) as { lastWebTab?: unknown } | undefined;
    return typeof stored?.lastWebTab === 'number' ? stored.lastWebTab : undefined;
  }
  async function loadState(tabId: number): Promise<TabState | null> {
    const mem = tabs.get(tabId);
    if (mem) return mem;
    // the worker may have been stopped since: the session store outlives it
    const stored = await session?.get(`tab:${tabId}`).catch(() => ({}));
    const parsed = TabState.safeParse((stored as Record<string, unknown> | undefined)?.[`tab:${tabId}`]);
    if (!parsed.success) return null;
    tabs.set(tabId, parsed.data);
    return parsed.data;
  }
  function notify(tabId: number) {
    browser.runtime.sendMessage({ type: 'bg:tab-state-changed', tabId }).catch(() => undefined); // no panel open
  }

  const handlers: Handlers = {
    'content:page-read': async (msg, tabId) => {
      if (tabId === undefined) return { ok: true };
      await saveState({ tabId, url: msg.url, at: Date.now(), extraction: msg.extraction });
      if (msg.extraction.kind === 'profile') {
        await recordProfileRead(msg.extraction).catch((e: unknown) =>
          log('error', 'background:record-read', e instanceof Error ? e.message : String(e)));
      }
      return { ok: true };
    },
    'content:page-error': async (msg, tabId) => {
      if (tabId !== undefined) await saveState({ tabId, url: msg.url, at: Date.now(), error: msg.error });
      await log('error', 'content:extract', `${msg.error} on ${new URL(msg.url).hostname}`);
      return { ok: true };
    },
    'panel:get-tab-state': async (msg) => {
      const id = msg.tabId ?? (await lastTab());
      return id === undefined ? null : loadState(id);
    },
    'bg:tab-state-changed': async () => undefined,
    // the panel's "Save layout report": the tab's content script hands over the page it holds
    // (nothing is injected into the page's world); the panel makes the report and saves it
    'panel:layout-report': async (msg) => {
      const id = msg.tabId ?? (await lastTab());
      if (id === undefined) return { ok: false, reason: 'no-tab' };
      const raw: unknown = await browser.tabs.sendMessage(id, { type: 'bg:layout-report' }).catch(() => undefined);
      const reply = LayoutReportReply.safeParse(raw);
      if (!reply.success) return { ok: false, reason: 'no-page' };
      return { ok: true, html: reply.data.html, url: reply.data.url };
    },
    'bg:layout-report': async () => ({ error: 'not for the background' }), // sent to content scripts only
    // the team book (lib/sync/service.ts)
    'team:get-status': async () => team.status(),
    'team:connect': async (msg) => {
      const s = await team.connect(msg.config);
      if (s.state !== 'off' && s.state !== 'refused') void schedule(true);
      return s;
    },
    'team:disconnect': async () => {
      void schedule(false);
      return team.disconnect();
    },
    'team:sync-now': async () => team.syncNow(),
    'bg:team-status': async () => undefined, // background → pages only
  };

  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => {
    const verdict = judge(raw, sender, self);
    if (!verdict.ok) {
      void log('warn', 'background:message', `dropped: ${verdict.reason}`);
      return undefined;
    }
    const msg = verdict.message;
    const handler = handlers[msg.type] as Handler<typeof msg.type>;
    return handler(msg as never, sender.tab?.id).catch((e: unknown) => {
      void log('error', `background:${msg.type}`, e instanceof Error ? e.message : String(e));
      return { error: 'internal' };
    });
  });

  browser.tabs.onActivated.addListener(({ tabId }) => {
    if (tabs.has(tabId)) {
      lastWebTab = tabId;
      void session?.set({ lastWebTab: tabId }).catch(() => undefined);
    }
    notify(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    tabs.delete(tabId);
    void session?.remove(`tab:${tabId}`).catch(() => undefined);
    if (lastWebTab === tabId) lastWebTab = undefined;
  });
  browser.tabs.onUpdated.addListener((tabId, info) => {
    // a full page load (maybe away from the sites): forget the old read; the
    // content script, if it runs on the new page, sends a fresh one at idle
    const cur = tabs.get(tabId);
    if (info.status === 'loading' && cur && Date.now() - cur.at > 1000) {
      tabs.delete(tabId);
      void session?.remove(`tab:${tabId}`).catch(() => undefined);
      notify(tabId);
    }
  });

  // ---- the team book: the connection lives in the extension's local storage (not in the
  // book, not in backups); PouchDB's replica beside Dexie; a run every minute by alarm (the
  // MV3 worker may have slept: every position is stored), and whenever an open page asks
  const TEAM_KEY = 'team.connection';
  const Stored = TeamConfig.extend({ lastSyncAt: z.number().optional() });
  const basic = (u: string, p: string) => `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(`${u}:${p}`)))}`;
  const team = createTeamService({
    db: db(),
    load: async () => {
      const raw = (await browser.storage.local.get(TEAM_KEY))[TEAM_KEY];
      const parsed = Stored.safeParse(raw);
      return parsed.success ? (parsed.data as StoredTeam) : null;
    },
    save: async (t) => {
      if (t) await browser.storage.local.set({ [TEAM_KEY]: t });
      else await browser.storage.local.remove(TEAM_KEY);
    },
    replica: (name) => new PouchDB(name, { auto_compaction: false }),
    remote: (url, username, password) => new PouchDB(url, { skip_setup: true, auth: { username, password } }),
    probe: (url, u, p) => fetch(url, { headers: { authorization: basic(u, p), accept: 'application/json' }, credentials: 'omit', redirect: 'error' }),
    allowed: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    broadcast: (status) => {
      browser.runtime.sendMessage({ type: 'bg:team-status', status }).catch(() => undefined); // no page open
    },
    log: (level, message) => void log(level, 'team', message),
  });
  const ALARM = 'team-sync';
  async function schedule(on: boolean) {
    if (on) await browser.alarms.create(ALARM, { periodInMinutes: 1 });
    else await browser.alarms.clear(ALARM);
  }
  browser.alarms.onAlarm.addListener((a) => {
    if (a.name === ALARM) void team.syncNow();
  });
  // the worker (re)starts: pick up where the last run stopped
  void team.status().then((s) => {
    if (s.state !== 'off') {
      void schedule(true);
      void team.syncNow();
    }
  });

  async function log(level: 'info' | 'warn' | 'error', where: string, message: string) {
    console[level === 'info' ? 'log' : level](`[tiewise] ${where}: ${message}`);
    await writeLog({ level, where, message });
  }
});
