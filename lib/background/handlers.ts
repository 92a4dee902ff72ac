import { judge, LayoutReportReply, TabState, type Message, type MessageOf, type MessageType, type Responses, type SelfInfo, type SenderInfo } from '../messages';
import { TRANSLATED, type Extraction } from '../extract/types';
import type { TeamService } from '../sync/service';

// The background's answers to messages: what each tab's content script last read
// (kept in memory and in the browser's session store, which outlives a stopped
// worker), fresh reads of linked profiles stored, open pages told when a tab's
// read changed, the layout report fetched from a tab, the team book's commands.
// Every message is judged first (lib/messages.ts: shape and sender) and dropped,
// logged, when it fails. The browser comes in as functions (entrypoints/background.ts
// passes the real ones), so this runs in Node tests as it does in the extension.

export type LogLevel = 'info' | 'warn' | 'error';

/** The slice of browser.storage.session the background uses (Firefox MV2 has none). */
export interface SessionStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface BackgroundDeps {
  /** this extension's id and origin: who may send what (judge) */
  self: SelfInfo;
  session?: SessionStore;
  /** a message to the extension's open pages (runtime.sendMessage); fails when none is open */
  toPages(msg: Message): Promise<unknown>;
  /** a message to one tab's content script (tabs.sendMessage) */
  toTab(tabId: number, msg: Message): Promise<unknown>;
  /** stores a fresh read of a linked profile (lib/db/profiles.ts) */
  recordRead(x: Extraction): Promise<unknown>;
  team: TeamService;
  /** the team book's periodic run switched on or off (an alarm) */
  schedule(on: boolean): Promise<void>;
  log(level: LogLevel, where: string, message: string): Promise<void>;
  now?: () => number;
  /** how long a profile read waits before it is stored (RECORD_AFTER_MS; tests: 0) */
  recordAfterMs?: number;
}

/**
 * A profile read is stored this long after it came, in the order the reads came: the
 * panel, told of the read at once, reads the person's card first. Stored at once, the
 * read's write and the tie's refresh competed with the card's reads for the database
 * (a warm card on a 100k book: 107 → 88 ms median with the write put off).
 */
export const RECORD_AFTER_MS = 500;

type Handler<K extends MessageType> = (msg: MessageOf<K>, tabId: number | undefined) => Promise<Responses[K]>;
type Handlers = { [K in MessageType]: Handler<K> };

export interface Background {
  /**
   * One incoming message: undefined (synchronously) when it is dropped, so the
   * browser answers nobody; else the handler's answer, or { error: 'internal' }.
   */
  receive(raw: unknown, sender: SenderInfo): Promise<unknown> | undefined;
  /** the user switched tabs */
  tabActivated(tabId: number): void;
  tabRemoved(tabId: number): void;
  /** a tab's load status changed (a tab that left the sites forgets its read) */
  tabUpdated(tabId: number, status: string | undefined): void;
  /** resolves once the profile reads received so far are stored */
  stored(): Promise<void>;
}

export function createBackground(deps: BackgroundDeps): Background {
  const now = () => deps.now?.() ?? Date.now();
  const { session, team } = deps;
  const tabs = new Map<number, TabState>();
  let lastWebTab: number | undefined;
  /** when each tab was last switched to (a count, not a time): which of two tabs was looked at later */
  const activated = new Map<number, number>();
  let switches = 0;
  /** when each tab last started loading: once it completes, a read from before it (or none) is asked for again */
  const loadingSince = new Map<number, number>();
  let recording: Promise<unknown> = Promise.resolve(); // the profile reads' writes, one after another

  async function saveState(s: TabState) {
    tabs.set(s.tabId, s);
    // a tab that reads later but was looked at before the last profile tab (one still loading when
    // another was switched to, one opened in the background) does not take the panel over from it;
    // switching to a page of no profile (the panel's own tab) leaves the last profile tab as it was
    const looked = lastWebTab === undefined || lastWebTab === s.tabId || (activated.get(s.tabId) ?? 0) >= (activated.get(lastWebTab) ?? 0);
    if (looked) lastWebTab = s.tabId;
    // the open pages are told (the state with it) before the session copy is written
    notify(s.tabId, s);
    await session?.set({ [`tab:${s.tabId}`]: s, ...(looked && { lastWebTab: s.tabId }) }).catch(() => undefined);
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
  /** Tells the open pages; `state`: the tab's, when known here (else they ask, and the session store answers). */
  function notify(tabId: number, state?: TabState | null) {
    deps.toPages({ type: 'bg:tab-state-changed', tabId, ...(state !== undefined && { state }) }).catch(() => undefined); // no panel open
  }

  const handlers: Handlers = {
    'content:page-read': async (msg, tabId) => {
      if (tabId === undefined) return { ok: true };
      // the same read again (asked for after a "load" that left the page as it was: the sites
      // rewrite their history as the user scrolls): its time moves, the panels are not told
      // (nothing for them to show anew); it is stored as any read is (a write that failed is retried)
      const cur = tabs.get(tabId);
      const same = cur?.extraction !== undefined && cur.url === msg.url && JSON.stringify(cur.extraction) === JSON.stringify(msg.extraction);
      if (same) {
        const again = { ...cur, at: now() };
        tabs.set(tabId, again);
        await session?.set({ [`tab:${tabId}`]: again }).catch(() => undefined);
      } else await saveState({ tabId, url: msg.url, at: now(), extraction: msg.extraction });
      if (msg.extraction.kind === 'profile') {
        const x = msg.extraction;
        const after = new Promise((ok) => setTimeout(ok, deps.recordAfterMs ?? RECORD_AFTER_MS));
        recording = recording.then(() => after).then(() => deps.recordRead(x)).catch((e: unknown) =>
          deps.log('error', 'background:record-read', e instanceof Error ? e.message : String(e))).catch(() => undefined); // the next read is stored all the same
      }
      // answered now, not once stored: a page left meanwhile would leave its script's message
      // unanswered (Firefox logs that as an error of the extension)
      return { ok: true };
    },
    'content:page-error': async (msg, tabId) => {
      if (tabId !== undefined) await saveState({ tabId, url: msg.url, at: now(), error: msg.error });
      // (a page the browser shows translated is the user's choice, not a failure: the panel says so)
      if (msg.error !== TRANSLATED) await deps.log('error', 'content:extract', `${msg.error} on ${new URL(msg.url).hostname}`);
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
      const raw: unknown = await deps.toTab(id, { type: 'bg:layout-report' }).catch(() => undefined);
      const reply = LayoutReportReply.safeParse(raw);
      if (!reply.success) return { ok: false, reason: 'no-page' };
      return { ok: true, html: reply.data.html, url: reply.data.url };
    },
    'bg:layout-report': async () => ({ error: 'not for the background' }), // sent to content scripts only
    'bg:read-again': async () => undefined, // sent to content scripts only
    // the team book (lib/sync/service.ts)
    'team:get-status': async () => team.status(),
    'team:connect': async (msg) => {
      const s = await team.connect(msg.config);
      if (s.state !== 'off' && s.state !== 'refused') void deps.schedule(true);
      return s;
    },
    'team:disconnect': async () => {
      void deps.schedule(false);
      return team.disconnect();
    },
    'team:sync-now': async () => team.syncNow(),
    'bg:team-status': async () => undefined, // background → pages only
  };

  return {
    receive(raw, sender) {
      const verdict = judge(raw, sender, deps.self);
      if (!verdict.ok) {
        void deps.log('warn', 'background:message', `dropped: ${verdict.reason}`);
        return undefined;
      }
      const msg = verdict.message;
      const handler = handlers[msg.type] as Handler<typeof msg.type>;
      return handler(msg as never, sender.tab?.id).catch((e: unknown) => {
        void deps.log('error', `background:${msg.type}`, e instanceof Error ? e.message : String(e));
        return { error: 'internal' };
      });
    },
    tabActivated(tabId) {
      activated.set(tabId, ++switches);
      if (tabs.has(tabId)) {
        lastWebTab = tabId;
        void session?.set({ lastWebTab: tabId }).catch(() => undefined);
      }
      notify(tabId, tabs.get(tabId)); // not in memory (a stopped worker): the panel asks
    },
    stored: () => recording.then(() => undefined),
    tabRemoved(tabId) {
      tabs.delete(tabId);
      activated.delete(tabId);
      loadingSince.delete(tabId);
      void session?.remove(`tab:${tabId}`).catch(() => undefined);
      if (lastWebTab === tabId) lastWebTab = undefined;
    },
    tabUpdated(tabId, status) {
      if (status === 'loading') loadingSince.set(tabId, now());
      const since = loadingSince.get(tabId);
      if (status !== 'complete' || since === undefined) return;
      loadingSince.delete(tabId);
      void loadState(tabId).then((cur) => {
        if (cur && cur.at > since) return; // read since the load began (the new page's)
        // The tab loaded after its read, or has none: another page; the same one whose history
        // the site changed in place (Chrome reports replaceState and pushState as a load); or a
        // page shown again from the back/forward cache, whose content script had read it before
        // and reads nothing new. Its content script, asked, reads again and sends it; none
        // answering, the tab left the sites: its read is forgotten, unless a newer one came meanwhile.
        deps.toTab(tabId, { type: 'bg:read-again' }).catch(async () => {
          if (!cur || (await loadState(tabId)) !== cur) return;
          tabs.delete(tabId);
          void session?.remove(`tab:${tabId}`).catch(() => undefined);
          notify(tabId, null);
        });
      });
    },
  };
}
