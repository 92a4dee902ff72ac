import { browser } from 'wxt/browser';
import { judge, LayoutReportResult, TabState } from '@/lib/messages';
import type { PanelBridge } from '@/components/panel/bridge';
import { provideLayoutReport } from '@/components/panel/layoutReportSource';

// The panel's only contact with extension APIs: which tab it follows, that tab's
// read, and word when either changes. Components get it as a prop (tests pass a fake).
export function createBridge(): PanelBridge {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  // whether this page is a tab of its own never changes: asked once, not on every read
  const ownTab = browser.tabs.getCurrent().catch(() => undefined);

  // the side panel's window and its active tab, as last seen: a word from the background
  // about that tab carries its state, which is then taken without asking
  let seen: { tabId?: number; windowId?: number } = {};
  let switches = 0; // a query answered after a switch it did not see does not say which tab is active

  /** In the side panel: the active tab of its window. Opened as a tab itself: none. */
  async function followedTab(): Promise<number | undefined> {
    if (await ownTab) return undefined; // opened as a page: follow the last profile tab seen
    const before = switches;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (before === switches) seen = { tabId: active?.id, windowId: active?.windowId };
    return active?.id;
  }
  const onActivated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
    if (seen.windowId !== undefined && windowId !== seen.windowId) return; // another window's
    switches++;
    if (seen.windowId !== undefined) seen = { tabId, windowId };
  };
  browser.tabs.onActivated.addListener(onActivated);

  // "Save layout report": the followed tab's content script makes it, the background relays it
  provideLayoutReport(async () => {
    const tabId = await followedTab();
    const parsed = LayoutReportResult.safeParse(await browser.runtime.sendMessage({ type: 'panel:layout-report', tabId }));
    return parsed.success ? parsed.data : { ok: false, reason: 'no-page' };
  });

  async function readTabState(): Promise<TabState | null> {
    const tabId = await followedTab();
    const raw = await browser.runtime.sendMessage({ type: 'panel:get-tab-state', tabId });
    const parsed = TabState.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  // The first read is asked at once, while the database opens (the panel renders nothing
  // before that: 0.5-1 s on a cold start with a big book); the panel's first ask takes it,
  // unless a change was announced (or the tab switched) after it was asked.
  let early: Promise<TabState | null> | null = readTabState();
  early.catch(() => undefined); // dropped unread, its failure is nobody's (a taker still gets it)
  const dropEarly = () => {
    early = null;
    browser.runtime.onMessage.removeListener(onEarlyMessage);
    browser.tabs.onActivated.removeListener(dropEarly);
  };
  const onEarlyMessage = (raw: unknown) => {
    if ((raw as { type?: unknown } | null)?.type === 'bg:tab-state-changed') dropEarly();
    return undefined;
  };
  browser.runtime.onMessage.addListener(onEarlyMessage);
  browser.tabs.onActivated.addListener(dropEarly);

  return {
    getTabState() {
      const first = early;
      dropEarly();
      return first ?? readTabState();
    },
    onTabStateChanged(listener) {
      const onMessage = (raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number; url?: string } }) => {
        // every extension message reaches this page, a content script's whole page read
        // among them: only the one this listener is for is judged (parsed in full)
        if ((raw as { type?: unknown } | null)?.type !== 'bg:tab-state-changed') return undefined;
        const v = judge(raw, sender, self);
        if (!v.ok || v.message.type !== 'bg:tab-state-changed') return undefined;
        const { tabId, state } = v.message;
        // the followed tab's state, carried: taken as is (one round trip to the background
        // less before the card). Another tab's, or none carried, or the followed tab not
        // known yet (or a page opened as a tab, which follows the last profile tab): asked.
        if (state !== undefined && seen.tabId !== undefined && tabId === seen.tabId) listener(state);
        else listener();
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      const onActivated = () => listener();
      browser.tabs.onActivated.addListener(onActivated);
      return () => {
        browser.runtime.onMessage.removeListener(onMessage);
        browser.tabs.onActivated.removeListener(onActivated);
      };
    },
    languages: () => [...navigator.languages],
    bookUrl: browser.runtime.getURL('/book.html'),
    dashboardUrl: browser.runtime.getURL('/dashboard.html'),
    optionsUrl: browser.runtime.getURL('/options.html'),
  };
}
