import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request } from 'playwright-core';
import { chromiumPath, EXTENSION_DIR, fixture, fixtureIndex, launch, loadDemo, serveFixtures, type Session } from '@/tools/browser';
import { BUNDLE_SIGNALS, INVISIBLE_SITES, probeScript, runInvisibility, wxtEventNames, type Driver, type SiteRun } from './probe';

// What the README promises about privacy, measured in the built extension:
// nothing leaves (no request of the extension's own while it reads profiles,
// imports, exports and shows its pages), nothing is visible (the site's DOM is
// the same with and without Tiewise; no resource of ours can be probed), and
// messages that are malformed or come from the wrong kind of sender are dropped
// and logged.

// the extension API as code evaluated in the browser sees it (only what is used here)
declare const chrome: {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { session: { get(keys: null): Promise<Record<string, unknown>> } };
};

const SITES = /^https:\/\/([a-z0-9-]+\.)?(linkedin\.com|facebook\.com|vk\.com|vk\.ru)\//;

/** Profile fixtures across the three sites: URL and the name the panel shows. */
const PROFILES = fixtureIndex()
  .filter((f) => f.kind === 'profile' && f.lang === 'en')
  .map((f) => {
    const exp = JSON.parse(readFileSync(join('tests/fixtures/pages', f.file.replace(/\.html$/, '.expected.json')), 'utf8'));
    return { url: f.url, file: f.file, profileUrl: exp.profileUrl as string, name: exp.fields?.name?.status === 'ok' ? (exp.fields.name.value as string) : null };
  })
  .filter((p) => p.name && !/[<>]/.test(p.name));

interface Seen { url: string; from: string }

/** Every request in the context, with the page, frame or service worker it came from. */
function record(context: BrowserContext): Seen[] {
  const seen: Seen[] = [];
  context.on('request', (r: Request) => {
    let from = 'unknown';
    const sw = r.serviceWorker();
    if (sw) from = sw.url();
    else {
      try {
        from = r.frame().url();
      } catch {
        from = 'worker';
      }
    }
    seen.push({ url: r.url(), from });
  });
  return seen;
}

/** The tab states the background keeps in storage.session (what the content script read). */
async function tabStates(s: Session): Promise<{ url: string; extraction?: { kind: string; profileUrl: string | null } }[]> {
  const all = (await s.worker.evaluate(() => chrome.storage.session.get(null))) as Record<string, unknown>;
  return Object.entries(all).filter(([k]) => k.startsWith('tab:')).map(([, v]) => v as { url: string; extraction?: { kind: string; profileUrl: string | null } });
}

/** Polls `cond` (usable in hooks, where expect.poll is not). */
async function until(cond: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const byExtension = (id: string) => (r: Seen) =>
  r.from.startsWith(`chrome-extension://${id}/`) && !/^(chrome-extension|blob|data):/.test(r.url);

/** The extension's `log` table, read from an extension page with the raw IndexedDB API. */
async function readLog(page: Page): Promise<{ at: number; level: string; where: string; message: string }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, bad) => {
      const r = indexedDB.open('tiewise');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => bad(r.error);
    });
    const rows = await new Promise<unknown[]>((ok, bad) => {
      const r = db.transaction('log', 'readonly').objectStore('log').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => bad(r.error);
    });
    db.close();
    return rows as { at: number; level: string; where: string; message: string }[];
  });
}

describe('nothing leaves', () => {
  let s: Session;
  let seen: Seen[];
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    seen = record(s.context);
    serveFixtures(s, 'en');
  });
  afterAll(async () => s?.close());

  it('reads profiles on the three sites, imports, exports, backs up, opens the book and the dashboard: no request of its own', async () => {
    const panel = await s.openPanel();
    await loadDemo(panel);
    const sites = new Set<string>();
    for (const p of PROFILES) {
      const page = await s.context.newPage();
      await page.goto(p.url);
      // read by the content script, then shown (under the book's name for a known contact)
      await expect.poll(async () => (await tabStates(s)).some((t) => t.extraction?.profileUrl === p.profileUrl), { timeout: 30_000 }).toBe(true);
      await panel.getByRole('heading', { level: 2 }).first().waitFor();
      sites.add(new URL(p.url).hostname.split('.').slice(-2).join('.'));
      await page.close();
    }
    expect([...sites].sort()).toEqual(expect.arrayContaining(['facebook.com', 'linkedin.com']));
    expect([...sites].some((h) => h.startsWith('vk.'))).toBe(true);

    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.getByText('Choose a file to import').first().waitFor();
    await options.locator('input[type=file]').first().setInputFiles('tests/fixtures/import/hubspot.csv');
    await options.getByText('What Tiewise found in hubspot.csv').waitFor();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('region', { name: 'Import finished' }).waitFor();
    const exportSection = options.getByRole('region', { name: 'Export to CSV' });
    const [csv] = await Promise.all([options.waitForEvent('download'), exportSection.getByRole('button', { name: /^Export \d+ contacts$/ }).click()]);
    expect(readFileSync((await csv.path())!, 'utf8').length).toBeGreaterThan(100);
    const [backup] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download a backup' }).click()]);
    expect(JSON.parse(readFileSync((await backup.path())!, 'utf8')).format).toBe('tiewise-backup');

    const book = await s.context.newPage();
    await book.goto(`chrome-extension://${s.extensionId}/book.html`);
    await book.getByRole('button', { name: 'Open Anna Kowalski' }).waitFor();
    const dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
    await dash.getByText(/contacts in the book/).waitFor();
    await dash.waitForTimeout(1500); // anything late (workers, rules) has had its chance

    const own = seen.filter(byExtension(s.extensionId));
    const pages = seen.filter((r) => SITES.test(r.url) && !byExtension(s.extensionId)(r));
    console.log(`privacy: ${seen.length} requests seen (${pages.length} by the site pages, ${PROFILES.length} profiles read), ${own.length} by the extension`);
    expect(pages.length).toBeGreaterThanOrEqual(PROFILES.length);
    expect(own).toEqual([]);
    for (const p of [options, book, dash, panel]) await p.close();
  });

  it('the recorder does see a request from an extension page and from the service worker (control)', async () => {
    const panel = await s.openPanel();
    const before = seen.length;
    await panel.evaluate(() => fetch('https://www.linkedin.com/tiewise-control/page').then(() => undefined, () => undefined));
    await s.worker.evaluate(() => fetch('https://www.linkedin.com/tiewise-control/worker').then(() => undefined, () => undefined));
    await expect.poll(() => seen.slice(before).filter(byExtension(s.extensionId)).map((r) => new URL(r.url).pathname).sort(), { timeout: 10_000 })
      .toEqual(['/tiewise-control/page', '/tiewise-control/worker']);
    await panel.close();
  });
});

/** A context like launch()'s but without the extension: the site as the user would see it without Tiewise. */
async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: true,
    locale: 'en-US',
    viewport: { width: 1100, height: 900 },
    args: ['--lang=en-US', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Serves every fixture under its URL in `context`, like serveFixtures. */
async function routeFixtures(context: BrowserContext) {
  const pages = new Map<string, string>();
  for (const f of fixtureIndex()) if (f.kind === 'profile' && f.lang === 'en') pages.set(f.url, fixture(f.file));
  await context.route(SITES, (route) => {
    const html = pages.get(route.request().url());
    return html === undefined
      ? route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title>' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
}

/** What a site's own script could observe of its page. */
async function observe(page: Page) {
  return page.evaluate(() => {
    const cs = getComputedStyle(document.body);
    const style: Record<string, string> = {};
    for (let i = 0; i < cs.length; i++) style[cs[i]] = cs.getPropertyValue(cs[i]);
    const w = window as unknown as { __posted: unknown[] };
    return {
      html: document.documentElement.outerHTML,
      elements: document.querySelectorAll('*').length,
      bodyStyle: style,
      styleSheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      shadowRoots: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
      posted: w.__posted,
    };
  });
}

// installed before any page script: what a site listening for window messages sees
const LISTEN = () => {
  const w = window as unknown as { __posted: unknown[] };
  w.__posted = [];
  window.addEventListener('message', (e) => w.__posted.push(JSON.parse(JSON.stringify(e.data ?? null))));
};

describe('nothing visible', () => {
  let s: Session;
  let plain: Awaited<ReturnType<typeof launchPlain>>;
  const seenWith: Record<string, Awaited<ReturnType<typeof observe>>> = {};
  const seenWithout: Record<string, Awaited<ReturnType<typeof observe>>> = {};
  const SAMPLE = PROFILES.filter((p, i, all) => all.findIndex((q) => new URL(q.url).hostname === new URL(p.url).hostname) === i);

  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    await s.context.addInitScript(LISTEN);
    plain = await launchPlain();
    await routeFixtures(plain.context);
    await plain.context.addInitScript(LISTEN);
    // the same page in both browsers, past the content script's settle time, then an in-site navigation
    for (const p of SAMPLE) {
      for (const [context, out] of [[s.context, seenWith], [plain.context, seenWithout]] as const) {
        const page = await context.newPage();
        await page.goto(p.url);
        await page.waitForTimeout(1500);
        await page.evaluate(() => {
          const u = new URL(location.href);
          u.searchParams.set('tiewise', 'pushstate');
          history.pushState({}, '', u.href);
        });
        if (context === s.context) {
          // the content script did run, and read the page again after the navigation
          await until(async () => (await tabStates(s)).some((t) => t.url.includes('tiewise=pushstate') && t.extraction?.profileUrl === p.profileUrl), `content script re-read ${p.url}`);
        }
        await page.waitForTimeout(1500);
        out[p.url] = await observe(page);
        await page.close();
      }
    }
  });
  afterAll(async () => {
    await s?.close();
    await plain?.close();
  });

  it('the content script adds no element, attribute or style to the site’s page', () => {
    expect(SAMPLE.length).toBeGreaterThanOrEqual(3);
    let elements = 0;
    for (const p of SAMPLE) {
      const a = seenWith[p.url];
      const b = seenWithout[p.url];
      expect(a.elements, p.url).toBe(b.elements);
      expect(a.html, p.url).toBe(b.html);
      expect(a.bodyStyle, p.url).toEqual(b.bodyStyle);
      expect([a.styleSheets, a.adopted, a.shadowRoots], p.url).toEqual([b.styleSheets, b.adopted, b.shadowRoots]);
      elements += a.elements;
    }
    console.log(`privacy: ${SAMPLE.length} pages (${SAMPLE.map((p) => new URL(p.url).hostname).join(', ')}) compared with and without the extension, ${elements} elements, 0 differences`);
  });

  // WXT's ContentScriptContext would post { type: '<extension id>:content:wxt:
  // content-script-started', … } to the page's window on start, telling any site
  // listening for `message` events that Tiewise is installed (the content script
  // is built without it: wxt.config.ts; the 'invisible and unswayable' suite
  // below listens for every other kind of signal too).
  it('posts no message a site’s script could receive', () => {
    const extra = SAMPLE.flatMap((p) => seenWith[p.url].posted.slice(seenWithout[p.url].posted.length));
    console.log(`privacy: ${extra.length} window messages the site could read${extra.length ? `, e.g. ${JSON.stringify(extra[0])}` : ''}`);
    for (const p of SAMPLE) expect(seenWith[p.url].posted, p.url).toEqual(seenWithout[p.url].posted);
  });

  it('exposes no resource the site can probe (no web-accessible resources)', async () => {
    const id = s.extensionId;
    const page = await s.context.newPage();
    await page.goto(SAMPLE[0].url);
    const css = readFileSync(join(process.env.TIEWISE_EXTENSION_DIR ?? '.output/chrome-mv3', 'sidepanel.html'), 'utf8').match(/href="\/?(assets\/[^"]+\.css)"/)?.[1];
    const resources = ['manifest.json', 'background.js', 'sidepanel.html', ...(css ? [css] : [])];
    const probes = await page.evaluate(async ([id, resources]) => {
      const out: Record<string, string> = {};
      for (const r of resources) {
        const url = `chrome-extension://${id}/${r}`;
        out[`fetch ${r}`] = await fetch(url).then((x) => `loaded ${x.status}`, () => 'failed');
        out[`script ${r}`] = await new Promise((ok) => {
          const el = document.createElement('script');
          el.src = url;
          el.onload = () => ok('loaded');
          el.onerror = () => ok('failed');
          document.head.append(el);
        });
        out[`img ${r}`] = await new Promise((ok) => {
          const img = new Image();
          img.onload = () => ok('loaded');
          img.onerror = () => ok('failed');
          img.src = url;
        });
      }
      return out;
    }, [id, resources] as const);
    // the same resources do exist: the extension's own page loads them
    const panel = await s.openPanel();
    const control = await panel.evaluate(async (resources) => Promise.all(resources.map((r) => fetch(`/${r}`).then((x) => x.status))), resources);
    expect(control).toEqual(resources.map(() => 200));
    console.log(`privacy: ${Object.keys(probes).length} probes of chrome-extension://<id>/ from a site page, ${Object.values(probes).filter((v) => v !== 'failed').length} answered`);
    expect(probes).toEqual(Object.fromEntries(Object.keys(probes).map((k) => [k, 'failed'])));
    await page.close();
    await panel.close();
  });
});

// What a hostile site can do about Tiewise: watch everything its own world can
// watch (tests/e2e/probe.ts), and forge every event a framework's content script
// might listen to. Nothing may reach it, and nothing it sends may change what
// the content script does.
const GECKO_ID = 'tiewise@tiewise.app';
const expectedOf = (file: string) => JSON.parse(readFileSync(join('tests/fixtures/pages', file.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string; profileUrl: string; fields: { name: { value: string } } };

describe('invisible and unswayable', () => {
  let s: Session;
  let panel: Page;
  let runs: SiteRun[] = [];
  const names: Record<string, string[]> = {};
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    const ids = [s.extensionId, GECKO_ID];
    await s.context.addInitScript({ content: probeScript(wxtEventNames(ids)) });
    panel = await s.openPanel();
    const driver: Driver<Page> = {
      async open(url) {
        const page = await s.context.newPage();
        await page.goto(url);
        return page;
      },
      evaluate: (page, fn, arg) => page.evaluate(fn as never, arg) as never,
      close: (page) => page.close(),
      async afterSite(_page, site) {
        await panel.getByRole('heading', { level: 2, name: expectedOf(INVISIBLE_A[site]).fields.name.value }).waitFor({ timeout: 5000 }).catch(() => undefined);
        names[site] = await panel.getByRole('heading', { level: 2 }).allTextContents();
      },
      async lastRead() {
        const all = (await s.worker.evaluate(() => chrome.storage.session.get(null))) as Record<string, { url: string; at: number; extraction?: { profileUrl: string | null } }>;
        const t = all[`tab:${String(all.lastWebTab)}`];
        return t ? { url: t.url, at: t.at, profileUrl: t.extraction?.profileUrl ?? null } : null;
      },
      fixture,
      urlOf: (f) => expectedOf(f).url,
      profileUrlOf: (f) => expectedOf(f).profileUrl,
    };
    runs = await runInvisibility(driver, ids);
  });
  afterAll(async () => s?.close());

  it('the site’s page hears no event, message, DOM change or global from the extension (load, in-site navigation, late render)', () => {
    expect(runs.map((r) => r.site)).toEqual(['linkedin', 'facebook', 'vk']);
    for (const r of runs) {
      // the content script did run and read every step (else silence would prove nothing)
      expect([r.afterLoad, r.afterNavigate], r.site).toEqual([expect.stringMatching(/^https:/), expect.stringMatching(/^https:/)]);
      expect(r.report.foreign, r.site).toEqual([]);
      expect(r.report.globalsAdded, r.site).toEqual([]);
      // the probe works: it heard the page's own forged events and saw its own DOM changes
      expect(r.report.ownEvents, r.site).toBeGreaterThanOrEqual(30);
      expect(r.report.mutationsOwn, r.site).toBeGreaterThan(0);
    }
    console.log(`invisible (chromium): ${runs.length} sites, ${runs[0].report.listened} event types listened to, ${runs.reduce((n, r) => n + r.report.mutationsOwn, 0)} own DOM changes seen, ${runs.reduce((n, r) => n + r.report.foreign.length, 0)} foreign signals`);
  });

  it('forged events (WXT’s “a newer script started”, location, history, lifecycle) change nothing: the next in-site navigation is still read', async () => {
    for (const r of runs) {
      expect(r.forged, r.site).toBeGreaterThan(30);
      expect(r.stateAfterForge, r.site).toBe(r.stateBeforeForge);
      expect(r.afterForge, r.site).toBe(expectedOf(INVISIBLE_A[r.site]).profileUrl);
      // and the panel shows it: the page, back on its first person
      expect(names[r.site], r.site).toEqual([expectedOf(INVISIBLE_A[r.site]).fields.name.value]);
    }
  });

  it('the built content scripts hold no way to signal the page', () => {
    const files = readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(files.sort()).toEqual(['facebook-mobile.js', 'facebook.js', 'linkedin.js', 'salesnav.js', 'vk.js']);
    for (const f of files) {
      const code = readFileSync(join(EXTENSION_DIR, 'content-scripts', f), 'utf8');
      expect(BUNDLE_SIGNALS.filter((re) => re.test(code)).map(String), f).toEqual([]);
    }
  });
});

const INVISIBLE_A: Record<string, string> = Object.fromEntries(INVISIBLE_SITES.map((x) => [x.site, x.a]));

describe('messages', () => {
  let s: Session;
  let panel: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    panel = await s.openPanel();
    await loadDemo(panel);
    // a real read, as the content script sent it, to replay from the wrong sender
    const page = await s.context.newPage();
    await page.goto(PROFILES[0].url);
    await until(async () => (await tabStates(s)).some((t) => t.extraction?.kind === 'profile'), 'a profile read');
    realRead = (await tabStates(s)).find((t) => t.extraction?.kind === 'profile')!.extraction!;
    await page.close();
  });
  afterAll(async () => s?.close());

  let realRead: object = {};
  const spoofUrl = 'https://www.linkedin.com/in/spoofed-by-a-page/';
  /** what an extension page sends, and the reason the background must log for it */
  const FROM_PAGE: [string, unknown, RegExp][] = [
    ['no message', null, /malformed message$/],
    ['a string', 'panel:get-tab-state', /malformed message$/],
    ['no type', { tabId: 1 }, /malformed message$/],
    ['an unknown type (erase)', { type: 'panel:erase-all' }, /malformed message "panel:erase-all"/],
    ['an unknown type (export)', { type: 'panel:export-book', to: 'https://evil.example/' }, /malformed message "panel:export-book"/],
    ['a wrong shape', { type: 'panel:get-tab-state', tabId: 'all' }, /malformed message "panel:get-tab-state"/],
    ['a read with a broken extraction', { type: 'content:page-read', url: spoofUrl, extraction: { kind: 'profile' } }, /malformed message "content:page-read"/],
    ['a page read, from an extension page', 'REAL_READ', /extension-page may not send content:page-read/],
    ['a page error, from an extension page', { type: 'content:page-error', url: spoofUrl, error: 'spoofed' }, /extension-page may not send content:page-error/],
  ];

  it('drops and logs every malformed or spoofed message from an extension page; a good one is answered', async () => {
    const logBefore = (await readLog(panel)).length;
    const answers = await panel.evaluate(async (msgs) => {
      const out: string[] = [];
      for (const m of msgs) {
        out.push(await chrome.runtime.sendMessage(m).then((r) => JSON.stringify(r ?? null), (e: Error) => `error: ${e.message}`));
      }
      return out;
    }, FROM_PAGE.map(([, m]) => (m === 'REAL_READ' ? { type: 'content:page-read', url: spoofUrl, extraction: { ...realRead, profileUrl: spoofUrl } } : m)));
    // nothing was answered with data
    for (const [i, a] of answers.entries()) expect(a, FROM_PAGE[i][0]).toMatch(/^(null|error: .*)$/);
    await expect.poll(async () => (await readLog(panel)).length - logBefore, { timeout: 15_000 }).toBeGreaterThanOrEqual(FROM_PAGE.length);
    const dropped = (await readLog(panel)).slice(logBefore).filter((l) => l.where === 'background:message' && l.level === 'warn');
    const unmatched = FROM_PAGE.filter(([, , reason]) => !dropped.some((l) => reason.test(l.message)));
    expect(unmatched.map(([name]) => name)).toEqual([]);
    expect(dropped.length).toBe(FROM_PAGE.length);
    // the spoofed read stored nothing: no tab state, no contact, no profile
    const session = (await s.worker.evaluate(() => chrome.storage.session.get(null))) as Record<string, { url?: string }>;
    expect(Object.values(session).filter((v) => v?.url === spoofUrl)).toEqual([]);
    expect(await panel.evaluate(async (url) => {
      const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('tiewise'); r.onsuccess = () => ok(r.result); });
      const n = await new Promise<number>((ok) => { const r = db.transaction('profiles').objectStore('profiles').index('url').count(url); r.onsuccess = () => ok(r.result); });
      db.close();
      return n;
    }, spoofUrl)).toBe(0);
    // control: the one message an extension page may send is answered and not logged
    const logNow = (await readLog(panel)).length;
    expect(await panel.evaluate(() => chrome.runtime.sendMessage({ type: 'panel:get-tab-state' }).then((r) => (r === null || typeof r === 'object' ? 'answered' : 'odd')))).toBe('answered');
    await panel.waitForTimeout(500);
    expect((await readLog(panel)).length).toBe(logNow);
    console.log(`messages: ${FROM_PAGE.length} malformed or spoofed from an extension page, ${dropped.length} dropped and logged`);
  });

  it('a content script asking for the panel’s data is refused and logged (sent from its isolated world)', async () => {
    const page = await s.context.newPage();
    const cdp = await s.context.newCDPSession(page);
    const worlds: { id: number; name: string; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push({ id: e.context.id, name: e.context.name, origin: e.context.origin }));
    await cdp.send('Runtime.enable');
    await page.goto(PROFILES[0].url);
    await panel.getByRole('heading', { level: 2 }).first().waitFor();
    const world = worlds.find((w) => w.origin === `chrome-extension://${s.extensionId}` || w.name === 'Tiewise');
    expect(world, 'the content script’s isolated world').toBeDefined();
    const logBefore = (await readLog(panel)).length;
    const asks = [
      { type: 'panel:get-tab-state' },
      { type: 'panel:get-tab-state', tabId: 1 },
      { type: 'bg:tab-state-changed', tabId: 1 },
      { type: 'panel:erase-all' },
      // the team book: a site's content script may neither point the book at a server nor read its status
      { type: 'team:connect', config: { url: 'https://evil.example', database: 'loot', user: 'x', password: '' } },
      { type: 'team:get-status' },
    ];
    const answers: string[] = [];
    for (const a of asks) {
      const r = await cdp.send('Runtime.evaluate', {
        contextId: world!.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(a)}).then((r) => JSON.stringify(r ?? null), (e) => 'error: ' + e.message)`,
      });
      answers.push(String(r.result.value));
    }
    for (const a of answers) expect(a).toMatch(/^(null|error: .*)$/);
    await expect.poll(async () => (await readLog(panel)).length - logBefore, { timeout: 15_000 }).toBeGreaterThanOrEqual(asks.length);
    const dropped = (await readLog(panel)).slice(logBefore).filter((l) => l.where === 'background:message');
    expect(dropped.map((l) => l.message).sort()).toEqual([
      'dropped: content-script may not send bg:tab-state-changed',
      'dropped: content-script may not send panel:get-tab-state',
      'dropped: content-script may not send panel:get-tab-state',
      'dropped: content-script may not send team:connect',
      'dropped: content-script may not send team:get-status',
      'dropped: malformed message "panel:erase-all"',
    ]);
    // control: the same world may send what a content script sends (a read of its own page)
    const ok = await cdp.send('Runtime.evaluate', {
      contextId: world!.id, awaitPromise: true, returnByValue: true,
      expression: `chrome.runtime.sendMessage({ type: 'content:page-error', url: location.href, error: 'control' }).then((r) => JSON.stringify(r))`,
    });
    expect(ok.result.value).toBe('{"ok":true}');
    console.log(`messages: ${asks.length} asks for panel data or unknown commands from a content script, ${dropped.length} dropped and logged`);
    await page.close();
  });

  it('a site’s own script cannot message the extension at all', async () => {
    const page = await s.context.newPage();
    await page.goto(PROFILES[0].url);
    const r = await page.evaluate(async (id) => {
      const rt = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      if (!rt?.sendMessage) return 'no chrome.runtime.sendMessage';
      try {
        await rt.sendMessage(id, { type: 'panel:get-tab-state' });
        return 'sent';
      } catch (e) {
        return `error: ${(e as Error).message}`;
      }
    }, s.extensionId);
    expect(r).not.toBe('sent');
    await page.close();
  });
});
