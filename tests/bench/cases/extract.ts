// Extraction speed, per site, on two pages:
// - the largest page of our own fixtures — a ~3 MB page grown from a clean fixture of
//   that site (generate-large.ts), so the three sites are compared like for like;
// - the largest real-structure fixture of that site (tests/fixtures/real/<site>/,
//   real pages' structure with invented people; a person's page, not a negative case,
//   when there is one), picked at run time; a site without one yet is said so on
//   stderr and skipped.
// Each against one pass over every element of the same document
// (querySelectorAll('*') reading each tagName), the floor for anything that looks at
// the whole page. Interleaved runs, same document, same process. The ratio is not
// rounded: 2.004× is a miss.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../../lib/cli/extract';
import { extractPage } from '../../../lib/extract/extract';
import { SITES, type Site } from '../../../lib/extract/types';
import { largePages } from '../../fixtures/pages/generate-large';
import { loadFixtures } from '../../fixtures/pages/load';
import { timePair, type BenchCase, type BenchResult } from '../harness';

interface Page {
  name: string;
  html: string;
  url: string;
  bytes: number;
}

const REAL = join(process.cwd(), 'tests/fixtures/real');

/** The largest real-structure fixture of `site` with a readable sidecar (a profile over a negative case), or null. */
function largestReal(site: Site): Page | null {
  const dir = join(REAL, site);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /\.html?$/i.test(f));
  } catch {
    return null;
  }
  const pages: (Page & { negative: boolean })[] = [];
  for (const f of files) {
    try {
      const car = JSON.parse(readFileSync(join(dir, f.replace(/\.html?$/i, '.json')), 'utf8')) as { url?: unknown; expected?: { negative_case?: unknown } };
      if (typeof car.url !== 'string') continue;
      const raw = readFileSync(join(dir, f));
      pages.push({ name: `${site}/${f}`, html: decodeHtml(raw), url: car.url, bytes: statSync(join(dir, f)).size, negative: car.expected?.negative_case === true });
    } catch {
      /* no or broken sidecar: not a page the suite scores either */
    }
  }
  const pool = pages.some((p) => !p.negative) ? pages.filter((p) => !p.negative) : pages;
  return pool.length ? pool.reduce((a, b) => (b.bytes > a.bytes ? b : a)) : null;
}

async function measure(site: Site, f: Page, what: string): Promise<BenchResult> {
  const doc = new JSDOM(f.html, { url: f.url, virtualConsole: new VirtualConsole() }).window.document;
  let sink = 0;
  extractPage(doc, f.url); // warm up the selector caches, as a long-lived content script would be
  const t = await timePair(
    () => {
      sink += extractPage(doc, f.url).kind.length;
    },
    () => {
      for (const el of Array.from(doc.querySelectorAll('*'))) sink += el.tagName.length;
    },
    15,
  );
  if (sink < 0) console.log(sink);
  doc.defaultView?.close();
  return {
    name: `extract ${site} (${what}: ${f.name.split('/')[1]}, ${Math.round(f.bytes / 1024)} KB)`,
    value: t.value,
    baseline: t.baseline,
    unit: 'ms',
    ratio: t.value / t.baseline,
    target: 2,
    better: 'lower',
    where: 'node+jsdom',
  };
}

async function run(): Promise<BenchResult[]> {
  const fixtures: Page[] = loadFixtures().map((f) => ({ name: f.name, html: f.html, url: f.expected.url, bytes: Buffer.byteLength(f.html) }));
  for (const big of largePages()) fixtures.push({ name: big.name, html: big.html, url: big.url, bytes: Buffer.byteLength(big.html) });
  const out: BenchResult[] = [];
  for (const site of SITES) {
    const mine = fixtures.filter((f) => f.name.startsWith(site + '/'));
    if (mine.length) out.push(await measure(site, mine.reduce((a, b) => (b.bytes > a.bytes ? b : a)), 'largest fixture'));
    const real = largestReal(site);
    if (real) out.push(await measure(site, real, 'largest real-structure fixture'));
    else process.stderr.write(`  extract ${site}: no real-structure fixture in tests/fixtures/real/${site}/ yet, skipped\n`);
  }
  return out;
}

const bench: BenchCase = { id: 'extract', run };
export default bench;
