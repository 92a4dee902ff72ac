import { alternate, benchPage, bundle, inFreshBrowser, result, type BenchCase } from '../harness';

// Writing 10,000 contacts through the data-access module against raw IndexedDB
// puts of the same objects into a store with the same indexes, in real Chromium
// IndexedDB (a page of the bench's own origin), each side in a fresh browser.

const N = 10_000;

type Win = { runModule(n: number, seed: number): Promise<{ ms: number; stored: unknown[] }>; runRaw(o: unknown[], seed: number): Promise<number> };

const dbWrite: BenchCase = {
  id: 'db-write',
  needs: ['extension'],
  async run() {
    const code = await bundle('tests/bench/browser/db-write.ts');
    // the objects the module stores in a round, for the baseline to write the same
    const stored = new Map<number, unknown[]>();
    const moduleSide = (round: number) => inFreshBrowser(async (s) => {
      const page = await benchPage(s, code);
      const r = await page.evaluate(([n, seed]) => (globalThis as unknown as Win).runModule(n, seed), [N, round] as const);
      stored.set(round, r.stored);
      return r.ms;
    });
    const rawSide = async (round: number) => {
      // the baseline needs the module's objects: in a round where it goes first, they come from a module run in a browser of its own
      if (!stored.has(round)) await moduleSide(round);
      return inFreshBrowser(async (s) => {
        const page = await benchPage(s, code);
        return page.evaluate(([o, seed]) => (globalThis as unknown as Win).runRaw(o, seed), [stored.get(round)!, round] as const);
      });
    };
    const samples = await alternate(moduleSide, rawSide, { rounds: 3 });
    return [result({
      name: `write ${N.toLocaleString('en')} contacts: data-access module vs raw IndexedDB puts`,
      samples, unit: 'ms', better: 'lower', target: 1.5, where: 'chromium-indexeddb, fresh browser per side',
      baselineIs: 'raw IndexedDB puts of exactly the objects the module stored, one transaction, into a store with the same indexes: the storage floor any data layer pays',
    })];
  },
};
export default dbWrite;
