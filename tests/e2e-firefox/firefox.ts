// Node-only: the Firefox end-to-end harness (recipe: shared docs/testing-firefox.md).
// Debian's firefox-esr, headless, driven by puppeteer-core over WebDriver BiDi;
// the built extension (.output/firefox-mv2) installed as a temporary add-on
// with a moz-extension UUID fixed by a pref; every request Firefox makes (site
// pages, extension, Firefox itself) goes through one local proxy (PAC), which
// serves saved pages under the sites' real host names over TLS and logs all.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_EXTENSION_DIR = resolve(process.env.TIEWISE_FIREFOX_EXTENSION_DIR ?? join(process.env.TIEWISE_OUT_DIR ?? '.output', 'firefox-mv2'));
export const GECKO_ID = 'tiewise@tiewise.app';

export function firefoxPath(): string {
  const found = [process.env.TIEWISE_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
  if (!found) throw new Error("No Firefox found: install Debian's firefox-esr (apt-get install firefox-esr) or set TIEWISE_FIREFOX");
  return found;
}

/**
 * Sets a tab's viewport. Puppeteer sends WebDriver BiDi's viewport and screen-orientation
 * commands together; Firefox ESR 140 knows only the first ("unknown command
 * emulation.setScreenOrientationOverride"), so that refusal is let pass — and the size
 * checked, so a viewport that was not set still fails the test.
 */
export async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (e) {
    if (!String(e).includes('setScreenOrientationOverride')) throw e;
  }
  let width = 0;
  for (let i = 0; i < 40 && width !== size.width; i++) {
    if (i) await new Promise((r) => setTimeout(r, 50));
    width = await page.evaluate(() => window.innerWidth);
  }
  if (width !== size.width) throw new Error(`viewport ${size.width} px asked, ${width} px set`);
}

// Waiting and clicking through `page.evaluate` only (WebDriver BiDi's script.callFunction).
// Puppeteer's locators and waitForFunction run helpers it builds with Function() in the
// page, which an extension page's CSP refuses in Firefox ESR 140 ("call to Function()
// blocked by CSP"), and its ARIA selectors need a BiDi locator ESR 140 lacks.

/** Polls `fn(arg)` in the page until it returns something truthy; that value. */
export async function until<A, T>(page: Page, fn: (arg: A) => T, arg: A, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await page.evaluate(fn as unknown as (a: unknown) => T, arg as unknown).catch(() => undefined);
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the page shows `t` in some element's text. */
export function waitText(page: Page, t: string, timeoutMs = 15_000): Promise<unknown> {
  return until(page, (x) => (document.body?.textContent ?? '').includes(x), t, `the text "${t}"`, timeoutMs);
}

/**
 * In the page: the element of `role` (button, textbox, searchbox, or any ARIA role) whose
 * accessible name — aria-label, aria-labelledby, a <label for>, else its text — is
 * `name`, not disabled; clicked when `click`. (No inner named functions: the test
 * runner's transform would wrap them in a helper the page does not have.)
 */
function findNamed([role, name, click]: readonly [string, string, boolean]): { x: number; y: number } | null {
  const sel =
    role === 'button' ? 'button, [role=button]'
    : role === 'textbox' ? 'textarea, input:not([type]), input[type=text], [role=textbox]'
    : role === 'searchbox' ? 'input[type=search], [role=searchbox]'
    : `[role=${role}]`;
  for (const e of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
    let n = e.getAttribute('aria-label')?.trim() ?? '';
    const by = e.getAttribute('aria-labelledby');
    if (!n && by) n = by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    if (!n && e.id) n = document.querySelector(`label[for="${CSS.escape(e.id)}"]`)?.textContent?.trim() ?? '';
    if (!n) n = (e.textContent ?? '').trim();
    if (n !== name || (e as HTMLButtonElement).disabled) continue;
    if (role === 'textbox' || role === 'searchbox') e.focus();
    e.scrollIntoView({ block: 'center' });
    const r = e.getBoundingClientRect();
    if (click && (r.width === 0 || r.height === 0)) continue;
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return null;
}

/** Waits for the element of `role` named `name`. */
export async function waitNamed(page: Page, role: string, name: string, timeoutMs = 15_000): Promise<void> {
  await until(page, findNamed, [role, name, false] as const, `${role} "${name}"`, timeoutMs);
}

/** Clicks the button named `name` once it is there and enabled, with the mouse (a user's click: permission requests need one). */
export async function clickButton(page: Page, name: string, timeoutMs = 15_000): Promise<void> {
  const at = await until(page, findNamed, ['button', name, true] as const, `button "${name}"`, timeoutMs);
  await page.mouse.click(at.x, at.y);
}

/** Types `value` into the textbox (or searchbox) named `name`: focused, then the keyboard. */
export async function typeInto(page: Page, role: 'textbox' | 'searchbox', name: string, value: string, timeoutMs = 15_000): Promise<void> {
  await until(page, findNamed, [role, name, false] as const, `${role} "${name}"`, timeoutMs);
  await page.keyboard.type(value);
}

export interface Logged { method: string; url: string; at: number }

export interface FirefoxSession {
  browser: Browser;
  uuid: string;
  /** moz-extension://<uuid>/ */
  origin: string;
  /** every request that reached the proxy, in order (CONNECTs too, as CONNECT host:port) */
  requests: Logged[];
  /** lines the extension's pages and background printed with console.* (Firefox's stdout) */
  stdout: string[];
  serve(url: string, html: string): void;
  /** a new window (a tab behind another is throttled: every page gets its own window) */
  window(): Promise<Page>;
  /** navigates `page` to an extension page (page.goto cannot: no BiDi events for moz-extension) */
  gotoExt(page: Page, path: string): Promise<void>;
  reloadExt(page: Page): Promise<void>;
  /** evaluates `expression` in Firefox's own (chrome) window, with system access */
  chrome<T = unknown>(expression: string): Promise<T>;
  /** errors (and CSP reports) Firefox's console service holds from moz-extension: sources */
  extensionConsole(): Promise<{ errors: string[]; warnings: string[] }>;
  setLanguages(accept: string): Promise<void>;
  /** a PNG of Firefox's own window (toolbar, sidebar and tab), as the user would see it */
  screenshotWindow(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A throwaway self-signed pair (any name: Firefox runs with acceptInsecureCerts). */
function tlsPair(dir: string): { key: Buffer; cert: Buffer } {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=tiewise-e2e'], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function launchFirefox(opts: { languages?: string } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the Firefox extension first (${FIREFOX_EXTENSION_DIR} is missing): npx wxt build -b firefox`);
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-ff-'));
  const pages = new Map<string, string>();
  const requests: Logged[] = [];
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url?.startsWith('http') ? req.url : `https://${req.headers.host}${req.url}`;
    requests.push({ method: req.method ?? 'GET', url, at: Date.now() });
    const html = pages.get(url) ?? pages.get(url.split('#')[0]);
    res.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  };
  const tls = https.createServer(tlsPair(dir), serve);
  const proxy = http.createServer(serve).on('connect', (req, sock, head) => {
    requests.push({ method: 'CONNECT', url: req.url ?? '', at: Date.now() });
    sock.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) sock.unshift(head);
    tls.emit('connection', sock);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as AddressInfo).port;
  const pac = `function FindProxyForURL(u, h) { return "PROXY 127.0.0.1:${port}"; }`;
  const uuid = randomUUID();
  const downloads = join(dir, 'downloads');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access', '--width=1100', '--height=900'],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': 'data:text/plain,' + encodeURIComponent(pac),
      'intl.accept_languages': opts.languages ?? 'en-US, en',
      'devtools.console.stdout.content': true,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      // Firefox's captive-portal and connectivity probes (detectportal.firefox.com): not the extension's, and not wanted in the request log
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const stdout: string[] = [];
  let buf = '';
  browser.process()?.stdout?.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    const lines = buf.split('\n');
    buf = lines.pop() ?? '';
    for (const l of lines) if (l.startsWith('console.')) stdout.push(l);
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const bidi = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
  const ctxOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;
  const origin = `moz-extension://${uuid}/`;
  // Firefox's own scope: WebDriver BiDi in Firefox ESR 140.12 has no chrome contexts (its
  // browsingContext.getTree ignores 'moz:scope'), but a privileged page in a tab runs with
  // the system principal and sees what the browser window sees (Services, ChromeUtils).
  // The first window's tab holds it: the oldest window, so the windows the tests open stay
  // the most recent ones (Services.wm.getMostRecentWindow).
  const [first] = await browser.pages();
  await bidi.send('browsingContext.navigate', { context: ctxOf(first), url: 'about:preferences', wait: 'complete' });
  const chrome = async <T>(expression: string): Promise<T> => {
    const r = (await bidi.send('script.evaluate', { target: { context: ctxOf(first) }, awaitPromise: true, expression: `(async () => JSON.stringify(await (async () => { ${expression} })()))()` })).result as { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    if (r.type === 'exception') throw new Error(`chrome script: ${r.exceptionDetails?.text}`);
    return r.result?.value === undefined ? (undefined as T) : (JSON.parse(r.result.value) as T);
  };
  return {
    browser, uuid, origin, requests, stdout,
    serve: (url, html) => void pages.set(url, html),
    window: () => browser.newPage({ type: 'window' }),
    async gotoExt(page, path) {
      await bidi.send('browsingContext.navigate', { context: ctxOf(page), url: origin + path, wait: 'complete' });
    },
    async reloadExt(page) {
      await bidi.send('browsingContext.reload', { context: ctxOf(page), wait: 'complete' });
    },
    chrome,
    async extensionConsole() {
      return chrome<{ errors: string[]; warnings: string[] }>(`
        const all = Services.console.getMessageArray().filter((m) => m instanceof Ci.nsIScriptError && String(m.sourceName).startsWith('moz-extension:'));
        const line = (m) => m.sourceName + ':' + m.lineNumber + ' ' + m.errorMessage;
        return { errors: all.filter((m) => !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag)).map(line),
                 warnings: all.filter((m) => m.flags & Ci.nsIScriptError.warningFlag).map(line) };`);
    },
    async setLanguages(accept) {
      await chrome(`Services.prefs.setCharPref('intl.accept_languages', ${JSON.stringify(accept)}); return true;`);
    },
    async screenshotWindow(path) {
      // BiDi cannot capture a chrome-scope context; the window global draws itself, out-of-process frames included
      const url = await chrome<string>(`
        const win = Services.wm.getMostRecentWindow('navigator:browser');
        const bmp = await win.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = win.document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bmp.width; canvas.height = bmp.height;
        canvas.getContext('2d').drawImage(bmp, 0, 0);
        return canvas.toDataURL('image/png');`);
      writeFileSync(path, Buffer.from(url.replace(/^data:image\/png;base64,/, ''), 'base64'));
    },
    async close() {
      await browser.close().catch(() => undefined);
      proxy.close();
      tls.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
