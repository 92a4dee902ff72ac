import { browser, type Browser } from 'wxt/browser';
import { createBackground, type LogLevel } from '@/lib/background/handlers';
import { writeLog } from '@/lib/db/log';
import { recordProfileRead } from '@/lib/db/profiles';
import PouchDB from 'pouchdb-browser';
import { z } from 'zod';
import { db } from '@/lib/db/database';
import { createTeamService, type StoredTeam } from '@/lib/sync/service';
import { TeamConfig } from '@/lib/sync/status';

// The background: the browser's side of it. The toolbar button, the team book's
// connection and alarm, and the browser's events handed to lib/background/handlers.ts,
// which keeps what each tab's content script last read, stores fresh reads of linked
// profiles, tells open panels when something changed, and judges every message
// (lib/messages.ts), dropping what fails.

export default defineBackground(() => {
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

  // the messages and the tabs (lib/background/handlers.ts), with the browser's own functions
  const bg = createBackground({
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    session: browser.storage.session,
    toPages: (msg) => browser.runtime.sendMessage(msg),
    toTab: (tabId, msg) => browser.tabs.sendMessage(tabId, msg),
    recordRead: (x) => recordProfileRead(x),
    team,
    schedule,
    log,
  });
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) => bg.receive(raw, sender));
  browser.tabs.onActivated.addListener(({ tabId }) => bg.tabActivated(tabId));
  browser.tabs.onRemoved.addListener((tabId) => bg.tabRemoved(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => bg.tabUpdated(tabId, info.status));

  // the worker (re)starts: pick up where the last run stopped
  void team.status().then((s) => {
    if (s.state !== 'off') {
      void schedule(true);
      void team.syncNow();
    }
  });

  async function log(level: LogLevel, where: string, message: string) {
    console[level === 'info' ? 'log' : level](`[tiewise] ${where}: ${message}`);
    await writeLog({ level, where, message });
  }
});
