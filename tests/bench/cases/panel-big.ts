import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, serveFixtures, type Session } from '@/tools/browser';
import { bundle, result, stats, type BenchCase, type BenchResult } from '../harness';

// The panel on a big book: from the profile page's load event to the full card
// (the tie, small talk and cross-sell sections all shown) for a customer linked
// to that profile, in a book of N contacts and 5N purchases
// (tests/bench/gen-book.ts, written straight into the extension's database).
// Cold: a fresh browser (a copy of the seeded profile), the panel just opened,
// then the profile loads. Warm: the same panel, the profile loaded again.
// Long tasks: every task over 50 ms on the panel's main thread while it opens
// and shows both (PerformanceObserver 'longtask'). Against fixed budgets: cold
// 300 ms, warm 100 ms, a task 50 ms (what a user feels as instant / a stall).
// Beside the cold figure, the browser's own share of it: in another fresh copy of the
// same profile (order alternated with the panel's), a page of the extension's origin
// that runs none of its code times the first indexedDB.open of the book and one read
// by key — what any code would wait for before it could show a stored contact. It
// varies with the seeded database's on-disk state and the machine, and explains most
// of the cold figure's spread from run to run.

const OLGA = 'https://www.facebook.com/olga.smirnova';
const BOOKS = (process.env.TIEWISE_BENCH_PANEL_BOOKS ?? '20000,100000').split(',').map(Number);
const ROUNDS = Number(process.env.TIEWISE_BENCH_ROUNDS ?? 3);
const NOW = Date.now();

declare global {
  interface Window {
    __cardAt?: number;
    __long?: number[];
    seedBook?(o: unknown): Promise<{ contactId: string; name: string; ms: number }>;
  }
}

async function openPanel(s: Session): Promise<Page> {
  const panel = await s.context.newPage();
  await panel.addInitScript(`window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });`);
  await panel.goto(`chrome-extension://${s.extensionId}/sidepanel.html`);
  return panel;
}

/** Marks, inside the panel, the moment the card for `name` has its tie, small talk and cross-sell. */
async function armCardWatch(panel: Page, name: string): Promise<void> {
  // a string, not a function: tsx's name helper does not exist in the page
  await panel.evaluate(`(() => {
    const who = ${JSON.stringify(name)};
    window.__cardAt = undefined;
    const titled = (card, title) => [...card.querySelectorAll('h2, h3')].find((h) => h.textContent.trim() === title)?.closest('section');
    const check = () => {
      if (window.__cardAt) return;
      const card = document.querySelector('article.card[aria-label="' + CSS.escape(who) + '"]');
      if (!card) return;
      const tie = titled(card, 'The tie');
      if (!tie || !tie.querySelector('.tag-line') || !titled(card, 'Small talk') || !titled(card, 'Cross-sell and up-sell')) return;
      window.__cardAt = performance.timeOrigin + performance.now();
      obs.disconnect();
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  })()`);
}

/**
 * Loads the profile in a new tab; ms from its load event to the full card in the panel
 * (0 when the card came first), and from the navigation's start (what a user waits
 * from the click, the page's own loading included).
 */
async function timeCard(s: Session, panel: Page, name: string): Promise<{ fromLoad: number; fromStart: number }> {
  await armCardWatch(panel, name);
  const page = await s.context.newPage();
  await page.goto(OLGA);
  const [startAt, loadAt] = await page.evaluate(() => [performance.timeOrigin, performance.timeOrigin + (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart]);
  try {
    await panel.waitForFunction(() => window.__cardAt !== undefined, null, { timeout: 120_000, polling: 50 });
  } catch (e) {
    // what the panel shows instead, for the "did not finish" row
    const shown = (await panel.locator('body').innerText().catch(() => '')).replace(/\s+/g, ' ').slice(0, 600);
    // and what the background holds of the tabs' reads (did the page's read arrive, and as what)
    const held = await s.worker
      .evaluate(`chrome.storage.session.get(null).then((all) => JSON.stringify(Object.entries(all).map(([k, v]) =>
        k.startsWith('tab:') ? [k, v.url, v.extraction ? v.extraction.kind + ' ' + (v.extraction.fields?.name?.status ?? '') : 'error ' + v.error] : [k, v])))`)
      .catch((x: unknown) => `(not read: ${String(x)})`);
    throw new Error(`no full card for ${name} in 120 s; the panel shows: ${shown}; the background holds: ${String(held)}`, { cause: e });
  }
  const cardAt = await panel.evaluate(() => window.__cardAt!);
  await page.close();
  return { fromLoad: Math.max(0, cardAt - loadAt), fromStart: cardAt - startAt };
}

/** Another page (not a profile) in front, until the panel no longer shows a card. */
async function away(s: Session, panel: Page): Promise<void> {
  const other = await s.context.newPage();
  await other.goto('https://www.facebook.com/');
  // a function, not a string: a string predicate is compiled with eval in the page once it
  // has to poll, which the extension page's CSP refuses
  await panel.waitForFunction(() => !document.querySelector('article.card'), null, { timeout: 60_000, polling: 50 });
  await other.close();
}

/** Waits until the cross-sell rules are mined and stored (the panel's worker does it on first use). */
async function rulesStored(panel: Page): Promise<void> {
  const stored = `new Promise((ok) => {
    const r = indexedDB.open('tiewise');
    r.onsuccess = () => {
      const g = r.result.transaction('settings').objectStore('settings').get('crossSellRules');
      g.onsuccess = () => { ok(!!g.result); r.result.close(); };
      g.onerror = () => ok(false);
    };
    r.onerror = () => ok(false);
  })`;
  // evaluate awaits the promise (waitForFunction would take the promise itself for a truthy answer)
  for (const t0 = Date.now(); Date.now() - t0 < 600_000; await new Promise((r) => setTimeout(r, 1000))) {
    if (await panel.evaluate(stored)) return;
  }
  throw new Error('the cross-sell rules were not stored within 10 minutes');
}

/** `fn` in a fresh browser on a copy of the seeded profile, closed and deleted after. */
async function inFreshCopy<T>(seedDir: string, fn: (s: Session) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-bench-round-'));
  cpSync(seedDir, dir, { recursive: true });
  const s = await launch({ userDataDir: dir });
  try {
    return await fn(s);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a fresh copy of the seeded profile, no Tiewise code on the page: the first open of the book, then one read by key (ms each). */
function browserFloor(seedDir: string, contactId: string): Promise<[number, number]> {
  return inFreshCopy(seedDir, async (s) => {
    const page = await s.context.newPage();
    // a file of the extension: its origin's IndexedDB, and no script of ours runs there
    await page.goto(`chrome-extension://${s.extensionId}/_locales/en/messages.json`);
    return (await page.evaluate(`new Promise((ok, no) => {
      const t0 = performance.now();
      const r = indexedDB.open('tiewise');
      r.onerror = () => no(r.error);
      r.onsuccess = () => {
        const t1 = performance.now();
        const g = r.result.transaction('contacts').objectStore('contacts').get(${JSON.stringify(contactId)});
        g.onerror = () => no(g.error);
        g.onsuccess = () => { const t2 = performance.now(); r.result.close(); g.result ? ok([t1 - t0, t2 - t1]) : no(new Error('no such contact')); };
      };
    })`)) as [number, number];
  });
}

async function seeded(contacts: number): Promise<{ dir: string; name: string; contactId: string; seedMs: number; first: number; minedMs: number }> {
  const code = await bundle('tests/bench/browser/seed-book.ts');
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-bench-book-'));
  const s = await launch({ userDataDir: dir });
  try {
    const panel = await s.openPanel();
    await panel.getByRole('heading', { name: 'Tiewise' }).waitFor();
    await panel.evaluate(code);
    const r = await panel.evaluate((o) => window.seedBook!(o), { contacts, purchases: contacts * 5, products: 400, url: OLGA, now: NOW });
    // the first open ever: the panel's worker mines the rules and stores them (kept between sessions)
    serveFixtures(s, 'en');
    const fresh = await openPanel(s);
    const first = (await timeCard(s, fresh, r.name)).fromLoad;
    const t0 = Date.now();
    await rulesStored(fresh);
    return { dir, name: r.name, contactId: r.contactId, seedMs: r.ms, first, minedMs: first + Date.now() - t0 };
  } finally {
    await s.close();
  }
}

const panelBig: BenchCase = {
  id: 'panel-big',
  needs: ['extension'],
  async run() {
    const out: BenchResult[] = [];
    for (const n of BOOKS) {
      const seed = await seeded(n);
      process.stderr.write(`  panel-big ${n}: seeded in ${Math.round(seed.seedMs / 1000)} s; card for ${seed.name}; first open ever ${Math.round(seed.first)} ms, rules stored ~${Math.round(seed.minedMs)} ms after the load event\n`);
      const cold: number[] = [];
      const warm: number[] = [];
      const coldStart: number[] = [];
      const warmStart: number[] = [];
      let longest: number[] = [];
      const floorOpen: number[] = [];
      const floorRead: number[] = [];
      try {
        for (let i = 0; i < ROUNDS + 1; i++) {
          // the browser's own share, before the panel's browser in odd rounds, after it in even ones
          const floor = async () => {
            const [o, r] = await browserFloor(seed.dir, seed.contactId);
            if (i > 0) {
              floorOpen.push(o);
              floorRead.push(r);
            }
          };
          if (i % 2 === 1) await floor();
          await inFreshCopy(seed.dir, async (s) => {
            serveFixtures(s, 'en');
            const panel = await openPanel(s);
            const c = await timeCard(s, panel, seed.name);
            await away(s, panel);
            const w = await timeCard(s, panel, seed.name);
            const long = await panel.evaluate(() => window.__long ?? []);
            if (i > 0) {
              cold.push(c.fromLoad);
              warm.push(w.fromLoad);
              coldStart.push(c.fromStart);
              warmStart.push(w.fromStart);
              longest.push(Math.max(0, ...long));
            }
          });
          if (i % 2 === 0) await floor();
        }
      } finally {
        rmSync(seed.dir, { recursive: true, force: true });
      }
      const span = (xs: number[]) => `${Math.round(stats(xs).median)} ms [${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}]`;
      const book = `${n.toLocaleString('en')} contacts, ${(n * 5).toLocaleString('en')} purchases`;
      const where = 'chromium+extension, fresh browser (copy of the seeded profile) per round';
      out.push(result({
        name: `panel, ${book}: load event → full card (tie, small talk, cross-sell), cold (panel just opened) vs a 300 ms budget`,
        samples: { values: cold, baselines: cold.map(() => 300) }, unit: 'ms', better: 'lower', target: 1, where,
        baselineIs: 'a fixed 300 ms budget for a panel just opened (the issue\'s target)',
        note: `from the profile's navigation start: ${span(coldStart)}; the browser's own share, in a fresh copy of the same profile with no Tiewise code on the page: the book's first indexedDB.open ${span(floorOpen)}, then one read by key ${span(floorRead)}`,
      }));
      out.push(result({
        name: `panel, ${book}: load event → full card, warm (the panel already open) vs a 100 ms budget`,
        samples: { values: warm, baselines: warm.map(() => 100) }, unit: 'ms', better: 'lower', target: 1, where,
        baselineIs: 'a fixed 100 ms budget: what reads as instant',
        note: `from the profile's navigation start: ${span(warmStart)} (a 0 from the load event is a card shown before it)`,
      }));
      longest = longest.length ? longest : [0];
      out.push(result({
        name: `panel, ${book}: longest main-thread task while opening (cold + warm) vs the 50 ms long-task budget`,
        samples: { values: longest, baselines: longest.map(() => 50) }, unit: 'ms', better: 'lower', target: 1, where,
        baselineIs: 'the 50 ms long-task budget (RAIL): a longer task delays input',
        note: `median longest task ${Math.round(stats(longest).median)} ms`,
      }));
    }
    return out;
  },
};
export default panelBig;
