import { alternate, benchPage, bundle, inFreshBrowser, result, type BenchCase, type BenchResult } from '../harness';

// Matching one profile read as the panel does it — candidatesFor (lib/db/match.ts):
// the nameKeys and e-mail indexes of the real database in Chromium's IndexedDB —
// against a scan of the contacts store (one getAll, the fastest way to read every
// record) with the same scoring, so both find the same candidates and only the
// search differs. At two book sizes. Both sides query the same database in one
// browser (a read-only query: neither changes the database for the other),
// alternating which goes first, a warm-up round dropped; before each timed side
// the page's garbage is collected (the scan's 20,000–100,000 objects would
// otherwise be collected during whichever query came next: 2–45 ms for one
// 20k-book lookup in one run).

const SIZES = (process.env.TIEWISE_BENCH_MATCH_BOOKS ?? '20000,100000').split(',').map(Number);

type Win = {
  setup(n: number): Promise<string>;
  viaIndex(n: number): Promise<{ ms: number; ids: string[] }>;
  viaScan(n: number): Promise<{ ms: number; ids: string[] }>;
};

const match: BenchCase = {
  id: 'match',
  needs: ['extension'],
  async run() {
    const code = await bundle('tests/bench/browser/match.ts');
    return inFreshBrowser(async (s) => {
      const page = await benchPage(s, code);
      const cdp = await s.context.newCDPSession(page);
      const collected = async <T,>(fn: () => Promise<T>): Promise<T> => {
        await cdp.send('HeapProfiler.collectGarbage');
        return fn();
      };
      const out: BenchResult[] = [];
      for (const n of SIZES) {
        const target = await page.evaluate((k) => (globalThis as unknown as Win).setup(k), n);
        const a = await page.evaluate((k) => (globalThis as unknown as Win).viaIndex(k), n);
        const b = await page.evaluate((k) => (globalThis as unknown as Win).viaScan(k), n);
        const same = a.ids.length === b.ids.length && [...a.ids].sort().join() === [...b.ids].sort().join();
        if (!same || !a.ids.includes(target)) throw new Error(`index and scan disagree at ${n}: ${a.ids.length} vs ${b.ids.length}`);
        const samples = await alternate(
          () => collected(async () => (await page.evaluate((k) => (globalThis as unknown as Win).viaIndex(k), n)).ms),
          () => collected(async () => (await page.evaluate((k) => (globalThis as unknown as Win).viaScan(k), n)).ms),
          { rounds: 5 },
        );
        out.push(result({
          name: `match as the panel does it: 1 profile vs ${n.toLocaleString('en')} contacts in IndexedDB (${a.ids.length} candidates), candidatesFor vs a scan of the contacts store`,
          samples, unit: 'ms', better: 'higher', target: 50, where: 'chromium-indexeddb',
          baselineIs: 'every contact read with one getAll and scored with the same scoring: the scan a competent engineer writes without indexes; both return the same candidates',
        }));
      }
      return out;
    });
  },
};
export default match;
