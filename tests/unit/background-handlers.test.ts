import { createBackground, type BackgroundDeps } from '@/lib/background/handlers';
import { emptyFields } from '@/lib/extract/types';
import type { TeamStatus } from '@/lib/sync/status';

// The background's message handlers without a browser: the browser's functions are
// fakes that record what they were asked. For every kind of message: answered when
// it comes from the sender allowed to send it, refused (no answer, logged) from any
// other sender or with a payload that does not fit.

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const PAGE_URL = 'https://www.linkedin.com/in/anna/';
const fromPage = { id: 'ext-id', url: PAGE_URL, tab: { id: 4, url: PAGE_URL } };
const fromPanel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
const fromOtherExtension = { ...fromPanel, id: 'evil-ext' };
const extraction = { site: 'linkedin', kind: 'profile', profileUrl: PAGE_URL, lang: 'en', fields: emptyFields() };
const read = { type: 'content:page-read', url: PAGE_URL, extraction };
const config = { url: 'https://couch.example', database: 'book', user: 'olga', password: 'secret' };
const connected: TeamStatus = { state: 'connected', origin: 'https://couch.example', database: 'book', user: 'olga' };

function harness(over: Partial<BackgroundDeps> = {}, session = new Map<string, unknown>()) {
  const sent = { toPages: [] as unknown[], toTab: [] as [number, unknown][], recorded: [] as unknown[], scheduled: [] as boolean[], logs: [] as string[] };
  const team = {
    status: vi.fn(async (): Promise<TeamStatus> => connected),
    connect: vi.fn(async (): Promise<TeamStatus> => ({ ...connected, state: 'connecting' })),
    disconnect: vi.fn(async (): Promise<TeamStatus> => ({ state: 'off' })),
    syncNow: vi.fn(async (): Promise<TeamStatus> => ({ ...connected, state: 'syncing' })),
  };
  const deps: BackgroundDeps = {
    self,
    session: {
      get: async (k) => (session.has(k) ? { [k]: session.get(k) } : {}),
      set: async (items) => { for (const [k, v] of Object.entries(items)) session.set(k, v); },
      remove: async (k) => { session.delete(k); },
    },
    toPages: async (m) => { sent.toPages.push(m); },
    toTab: async (tabId, m) => {
      sent.toTab.push([tabId, m]);
      return { html: '<html><body><h1>Anna</h1></body></html>', url: PAGE_URL };
    },
    recordRead: async (x) => { sent.recorded.push(x); },
    team,
    schedule: async (on) => { sent.scheduled.push(on); },
    log: async (level, where, message) => { sent.logs.push(`${level} ${where}: ${message}`); },
    now: () => 10_000,
    recordAfterMs: 0,
    ...over,
  };
  return { bg: createBackground(deps), team, session, ...sent };
}

type H = ReturnType<typeof harness>;
interface Kind {
  type: string;
  valid: unknown;
  sender: typeof fromPage | typeof fromPanel;
  wrongSender: typeof fromPage | typeof fromPanel;
  /** the same kind of message with a payload that does not fit its schema */
  invalid: unknown;
  answer: unknown;
  /** what answering it did (and refusing it must not have done) */
  effect(h: H): unknown;
  setup?(h: H): Promise<void>;
}

const kinds: Kind[] = [
  {
    type: 'content:page-read', valid: read, sender: fromPage, wrongSender: fromPanel,
    invalid: { ...read, extraction: { ...extraction, fields: { ...emptyFields(), name: { status: 'ok' } } } },
    answer: { ok: true },
    effect: (h) => ({ recorded: h.recorded.length, stored: h.session.has('tab:4'), told: h.toPages }),
  },
  {
    type: 'content:page-error', valid: { type: 'content:page-error', url: PAGE_URL, error: 'no h1' }, sender: fromPage, wrongSender: fromPanel,
    invalid: { type: 'content:page-error', url: PAGE_URL, error: { stack: 'x' } },
    answer: { ok: true },
    effect: (h) => ({ stored: h.session.get('tab:4'), logged: h.logs.filter((l) => l.startsWith('error content:extract')) }),
  },
  {
    type: 'panel:get-tab-state', valid: { type: 'panel:get-tab-state', tabId: 4 }, sender: fromPanel, wrongSender: fromPage,
    invalid: { type: 'panel:get-tab-state', tabId: '4' },
    setup: async (h) => { await h.bg.receive(read, fromPage); },
    answer: { tabId: 4, url: PAGE_URL, at: 10_000, extraction },
    effect: () => null,
  },
  {
    type: 'panel:layout-report', valid: { type: 'panel:layout-report', tabId: 4 }, sender: fromPanel, wrongSender: fromPage,
    invalid: { type: 'panel:layout-report', tabId: { id: 4 } },
    answer: { ok: true, html: '<html><body><h1>Anna</h1></body></html>', url: PAGE_URL },
    effect: (h) => h.toTab,
  },
  {
    type: 'team:get-status', valid: { type: 'team:get-status' }, sender: fromPanel, wrongSender: fromPage,
    invalid: [{ type: 'team:get-status' }], // not a message object at all
    answer: connected,
    effect: (h) => h.team.status.mock.calls.length,
  },
  {
    type: 'team:connect', valid: { type: 'team:connect', config }, sender: fromPanel, wrongSender: fromPage,
    invalid: { type: 'team:connect', config: { ...config, user: '' } },
    answer: { ...connected, state: 'connecting' },
    effect: (h) => ({ connect: h.team.connect.mock.calls, scheduled: h.scheduled }),
  },
  {
    type: 'team:disconnect', valid: { type: 'team:disconnect' }, sender: fromPanel, wrongSender: fromPage,
    invalid: 'team:disconnect',
    answer: { state: 'off' },
    effect: (h) => ({ disconnect: h.team.disconnect.mock.calls.length, scheduled: h.scheduled }),
  },
  {
    type: 'team:sync-now', valid: { type: 'team:sync-now' }, sender: fromPanel, wrongSender: fromPage,
    invalid: { type: ['team:sync-now'] },
    answer: { ...connected, state: 'syncing' },
    effect: (h) => h.team.syncNow.mock.calls.length,
  },
  {
    // a page's broadcast to the others reaches the background too: it answers nothing
    type: 'bg:tab-state-changed', valid: { type: 'bg:tab-state-changed', tabId: 4 }, sender: fromPanel, wrongSender: fromPage,
    invalid: { type: 'bg:tab-state-changed' },
    answer: undefined,
    effect: (h) => h.toPages,
  },
  {
    type: 'bg:team-status', valid: { type: 'bg:team-status', status: { state: 'off' } }, sender: fromPanel, wrongSender: fromPage,
    invalid: { type: 'bg:team-status', status: { state: 'hacked' } },
    answer: undefined,
    effect: (h) => h.team.status.mock.calls.length,
  },
];

describe('the background\'s message handlers', () => {
  it('a profile the browser shows translated is kept as the tab\'s state for the panel, and logged as no failure', async () => {
    const h = harness();
    await h.bg.receive({ type: 'content:page-error', url: PAGE_URL, error: 'translated' }, fromPage);
    expect(h.session.get('tab:4')).toMatchObject({ url: PAGE_URL, error: 'translated' });
    expect(h.logs).toEqual([]);
    await h.bg.receive({ type: 'content:page-error', url: PAGE_URL, error: 'TypeError: boom' }, fromPage);
    expect(h.logs).toEqual([expect.stringMatching(/^error content:extract: TypeError: boom on /)]);
  });

  it.each(kinds)('$type: answered from its sender; refused from another sender or with a payload that does not fit', async (k) => {
    const ok = harness();
    await k.setup?.(ok);
    const before = JSON.stringify(k.effect(ok));
    const answered = ok.bg.receive(k.valid, k.sender);
    expect(answered).toBeInstanceOf(Promise);
    expect(await answered).toEqual(k.answer);
    await ok.bg.stored();
    expect(ok.logs.filter((l) => l.includes('dropped'))).toEqual([]);
    const done = JSON.stringify(k.effect(ok));

    for (const sender of [k.wrongSender, fromOtherExtension]) {
      const refused = harness();
      await k.setup?.(refused);
      const untouched = JSON.stringify(k.effect(refused));
      expect(refused.bg.receive(k.valid, sender)).toBeUndefined();
      expect(refused.logs.at(-1)).toMatch(/^warn background:message: dropped: (foreign sender|.* may not send )/);
      expect(JSON.stringify(k.effect(refused))).toBe(untouched);
    }

    const bad = harness();
    await k.setup?.(bad);
    const untouched = JSON.stringify(k.effect(bad));
    expect(bad.bg.receive(k.invalid, k.sender)).toBeUndefined();
    expect(bad.logs.at(-1)).toMatch(/^warn background:message: dropped: malformed message/);
    expect(JSON.stringify(k.effect(bad))).toBe(untouched);

    // the valid message did something the refused ones did not (or, for a message the background only hears, nothing)
    if (!['panel:get-tab-state', 'bg:tab-state-changed', 'bg:team-status'].includes(k.type)) expect(done).not.toBe(before);
  });

  it('bg:layout-report and bg:read-again are for content scripts: the background takes them from nobody', () => {
    for (const type of ['bg:layout-report', 'bg:read-again']) {
      for (const sender of [fromPage, fromPanel]) {
        const h = harness();
        expect(h.bg.receive({ type }, sender)).toBeUndefined();
        expect(h.logs).toEqual([expect.stringMatching(new RegExp(`dropped: .* may not send ${type}`))]);
      }
    }
  });

  it('a profile read is kept for its tab, stored, and the panels told; a page read is not stored as a profile', async () => {
    const h = harness();
    await h.bg.receive(read, fromPage);
    await h.bg.stored();
    expect(h.recorded).toEqual([extraction]);
    // the panels are told with the state itself: they need not ask for it
    expect(h.toPages).toEqual([{ type: 'bg:tab-state-changed', tabId: 4, state: { tabId: 4, url: PAGE_URL, at: 10_000, extraction } }]);
    await h.bg.receive({ ...read, extraction: { ...extraction, kind: 'not-profile' } }, fromPage);
    await h.bg.stored();
    expect(h.recorded).toHaveLength(1);
  });

  it('a profile read is answered and the panels told at once; it is stored a moment later, reads in the order they came', async () => {
    const h = harness({ recordAfterMs: 40 });
    const second = { ...extraction, lang: 'ru' };
    // answered before it is stored: a page left meanwhile leaves no message unanswered
    expect(await h.bg.receive(read, fromPage)).toEqual({ ok: true });
    expect(await h.bg.receive({ ...read, extraction: second }, fromPage)).toEqual({ ok: true });
    expect(h.toPages).toHaveLength(2);
    expect(h.recorded).toEqual([]); // the panel's card reads come first
    await h.bg.stored();
    expect(h.recorded).toEqual([extraction, second]);
  });

  it('a read whose write fails (and whose failure cannot even be logged) does not stop the next one being stored', async () => {
    let n = 0;
    const h = harness({
      recordRead: async () => { if (++n === 1) throw new Error('disk full'); },
      log: async () => { throw new Error('log store gone'); },
    });
    await h.bg.receive(read, fromPage);
    await h.bg.receive(read, fromPage);
    await h.bg.stored();
    expect(n).toBe(2);
  });

  it('a tab switched to is told with its state when the background holds it, without one when it does not (the panel asks)', async () => {
    const session = new Map<string, unknown>();
    const h = harness({}, session);
    await h.bg.receive(read, fromPage);
    h.bg.tabActivated(4);
    expect(h.toPages.at(-1)).toEqual({ type: 'bg:tab-state-changed', tabId: 4, state: { tabId: 4, url: PAGE_URL, at: 10_000, extraction } });
    // a stopped worker holds nothing in memory: the session store answers the panel's ask
    const restarted = harness({}, session);
    restarted.bg.tabActivated(4);
    expect(restarted.toPages).toEqual([{ type: 'bg:tab-state-changed', tabId: 4 }]);
    expect(await restarted.bg.receive({ type: 'panel:get-tab-state', tabId: 4 }, fromPanel)).toMatchObject({ tabId: 4, url: PAGE_URL });
  });

  it('a tab reading in the background does not take the panel (opened as a page) from the profile tab looked at last', async () => {
    const other = 'https://www.linkedin.com/in/eva-sova/';
    const fromOther = { ...fromPage, url: other, tab: { id: 5, url: other } };
    const h = harness();
    await h.bg.receive(read, fromPage);
    await h.bg.receive({ ...read, url: other, extraction: { ...extraction, profileUrl: other } }, fromOther);
    h.bg.tabActivated(4);
    // tab 5 read again (late rendering) while tab 4 is the one looked at
    await h.bg.receive({ ...read, url: other, extraction: { ...extraction, profileUrl: other } }, fromOther);
    expect(await h.bg.receive({ type: 'panel:get-tab-state' }, fromPanel)).toMatchObject({ tabId: 4, url: PAGE_URL });
    // switching to a page of no profile (the panel's own tab, 9) leaves the profile tab looked at last;
    // a read from it (a re-read) still counts
    h.bg.tabActivated(9);
    await h.bg.receive({ ...read, url: other, extraction: { ...extraction, profileUrl: other } }, fromOther);
    await h.bg.receive(read, fromPage);
    expect(await h.bg.receive({ type: 'panel:get-tab-state' }, fromPanel)).toMatchObject({ tabId: 4, url: PAGE_URL });
    // switched to tab 5: its read is the one looked at
    h.bg.tabActivated(5);
    await h.bg.receive({ ...read, url: other, extraction: { ...extraction, profileUrl: other } }, fromOther);
    expect(await h.bg.receive({ type: 'panel:get-tab-state' }, fromPanel)).toMatchObject({ tabId: 5, url: other });
  });

  it('after the worker was stopped, the tab\'s read and the last tab come back from the session store', async () => {
    const session = new Map<string, unknown>();
    await harness({}, session).bg.receive(read, fromPage);
    const restarted = harness({}, session);
    expect(await restarted.bg.receive({ type: 'panel:get-tab-state' }, fromPanel)).toMatchObject({ tabId: 4, url: PAGE_URL });
  });

  it('a tab that left the sites forgets its read once loaded (no content script answers); closing the tab too', async () => {
    let now = 10_000;
    const h = harness({ now: () => now, toTab: async (id, m) => { h.toTab.push([id, m]); throw new Error('Receiving end does not exist'); } });
    await h.bg.receive(read, fromPage);
    now += 5_000;
    h.bg.tabUpdated(4, 'loading');
    // still loading: the page may still be the one read
    expect(await h.bg.receive({ type: 'panel:get-tab-state', tabId: 4 }, fromPanel)).toMatchObject({ url: PAGE_URL });
    h.bg.tabUpdated(4, 'complete');
    await vi.waitFor(async () => expect(await h.bg.receive({ type: 'panel:get-tab-state', tabId: 4 }, fromPanel)).toBeNull());
    expect(h.toTab).toEqual([[4, { type: 'bg:read-again' }]]);
    expect(h.session.has('tab:4')).toBe(false);
    // and the panels are told the tab has none now
    expect(h.toPages.at(-1)).toEqual({ type: 'bg:tab-state-changed', tabId: 4, state: null });
    await h.bg.receive(read, fromPage);
    h.bg.tabRemoved(4);
    expect(await h.bg.receive({ type: 'panel:get-tab-state' }, fromPanel)).toBeNull();
  });

  it('a tab whose page stays (the site rewrote its history: a "load" to the browser) keeps its read, and its content script is asked to read again', async () => {
    let now = 10_000;
    const h = harness({ now: () => now });
    await h.bg.receive(read, fromPage);
    const told = h.toPages.length;
    now += 5_000;
    h.bg.tabUpdated(4, 'loading');
    h.bg.tabUpdated(4, 'complete');
    await vi.waitFor(() => expect(h.toTab).toEqual([[4, { type: 'bg:read-again' }]]));
    await h.bg.stored();
    expect(await h.bg.receive({ type: 'panel:get-tab-state', tabId: 4 }, fromPanel)).toMatchObject({ url: PAGE_URL });
    expect(h.toPages.length).toBe(told); // the panel was not told of any change
    // a load whose page read after it began (the new page's read) asks nothing
    h.bg.tabUpdated(4, 'loading');
    now += 100;
    await h.bg.receive(read, fromPage);
    h.bg.tabUpdated(4, 'complete');
    await new Promise((ok) => setTimeout(ok, 0));
    expect(h.toTab).toHaveLength(1);
  });

  it('a tab with no read that loads is asked too (a page back from the back/forward cache reads nothing new by itself); none answering changes nothing', async () => {
    const h = harness({ toTab: async (id, m) => { h.toTab.push([id, m]); throw new Error('Receiving end does not exist'); } });
    h.bg.tabUpdated(7, 'loading');
    h.bg.tabUpdated(7, 'complete');
    await vi.waitFor(() => expect(h.toTab).toEqual([[7, { type: 'bg:read-again' }]]));
    await new Promise((ok) => setTimeout(ok, 0));
    expect(h.toPages).toEqual([]);
    // a 'complete' with no 'loading' before it (a title or icon change) asks nothing
    h.bg.tabUpdated(7, 'complete');
    await new Promise((ok) => setTimeout(ok, 0));
    expect(h.toTab).toHaveLength(1);
  });

  it('the same read sent again (after a "load" that left the page as it was) moves its time and is stored, but the panels are not told', async () => {
    let now = 10_000;
    const h = harness({ now: () => now });
    await h.bg.receive(read, fromPage);
    await h.bg.stored();
    const [told, recorded] = [h.toPages.length, h.recorded.length];
    now += 5_000;
    await h.bg.receive(read, fromPage);
    await h.bg.stored();
    expect([h.toPages.length, h.recorded.length]).toEqual([told, recorded + 1]);
    expect(await h.bg.receive({ type: 'panel:get-tab-state', tabId: 4 }, fromPanel)).toMatchObject({ url: PAGE_URL, at: 15_000 });
    // a read that differs is news
    const other = { ...read, extraction: { ...extraction, fields: { ...emptyFields(), name: { status: 'ok', value: 'Anna', via: 'h1' } } } };
    await h.bg.receive(other, fromPage);
    await h.bg.stored();
    expect([h.toPages.length, h.recorded.length]).toEqual([told + 1, recorded + 2]);
  });

  it('a newer read that comes while the content script is asked is kept, though the old page never answered', async () => {
    let now = 10_000;
    let fail: (e: Error) => void = () => undefined;
    const h = harness({ now: () => now, toTab: () => new Promise((_, no) => (fail = no)) });
    await h.bg.receive(read, fromPage);
    now += 5_000;
    h.bg.tabUpdated(4, 'loading');
    h.bg.tabUpdated(4, 'complete');
    await new Promise((ok) => setTimeout(ok, 0));
    const other = 'https://www.linkedin.com/in/tom/';
    await h.bg.receive({ ...read, url: other, extraction: { ...extraction, profileUrl: other } }, fromPage);
    fail(new Error('Receiving end does not exist'));
    await new Promise((ok) => setTimeout(ok, 0));
    expect(await h.bg.receive({ type: 'panel:get-tab-state', tabId: 4 }, fromPanel)).toMatchObject({ url: other });
  });

  it('the layout report says why there is none: no tab seen, or no page from the tab', async () => {
    expect(await harness().bg.receive({ type: 'panel:layout-report' }, fromPanel)).toEqual({ ok: false, reason: 'no-tab' });
    const h = harness({ toTab: async () => { throw new Error('no content script'); } });
    expect(await h.bg.receive({ type: 'panel:layout-report', tabId: 9 }, fromPanel)).toEqual({ ok: false, reason: 'no-page' });
  });

  it('a handler that fails answers { error: "internal" } and logs it', async () => {
    const h = harness();
    h.team.syncNow.mockRejectedValueOnce(new Error('disk on fire'));
    expect(await h.bg.receive({ type: 'team:sync-now' }, fromPanel)).toEqual({ error: 'internal' });
    expect(h.logs).toContain('error background:team:sync-now: disk on fire');
  });

  it('a refused team connection schedules no sync runs', async () => {
    const h = harness();
    h.team.connect.mockResolvedValueOnce({ state: 'refused', reason: 'unauthorized' });
    await h.bg.receive({ type: 'team:connect', config }, fromPanel);
    expect(h.scheduled).toEqual([]);
  });
});
