import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { fixture, fixtureIndex } from '@/tools/browser';
import { BUNDLE_SIGNALS, INVISIBLE_SITES, NAVIGATE, probeScript, runInvisibility, wxtEventNames, type Driver, type SiteRun } from '../e2e/probe';
import { clickButton, FIREFOX_EXTENSION_DIR, GECKO_ID, launchFirefox, setViewport, typeInto, until, waitNamed, waitText, type FirefoxSession } from './firefox';

// The built Firefox add-on (.output/firefox-mv2) in Debian's firefox-esr,
// headless: the rep's flow, the settings page, the book, the dashboard, the
// Russian UI, the toolbar button, and the same privacy and invisibility checks
// as in Chromium, with every request Firefox made logged by the proxy.
// One browser for the whole file (launch ~5-10 s); tests run in order.

declare const browser: { storage: { session: { get(k: null): Promise<Record<string, unknown>> } } };

const SHOTS = resolve('tests/e2e/artifacts');
const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const MARIA = 'https://www.linkedin.com/in/maria-garcia-dev/';
const TOM = 'https://www.linkedin.com/in/tom-fischer-7/';
const NOTE = 'Prefers email; send the SSO pricing on Friday.';

const expectedOf = (file: string) =>
  JSON.parse(readFileSync(join('tests/fixtures/pages', file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string; profileUrl: string; fields: { name: { value: string } } };

/** The h2 headings a page shows (the panel's person). */
const headings = (p: Page) => p.evaluate(() => [...document.querySelectorAll('h2')].map((h) => h.textContent ?? ''));
async function waitHeading(p: Page, name: string) {
  await until(p, (n) => [...document.querySelectorAll('h2')].some((h) => h.textContent === n), name, `the heading "${name}"`);
}
const text = (p: Page, t: string) => waitText(p, t);

describe('Tiewise in Firefox', () => {
  let s: FirefoxSession;
  let panel: Page;
  /** what each site page itself loaded (its URL and resource-timing entries): the site's own requests */
  const siteLoaded = new Set<string>();
  const openSites = new Set<Page>();
  let runs: SiteRun[] = [];
  const panelNames: Record<string, string[]> = {};

  async function site(url: string, probe = false): Promise<Page> {
    const page = await s.window();
    if (probe) await page.evaluateOnNewDocument(probeScript(wxtEventNames([GECKO_ID, s.uuid])));
    openSites.add(page);
    await page.goto(url);
    return page;
  }
  async function closeSite(page: Page) {
    const loaded = await page.evaluate(() => [location.href, ...performance.getEntriesByType('navigation').map((e) => e.name), ...performance.getEntriesByType('resource').map((e) => e.name)]).catch(() => []);
    for (const u of loaded) siteLoaded.add(u);
    openSites.delete(page);
    await page.close();
  }
  const shot = (p: Page, name: string) => p.screenshot({ path: join(SHOTS, `firefox-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    s = await launchFirefox();
    const rank = (f: { kind: string; lang: string | null }) => (f.kind === 'profile' ? 2 : 0) + (f.lang === 'en' ? 1 : 0);
    const byUrl = new Map<string, { file: string; kind: string; lang: string | null }>();
    for (const f of fixtureIndex()) {
      const cur = byUrl.get(f.url);
      if (!cur || rank(f) > rank(cur)) byUrl.set(f.url, f);
    }
    for (const [url, f] of byUrl) s.serve(url, fixture(f.file));
    panel = await s.window();
    await setViewport(panel, { width: 420, height: 900 });
    await s.gotoExt(panel, 'sidepanel.html');
  });
  afterAll(async () => s?.close());

  it('the toolbar button opens the sidebar with the panel, and closes it', async () => {
    // headless Firefox draws no toolbar: the button's command is sent the way a
    // click sends it, as a user action (sidebarAction.toggle needs one)
    const click = `
      const win = Services.wm.getMostRecentWindow('navigator:browser');
      const { ExtensionCommon } = ChromeUtils.importESModule('resource://gre/modules/ExtensionCommon.sys.mjs');
      const node = win.CustomizableUI.getWidget('tiewise_tiewise_app-browser-action').forWindow(win).node;
      const btn = node.querySelector('.webextension-browser-action') || node;
      ExtensionCommon.withHandlingUserInput(win, () => btn.dispatchEvent(new win.CustomEvent('command', { bubbles: true })));
      const sc = win.SidebarController ?? win.SidebarUI; // SidebarUI before Firefox 131
      for (let i = 0; i < 50; i++) {
        const inner = win.document.getElementById('sidebar')?.contentDocument?.querySelector('browser')?.currentURI?.spec ?? null;
        if (sc.isOpen === WANT && (!WANT || (inner && inner !== 'about:blank'))) return { open: sc.isOpen, current: sc.currentID, inner, width: Math.round(win.document.getElementById('sidebar-box').getBoundingClientRect().width) };
        await new Promise((r) => win.setTimeout(r, 100));
      }
      return { open: sc.isOpen, current: sc.currentID, inner: null };`;
    const before = await s.chrome<boolean>(`const w = Services.wm.getMostRecentWindow('navigator:browser'); return (w.SidebarController ?? w.SidebarUI).isOpen;`);
    expect(before).toBe(false);
    const opened = await s.chrome<{ open: boolean; current: string; inner: string | null; width: number }>(click.replace(/WANT/g, 'true'));
    expect(opened).toEqual({ open: true, current: 'tiewise_tiewise_app-sidebar-action', inner: `${s.origin}sidepanel.html`, width: expect.any(Number) });
    sidebarWidth = opened.width;
    await new Promise((r) => setTimeout(r, 1000)); // the panel renders
    await s.screenshotWindow(join(SHOTS, 'firefox-sidebar-from-toolbar.png'));
    const closed = await s.chrome<{ open: boolean }>(click.replace(/WANT/g, 'false'));
    expect(closed.open).toBe(false);
  });

  // Firefox opens its sidebar about 250 px wide: the panel must fit it with
  // nothing cut off sideways (it once had `body { min-width: 300px }`).
  let sidebarWidth = 0;
  it('the panel fits the sidebar at the width Firefox opens it (nothing cut off sideways)', async () => {
    expect(sidebarWidth).toBeGreaterThan(150);
    const narrow = await s.window();
    await setViewport(narrow, { width: sidebarWidth, height: 800 });
    await s.gotoExt(narrow, 'sidepanel.html');
    await text(narrow, 'Open a person’s profile');
    const [client, scroll] = await narrow.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]);
    await narrow.close();
    console.log(`firefox: sidebar ${sidebarWidth} px wide; the panel in it: ${scroll} px of content in ${client} px`);
    expect(scroll).toBeLessThanOrEqual(client);
  });

  it('the panel asks for a profile, loads the demo book, and offers an unknown profile to the book', async () => {
    await text(panel, 'Open a person’s profile');
    await shot(panel, 'panel-first-run');
    await clickButton(panel, 'Try Tiewise with the demo book');
    await until(panel, (t) => !document.body.innerText.includes(t), 'Try Tiewise with the demo book', 'the demo offer gone');
    const page = await site(MARIA);
    await waitHeading(panel, 'Maria Garcia');
    await waitNamed(panel, 'button', 'Add to book');
    await shot(panel, 'panel-unknown-maria');
    await closeSite(page);
  });

  let anna: Page;
  it('a known profile: the person read from the page, merged with the CRM record', async () => {
    anna = await site(ANNA);
    await waitHeading(panel, 'Anna Kowalski');
    await text(panel, 'half marathon');
    await text(panel, 'CloudDesk Pro');
    expect(await headings(panel)).toEqual(['Anna Kowalski']);
    await shot(panel, 'panel-known-anna');
    // the site rewrites its history in place (as it does on scroll): the person stays
    await anna.evaluate(() => history.replaceState({ scrolled: 1 }, '', location.href));
    await new Promise((ok) => setTimeout(ok, 2000));
    expect(await headings(panel)).toEqual(['Anna Kowalski']);
    // another site: the read is forgotten; back (from Firefox's back/forward cache, its globals kept): shown again
    const elsewhere = 'http://example.org/';
    s.serve(elsewhere, '<!doctype html><title>Elsewhere</title><p>elsewhere</p>');
    siteLoaded.add(elsewhere);
    await anna.evaluate(() => Object.assign(window, { beforeLeaving: true }));
    await anna.goto(elsewhere);
    await text(panel, 'Open a person’s profile');
    await anna.evaluate(() => history.back());
    await until(anna, () => location.href.startsWith('https://www.linkedin.com/') && document.readyState === 'complete', undefined, 'back on the profile');
    console.log(`firefox: back to the profile ${await anna.evaluate(() => 'beforeLeaving' in window) ? 'from the back/forward cache' : 'loaded again'}`);
    await waitHeading(panel, 'Anna Kowalski');
  });

  it('follows an in-site navigation to another person', async () => {
    const t0 = Date.now();
    await anna.evaluate(NAVIGATE, [TOM, fixture('linkedin/li-nav-b-en.html'), 250] as [string, string, number]);
    await waitHeading(panel, 'Tom Fischer');
    console.log(`firefox: panel followed a pushState navigation in ${Date.now() - t0} ms (incl. a 250 ms late render)`);
    expect(await headings(panel)).toEqual(['Tom Fischer']);
    await waitNamed(panel, 'button', 'Add to book');
    await closeSite(anna);
  });

  it('a Sales Navigator lead is read by its own script and shown as the person', async () => {
    const lead = 'https://www.linkedin.com/sales/lead/ACwAAB1000000xxxxxxxxxxxxxxxxxxxxxxxxxxx,NAME_SEARCH,Ab1c';
    s.serve(lead, readFileSync('tests/fixtures/real/linkedin/li-2024-salesnav-lead-en.html', 'utf8'));
    const page = await site(lead);
    await waitHeading(panel, 'Tomáš Novák');
    await text(panel, '7 mutual connections');
    expect(await headings(panel)).toEqual(['Tomáš Novák']);
    await shot(panel, 'panel-salesnav-lead');
    await closeSite(page);
  });

  it('adds a note that is still there after a reload', async () => {
    anna = await site(ANNA);
    await waitHeading(panel, 'Anna Kowalski');
    await typeInto(panel, 'textbox', 'Add note', NOTE);
    await clickButton(panel, 'Add note');
    await text(panel, NOTE);
    // the box empties once the write has committed
    await until(panel, () => (document.querySelector('textarea, input[type=text]') as HTMLTextAreaElement | null)?.value === '', null, 'the note box emptied');
    await s.reloadExt(panel);
    await waitHeading(panel, 'Anna Kowalski');
    await text(panel, NOTE);
    await shot(panel, 'panel-note-after-reload');
  });

  it('imports a small CSV through the settings page', async () => {
    const options = await s.window();
    await s.gotoExt(options, 'options.html');
    await text(options, 'Choose a file to import');
    await until(options, () => !!document.querySelector('input[type=file]'), null, 'the file input');
    const input = await options.$('input[type=file]');
    await input!.uploadFile(resolve('tests/fixtures/import/hubspot.csv'));
    await text(options, 'What Tiewise found in hubspot.csv');
    await clickButton(options, 'Import');
    await until(options, (n) => [...document.querySelectorAll('h3')].some((h) => h.textContent === n), 'Import finished', 'the import summary', 20_000);
    await shot(options, 'settings-import-finished');
    await options.close();
  });

  it('the book lists the demo and the imported contacts', async () => {
    const book = await s.window();
    await s.gotoExt(book, 'book.html');
    await waitNamed(book, 'button', 'Open Anna Kowalski');
    const count = async () => book.evaluate(() => [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').find((t) => /^\d+ contacts?$/.test(t)) ?? '');
    await until(book, () => [...document.querySelectorAll('[role=status]')].some((e) => /^\d+ contacts$/.test(e.textContent ?? '')), null, 'the contact count');
    expect(parseInt(await count(), 10)).toBeGreaterThanOrEqual(36 + 3); // the demo book and the 3 imported
    await typeInto(book, 'searchbox', 'Search the book', 'priya');
    await waitNamed(book, 'button', 'Open Priya Sharma');
    await until(book, () => !document.body.innerText.includes('Anna Kowalski'), null, 'the list narrowed to the search'); // the search narrowed the list
    await shot(book, 'book-search');
    await book.close();
  });

  it('the dashboard draws its numbers and charts', async () => {
    const dash = await s.window();
    await s.gotoExt(dash, 'dashboard.html');
    await text(dash, 'contacts in the book');
    await until(dash, () => !!document.querySelector('svg.recharts-surface'), null, 'a chart');
    await shot(dash, 'dashboard');
    await dash.close();
  });

  it('speaks Russian when Firefox’s language is Russian', async () => {
    await s.setLanguages('ru-RU, ru');
    try {
      await s.reloadExt(panel);
      expect(await panel.evaluate(() => navigator.languages[0])).toBe('ru-RU');
      await waitHeading(panel, 'Anna Kowalski');
      await text(panel, 'Заметки');
      await text(panel, NOTE);
      await waitNamed(panel, 'searchbox', 'Поиск по базе');
      await shot(panel, 'panel-ru-anna');
    } finally {
      await s.setLanguages('en-US, en');
      await s.reloadExt(panel);
    }
    await closeSite(anna);
  });

  describe('invisible and unswayable', () => {
    beforeAll(async () => {
      const driver: Driver<Page> = {
        open: (url) => site(url, true),
        evaluate: (page, fn, arg) => page.evaluate(fn as never, arg as never) as never,
        close: (page) => closeSite(page),
        async afterSite(_page, name) {
          const want = expectedOf(INVISIBLE_SITES.find((x) => x.site === name)!.a).fields.name.value;
          await waitHeading(panel, want).catch(() => undefined);
          panelNames[name] = await headings(panel);
        },
        async lastRead() {
          const all = (await panel.evaluate(() => browser.storage.session.get(null))) as Record<string, { url: string; at: number; extraction?: { profileUrl: string | null } }>;
          const t = all[`tab:${String(all.lastWebTab)}`];
          return t ? { url: t.url, at: t.at, profileUrl: t.extraction?.profileUrl ?? null } : null;
        },
        fixture,
        urlOf: (f) => expectedOf(f).url,
        profileUrlOf: (f) => expectedOf(f).profileUrl,
      };
      runs = await runInvisibility(driver, [GECKO_ID, s.uuid]);
    });

    it('the site’s page hears no event, message, DOM change or global from the extension (load, in-site navigation, late render)', () => {
      expect(runs.map((r) => r.site)).toEqual(['linkedin', 'facebook', 'vk']);
      for (const r of runs) {
        expect([r.afterLoad, r.afterNavigate], r.site).toEqual([expect.stringMatching(/^https:/), expect.stringMatching(/^https:/)]);
        expect(r.report.foreign, r.site).toEqual([]);
        expect(r.report.globalsAdded, r.site).toEqual([]);
        expect(r.report.ownEvents, r.site).toBeGreaterThanOrEqual(30);
        expect(r.report.mutationsOwn, r.site).toBeGreaterThan(0);
      }
      console.log(`invisible (firefox): ${runs.length} sites, ${runs[0].report.listened} event types listened to, ${runs.reduce((n, r) => n + r.report.mutationsOwn, 0)} own DOM changes seen, ${runs.reduce((n, r) => n + r.report.foreign.length, 0)} foreign signals`);
    });

    it('forged events change nothing: the next in-site navigation is still read and shown', () => {
      for (const r of runs) {
        const a = INVISIBLE_SITES.find((x) => x.site === r.site)!.a;
        expect(r.forged, r.site).toBeGreaterThan(30);
        expect(r.stateAfterForge, r.site).toBe(r.stateBeforeForge);
        expect(r.afterForge, r.site).toBe(expectedOf(a).profileUrl);
        expect(panelNames[r.site], r.site).toEqual([expectedOf(a).fields.name.value]);
      }
    });

    it('the built content scripts hold no way to signal the page', () => {
      const files = readdirSync(join(FIREFOX_EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
      expect(files.sort()).toEqual(['facebook-mobile.js', 'facebook.js', 'linkedin.js', 'salesnav.js', 'vk.js']);
      for (const f of files) {
        const code = readFileSync(join(FIREFOX_EXTENSION_DIR, 'content-scripts', f), 'utf8');
        expect(BUNDLE_SIGNALS.filter((re) => re.test(code)).map(String), f).toEqual([]);
      }
    });
  });

  it('logged no error from the extension: no CSP report, no uncaught error, no console.error', async () => {
    const { errors, warnings } = await s.extensionConsole();
    // Firefox's own modules print too (e.g. `console.error: RSLoader: …`, a prefix
    // and no quotes); what pages and the background log comes quoted
    const stdoutErrors = s.stdout.filter((l) => l.startsWith('console.error: "'));
    console.log(`firefox: ${errors.length} errors and ${warnings.length} warnings from moz-extension: sources; ${s.stdout.length} console lines on Firefox's stdout, ${stdoutErrors.length} console.error from pages or the background`);
    expect(errors).toEqual([]);
    expect(stdoutErrors).toEqual([]);
  });

  it('made no request of its own: every request through the proxy was a site page’s or Firefox’s', () => {
    for (const p of openSites) void p; // all closed by now (each test closes its own)
    expect(openSites.size).toBe(0);
    const hosts = new Set([...siteLoaded].map((u) => new URL(u).host));
    const firefoxOwn = (url: string) => /^http:\/\/dummy\.test\//.test(url) || /^dummy\.test:/.test(url); // puppeteer's placeholder for Firefox's settings server
    const sitesOwn = (r: { method: string; url: string }) =>
      r.method === 'CONNECT' ? hosts.has(r.url.replace(/:443$/, '')) : siteLoaded.has(r.url) || (new URL(r.url).pathname === '/favicon.ico' && hosts.has(new URL(r.url).host));
    const other = s.requests.filter((r) => !firefoxOwn(r.url) && !sitesOwn(r));
    const pages = s.requests.filter((r) => r.method !== 'CONNECT' && sitesOwn(r));
    console.log(`firefox: ${s.requests.length} requests through the proxy: ${pages.length} by the site pages (${hosts.size} hosts), ${s.requests.filter((r) => firefoxOwn(r.url)).length} Firefox's own, ${other.length} other`);
    expect(pages.length).toBeGreaterThan(10);
    expect(other).toEqual([]);
  });

  it('the request log does catch a request from an extension page (control)', async () => {
    const before = s.requests.length;
    await panel.evaluate(() => fetch('https://www.linkedin.com/tiewise-control/page').then(() => undefined, () => undefined));
    const seen = s.requests.slice(before).filter((r) => r.url === 'https://www.linkedin.com/tiewise-control/page');
    expect(seen.length).toBe(1);
    expect(siteLoaded.has(seen[0].url)).toBe(false);
  });
});
