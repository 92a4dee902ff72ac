// Extraction speed in Chromium, on the pages users have open:
// - each site's largest real-structure fixture (tests/fixtures/real/<site>/: real
//   pages' structure with invented people; a person's page over a negative case);
// - a long LinkedIn 2026 profile: the largest real-structure LinkedIn page with
//   hundreds of Activity posts INSIDE the profile column (main), as a long Activity
//   section is, where the reader cannot skip them as it skips sidebars;
// - a long Facebook profile: the largest real-structure Facebook page with hundreds of
//   other people's posts in its timeline (inside the profile column), as a timeline
//   scrolled down has them (tests/fixtures/real/pages.ts, longFacebook);
// - a long VK profile: the largest real-structure VK page with a wall of hundreds of
//   friends' posts and replies beside the profile's info (longVk).
//
// What is timed is what the content script does on each read (entrypoints/reader/
// follow.ts): the URL's check, the site's reader (its identity check first), the JSON of the result (its
// change check) — the site's reader bundled and minified as it ships (one IIFE per
// site, lib/extract/<site>.ts, minified by terser with the content scripts' options). Its baseline is one `querySelectorAll('*')` pass over
// the same document reading each element's tagName: the floor for anything that
// looks at the whole page once; a reader that costs less than it touches less than
// the page.
//
// Fair to both: each side runs in a fresh headless Chromium (Debian's, through
// playwright-core; no extension loaded, so no content script competes), the page
// served under its real URL with nothing else (no site scripts, images or styles
// fetched), order alternated round by round, a warm-up round dropped, 5 kept
// rounds (TIEWISE_BENCH_ROUNDS); medians with min–max spread; ratios never rounded. The page is
// cross-origin isolated (COOP/COEP) so performance.now() has 5 µs resolution, not 100.
//
// Per page and round, in each browser: the profile column's later half is held back
// (late rendering: the top card first, the sections later); the first read runs on
// the partial page (cold: the reader's code not yet compiled), then the held-back
// nodes are added and the re-read the follow loop would do is timed, then 7 more
// reads of the whole page (warm). As in follow.ts, the first read and the re-read run
// just after the browser drew a frame (afterFrame): a read right after a change would
// also time the browser's own style pass, which the read's visibility checks force
// (515 ms on the long page) and which follow.ts leaves to the frame it waits for. And as
// in follow.ts they run in slices (the reader yields between fields; a slice ends once
// 5 ms have passed, the next one once the page has had its turn — a timer; the
// page does not change meanwhile here, so no frame is waited for): their time is the sum
// of their slices, and the longest slice is the longest the read held the page. The baseline
// side does the same with its pass (one slice: it has no steps). Warm reads run whole.
// Rows per page: warm read vs pass (target ≤ 1×), the re-read after late rendering vs
// a pass over the grown page (≤ 1×), and the longest task of any read of the round
// (a slice of the cold read or the re-read, or a whole warm read) against one frame's
// 16 ms (≤ 1×).
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { minify } from 'terser';
import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from '../../../tools/browser';
import { SITES, type Site } from '../../../lib/extract/types';
import { FACEBOOK_MOBILE_HOSTS } from '../../../lib/extract/urls';
import { largestReal, longFacebook, longLinkedIn, longVk, type RealPage as Page } from '../../fixtures/real/pages';
import { alternate, result, type BenchCase, type BenchResult } from '../harness';
import { CONTENT_SCRIPT_TERSER } from '../../../wxt.config';

/** Rounds kept per page: a read takes under a millisecond, so a round's figure moves with the host; five give a steadier median. */
const ROUNDS = Number(process.env.TIEWISE_BENCH_ROUNDS ?? 5);
const WARMUP = 1;
const WARM_READS = 7;
const FRAME_MS = 16;
/** follow.ts's SLICE_MS: a slice ends at the first step boundary after this long */
const SLICE_MS = 5;
/** Activity posts in the long LinkedIn profile, timeline posts in the long Facebook one, wall posts in the long VK one. */
const LONG_POSTS = 400;

const READER: Record<Site, string> = { linkedin: 'readLinkedIn', facebook: 'readFacebook', vk: 'readVk' };

/**
 * The reader as the content script that reads `url` is built: Facebook's www script with its
 * desktop layouts, its mobile hosts' with the mobile ones (wxt.config.ts, entrypoints/facebook*.content.ts).
 */
async function readerCode(site: Site, url: string): Promise<string> {
  const layout = site !== 'facebook' ? undefined : FACEBOOK_MOBILE_HOSTS.includes(new URL(url).hostname) ? 'mobile' : 'desktop';
  const out = await build({
    stdin: {
      contents:
        `import { ${READER[site]} as readPage } from '@/lib/extract/${site}';\n` +
        `import { ${site}ProfileUrl as profileUrl } from '@/lib/extract/urls';\n` +
        // what follow.ts's read() does, without the message: the URL's check, the reader's steps (its first is
        // the identity check), the change check
        `globalThis.__benchSteps = function* () { const url = location.href; profileUrl(url); const x = yield* readPage(document, url); return (url + JSON.stringify(x)).length; };\n`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true, format: 'iife', write: false, platform: 'browser', target: 'es2022',
    alias: { '@': resolve('.') }, logLevel: 'silent',
    ...(layout ? { define: { __TIEWISE_FACEBOOK__: JSON.stringify(layout) } } : {}),
  });
  // minified as the content scripts' build does it (wxt.config.ts)
  const { code } = await minify(out.outputFiles[0].text, CONTENT_SCRIPT_TERSER);
  if (!code) throw new Error(`terser gave nothing for the ${site} reader`);
  return code;
}

// one step: the pass has nothing to yield between
const PASS = `globalThis.__benchSteps = function* () { let n = 0; for (const el of document.querySelectorAll('*')) n += el.tagName.length; return n; };`;

interface Round {
  /** first read, on the partial page */
  cold: number;
  /** the cold read's slices (ms each) */
  coldSlices: number[];
  /** the re-read's slices */
  rereadSlices: number[];
  /** the read after the held-back half was added */
  reread: number;
  /** median of the warm reads of the whole page */
  warm: number;
  /** the longest task of a read: a slice of the cold read or the re-read, or a whole warm read */
  max: number;
  /** elements on the whole page */
  elements: number;
}

/**
 * Timed inside the page (plain JS: tsx would wrap a function's names in helpers the
 * page does not have). The profile column: from main (or the body) down while one
 * child holds most of it; its later half of children is held back, then added.
 */
const MEASURE = `(async () => {
  const now = () => performance.now();
  // as follow.ts's afterFrame: each read runs just after a drawn frame (the page is visible)
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  let sink = 0;
  let col = document.querySelector('main') || document.body;
  for (;;) {
    const total = col.getElementsByTagName('*').length;
    const big = Array.from(col.children).find((k) => k.getElementsByTagName('*').length > total * 0.8);
    if (!big) break;
    col = big;
  }
  const kids = Array.from(col.children);
  const marks = kids.slice(Math.ceil(kids.length / 2)).map((k) => {
    const m = document.createComment('');
    k.replaceWith(m);
    return [m, k];
  });
  if (document.visibilityState !== 'visible') throw new Error('the page is hidden: no frames, unlike the tab a user reads');
  let max = 0;
  // as follow.ts reads: slices of up to ${SLICE_MS} ms, the first just after a drawn frame, the next ones once
  // the page has had its turn; the read's time is the sum of its slices
  const turn = () => new Promise((r) => setTimeout(r, 0));
  const slices = [];
  const sliced = async () => {
    const steps = __benchSteps();
    let spent = 0;
    await frame();
    for (let first = true; ; first = false) {
      if (!first) await turn();
      const t = now();
      const until = t + ${SLICE_MS};
      let r;
      do r = steps.next(); while (!r.done && now() < until);
      const d = now() - t;
      spent += d;
      slices.push(d);
      if (d > max) max = d;
      if (r.done) { sink += r.value; return spent; }
    }
  };
  const whole = () => {
    const steps = __benchSteps();
    for (;;) { const r = steps.next(); if (r.done) return r.value; }
  };
  const cold = await sliced();
  const coldSlices = slices.splice(0);
  for (const [m, k] of marks) m.replaceWith(k);
  const reread = await sliced();
  const warm = [];
  for (let i = 0; i < ${WARM_READS}; i++) {
    const t = now();
    sink += whole();
    const d = now() - t;
    warm.push(d);
    if (d > max) max = d;
  }
  globalThis.__sink = sink;
  const med = [...warm].sort((a, b) => a - b)[Math.floor(warm.length / 2)];
  return { cold, coldSlices, rereadSlices: slices, reread, warm: med, max, elements: document.getElementsByTagName('*').length };
})()`;

/** One side of one round: a fresh browser, the page, the reads timed inside the page. */
async function side(page: Page, code: string): Promise<Round> {
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) =>
      route.request().url() === page.url
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: {
              'Cross-Origin-Opener-Policy': 'same-origin',
              'Cross-Origin-Embedder-Policy': 'require-corp',
              // the page's own scripts stay off (a saved page's are dead code without their
              // site); scripting stays on, so <noscript> is what a browser makes of it
              'Content-Security-Policy': "script-src 'none'",
            },
            body: page.html,
          })
        : route.abort(),
    );
    const tab = await context.newPage();
    await tab.goto(page.url, { waitUntil: 'load' });
    // the reader comes in from outside, as a content script does (the page's CSP does not apply)
    await tab.evaluate(code);
    return (await tab.evaluate(MEASURE)) as Round;
  } finally {
    await browser.close();
  }
}

async function measure(page: Page, reader: string): Promise<BenchResult[]> {
  // each side keeps all its figures per kept round; alternate() pairs the rounds
  const value: Round[] = [];
  const base: Round[] = [];
  await alternate(
    async (i) => { const r = await side(page, reader); if (i >= WARMUP) value.push(r); return r.warm; },
    async (i) => { const r = await side(page, PASS); if (i >= WARMUP) base.push(r); return r.warm; },
    { rounds: ROUNDS, warmup: WARMUP },
  );
  const label = `${page.name.split('/')[1]}, ${value[0].elements.toLocaleString('en')} elements`;
  const pass = 'one querySelectorAll(\'*\') pass over the same page, reading each tagName: the floor for looking at the whole page once';
  const row = (what: string, values: number[], baselines: number[], baselineIs: string, note?: string): BenchResult =>
    result({ name: `extract ${page.site}: ${what} (${label})`, unit: 'ms', target: 1, better: 'lower', where: 'chromium', baselineIs, samples: { values, baselines }, ...(note ? { note } : {}) });
  return [
    row('read', value.map((r) => r.warm), base.map((r) => r.warm), pass,
      `median of ${WARM_READS} reads after the first two; the cold first read (partial page) took ${fmtList(value.map((r) => r.cold))} ms, in slices of ${value.map((r) => fmtList(r.coldSlices)).join(' | ')} ms`),
    row('re-read after late rendering', value.map((r) => r.reread), base.map((r) => r.reread), pass + ', after the same nodes were added',
      `in slices of ${value.map((r) => fmtList(r.rereadSlices)).join(' | ')} ms`),
    row('longest task of a read', value.map((r) => r.max), value.map(() => FRAME_MS), `one frame (${FRAME_MS} ms): a read must not hold the page's main thread longer at a time`),
  ];
}

function fmtList(xs: number[]): string {
  return xs.map((x) => x.toFixed(2)).join(' / ');
}

async function run(): Promise<BenchResult[]> {
  const pages: Page[] = [];
  for (const site of SITES) {
    const real = largestReal(site);
    if (real) pages.push(real);
    else process.stderr.write(`  extract ${site}: no real-structure fixture in tests/fixtures/real/${site}/ yet, skipped\n`);
  }
  if (pages.some((p) => p.site === 'linkedin')) pages.push(longLinkedIn(LONG_POSTS));
  if (pages.some((p) => p.site === 'facebook')) pages.push(longFacebook(LONG_POSTS));
  if (pages.some((p) => p.site === 'vk')) pages.push(longVk(LONG_POSTS));
  const only = process.env.TIEWISE_BENCH_EXTRACT_PAGES; // e.g. "linkedin" or "generated": a quick look at some pages
  const code = new Map<string, string>();
  const out: BenchResult[] = [];
  for (const p of pages) {
    if (only && !p.name.includes(only)) continue;
    const key = `${p.site} ${new URL(p.url).hostname}`;
    if (!code.has(key)) code.set(key, await readerCode(p.site, p.url));
    out.push(...(await measure(p, code.get(key)!)));
  }
  return out;
}

const bench: BenchCase = { id: 'extract', run };
export default bench;
