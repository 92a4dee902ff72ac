// Node-only: used by `npm start`, the end-to-end suite and the bench.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Launches Debian's Chromium headless with the built extension loaded, in a fresh
// profile, and serves saved pages under the sites' real host names so the
// manifest's match patterns fire. Every request the browser makes is recorded.

export const EXTENSION_DIR = resolve(process.env.TIEWISE_EXTENSION_DIR ?? '.output/chrome-mv3');
export const FIXTURES = resolve('tests/fixtures/pages');
/** The sites' own hosts, which the sessions below serve saved pages under. */
const SITE_HOST = /(?:^|\.)(?:linkedin\.com|facebook\.com|vk\.com|vk\.ru)$/;

export function chromiumPath(): string {
  const candidates = [process.env.TIEWISE_CHROMIUM, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian\'s chromium (apt-get install chromium) or set TIEWISE_CHROMIUM');
  return found;
}

export interface Session {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** every request the browser made, with the page or worker that made it */
  requests: { url: string; from: string }[];
  /** serve `html` at `url` (any later request to that URL gets it) */
  serve(url: string, html: string): void;
  /** opens the side panel as a page */
  openPanel(): Promise<Page>;
  close(): Promise<void>;
}

export async function launch(opts: {
  locale?: string; headless?: boolean; userDataDir?: string; deviceScaleFactor?: number; extensionDir?: string;
  /** keep Chromium's back/forward cache on, as it is for users (Playwright turns it off) */
  backForwardCache?: boolean;
} = {}): Promise<Session> {
  const EXT = opts.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(EXT, 'manifest.json'))) throw new Error(`Build the extension first (${EXT} is missing): npx wxt build`);
  const dir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'tiewise-e2e-'));
  const lang = opts.locale ?? 'en-US';
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    locale: lang,
    viewport: { width: 1100, height: 900 },
    ...(opts.backForwardCache && { ignoreDefaultArgs: ['--disable-back-forward-cache'] }),
    // 2 with a halved viewport is what a user at 200% zoom sees
    deviceScaleFactor: opts.deviceScaleFactor,
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      `--lang=${lang}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const requests: Session['requests'] = [];
  context.on('request', (r) => {
    let from = 'unknown';
    try {
      from = r.frame().url();
    } catch {
      from = 'worker';
    }
    requests.push({ url: r.url(), from });
  });
  // Every other host (the saved pages' images and styles on the sites' CDNs) is answered
  // at once with nothing: asked of this machine's resolver, such a request sometimes took
  // 5 s, once over 30 s, to fail, and a page's load event waited for it. Loopback stays
  // open (the team-book tests' server); a route added later (a test's own) comes first.
  await context.route(
    (u) => /^https?:$/.test(u.protocol) && !SITE_HOST.test(u.hostname) && !/^(?:localhost|127\.0\.0\.1|\[::1\])$/.test(u.hostname),
    (route) => route.abort('blockedbyclient'),
  );
  const pages = new Map<string, string>();
  await context.route((u) => u.protocol === 'https:' && SITE_HOST.test(u.hostname), (route) => {
    const url = route.request().url();
    const html = pages.get(url) ?? pages.get(url.split('#')[0]);
    if (html === undefined) return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>Not found</title><h1>Not found</h1>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context, extensionId, worker, requests,
    serve: (url, html) => pages.set(url, html),
    async openPanel() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
      return page;
    },
    async close() {
      await context.close();
      if (!opts.userDataDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Loads the demo book through the panel's own first-run button. */
export async function loadDemo(panel: Page, label: RegExp = /demo book|демо-баз/i): Promise<void> {
  await panel.getByRole('button', { name: label }).click();
  await panel.getByRole('button', { name: label }).waitFor({ state: 'detached' });
}

interface FixtureInfo { file: string; url: string; lang: string | null; kind: string }

/** Every saved page with its expected result's URL, language and kind. */
export function fixtureIndex(): FixtureInfo[] {
  if (!existsSync(FIXTURES)) return [];
  const out: FixtureInfo[] = [];
  const files = (readdirSync(FIXTURES, { recursive: true }) as string[]).filter((n) => n.endsWith('.expected.json')).sort();
  for (const f of files) {
    const exp = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { url?: string; lang?: string | null; kind?: string };
    const file = f.replace(/\.expected\.json$/, '.html');
    if (exp.url && existsSync(join(FIXTURES, file))) out.push({ file, url: exp.url, lang: exp.lang ?? null, kind: exp.kind ?? 'profile' });
  }
  return out;
}

/**
 * Serves each saved page under the URL it was saved from. Where several pages
 * share a URL (a profile, its login wall, its other-language twin), the profile
 * in the UI language `lang` wins.
 */
export function serveFixtures(session: Session, lang = 'en'): string[] {
  const rank = (f: FixtureInfo) => (f.kind === 'profile' ? 2 : 0) + (f.lang === lang ? 1 : 0);
  const byUrl = new Map<string, FixtureInfo>();
  for (const f of fixtureIndex()) {
    const cur = byUrl.get(f.url);
    if (!cur || rank(f) > rank(cur)) byUrl.set(f.url, f);
  }
  for (const [url, f] of byUrl) session.serve(url, fixture(f.file));
  return [...byUrl.keys()];
}
