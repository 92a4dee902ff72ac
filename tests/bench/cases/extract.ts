// Extraction speed: each site's extractor on that site's largest page — a ~3 MB page
// grown from a clean fixture of that site (generate-large.ts), so the three sites are
// compared like for like — against one pass over every element of the same document
// (querySelectorAll('*') reading each tagName), the floor for anything that looks at
// the whole page. Interleaved runs, same document, same process.
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../../lib/extract/extract';
import { SITES } from '../../../lib/extract/types';
import { largePages } from '../../fixtures/pages/generate-large';
import { loadFixtures } from '../../fixtures/pages/load';
import { result, timePair, type BenchCase, type BenchResult } from '../harness';

async function run(): Promise<BenchResult[]> {
  const fixtures = loadFixtures().map((f) => ({ name: f.name, html: f.html, url: f.expected.url }));
  for (const big of largePages()) fixtures.push({ name: big.name, html: big.html, url: big.url });
  const out: BenchResult[] = [];
  for (const site of SITES) {
    const mine = fixtures.filter((f) => f.name.startsWith(site + '/'));
    if (!mine.length) continue;
    const f = mine.reduce((a, b) => (b.html.length > a.html.length ? b : a));
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
    out.push(
      result({
        name: `extract ${site} (largest fixture: ${f.name.split('/')[1]}, ${Math.round(f.html.length / 1024)} KB)`,
        value: t.value,
        baseline: t.baseline,
        unit: 'ms',
        better: 'lower',
        target: 2,
        where: 'node+jsdom',
      }),
    );
  }
  return out;
}

const bench: BenchCase = { id: 'extract', run };
export default bench;
