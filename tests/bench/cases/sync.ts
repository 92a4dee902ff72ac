import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '@/tools/browser';
import { startCouch, type Couch } from '../../sync/couch';
import { alternate, bundle, result, type BenchCase, type BenchResult } from '../harness';

// The team book's speed in Chromium against pouchdb-server on 127.0.0.1.
// 1. Initial push: 20,000 contacts with a note each (40,000 documents), the first connect (the book adopts the server database, offering every record) and the engine's
//    whole run (pull, mirror, send in batches of 500 into the replica and, being new,
//    to the server, then the replicator's push of whatever the server did not confirm)
//    against one raw POST _bulk_docs of the same documents: the floor of any client (one
//    request, no replica, no checkpoints). Target ≤ 2×. Each side in a fresh browser and
//    an empty database, the order alternating, a warm-up round dropped.
// 2. Incremental: 100 changed contacts synced with 10,000 and with 100,000 in the book
//    (set up once per size: seeded and fully synced, untimed); the 100k median against the
//    10k median. Target ≤ 1.5×: the cost must not grow with the book.

const PUSH_N = Number(process.env.TIEWISE_BENCH_SYNC_PUSH ?? 20_000);
const SIZES = (process.env.TIEWISE_BENCH_SYNC_SIZES ?? '10000,100000').split(',').map(Number);

type Win = { bench: {
  seed(n: number): Promise<number>;
  push(u: string, user: string, pw: string): Promise<{ ms: number; pushed: number; steps: Record<string, number> }>;
  rawBulk(u: string, user: string, pw: string): Promise<{ ms: number; docs: number }>;
  incremental(u: string, user: string, pw: string, k: number): Promise<{ ms: number; pushed: number }>;
} };

async function inPage<T>(couch: Couch, code: string, fn: (page: import('playwright-core').Page) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-bench-sync-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // the bench page lives on the server's own origin, so both sides' requests are same-origin
    await ctx.route(`${couch.url}/__bench`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    const page = await ctx.newPage();
    await page.goto(`${couch.url}/__bench`);
    await page.addScriptTag({ content: code });
    return await fn(page);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sync: BenchCase = {
  id: 'sync',
  async run(): Promise<BenchResult[]> {
    const couch = await startCouch();
    try {
      await couch.addUser('olga', 'pw-olga');
      const code = await bundle('tests/bench/browser/sync.ts');
      let dbs = 0;
      const fresh = async () => {
        const name = `bench${++dbs}`;
        await couch.createTeamDb(name);
        return `${couch.url}/${name}`;
      };
      let pushed = 0;
      let steps: Record<string, number> = {};
      const samples = await alternate(
        () => inPage(couch, code, async (page) => {
          await page.evaluate((n) => (window as unknown as Win).bench.seed(n), PUSH_N);
          const u = await fresh();
          const r = await page.evaluate((u) => (window as unknown as Win).bench.push(u, 'olga', 'pw-olga'), u);
          pushed = r.pushed;
          steps = r.steps;
          return r.ms;
        }),
        () => inPage(couch, code, async (page) => {
          await page.evaluate((n) => (window as unknown as Win).bench.seed(n), PUSH_N);
          const u = await fresh();
          return (await page.evaluate((u) => (window as unknown as Win).bench.rawBulk(u, 'olga', 'pw-olga'), u)).ms;
        }),
      );
      if (pushed !== PUSH_N * 2) throw new Error(`the engine sent ${pushed} records, not ${PUSH_N * 2}`);
      const out: BenchResult[] = [result({
        name: `sync: initial push, ${PUSH_N.toLocaleString('en')} contacts + notes (${(PUSH_N * 2).toLocaleString('en')} documents), vs one raw _bulk_docs`,
        samples, unit: 'ms', target: 2, better: 'lower', where: 'chromium + pouchdb-server',
        baselineIs: 'one POST _bulk_docs of exactly the documents the engine sends, from the same page: the floor of any client (no local replica, no revision bookkeeping, no checkpoints, one request)',
        note: `last round's steps: ${Object.entries(steps).map(([k, v]) => `${k} ${Math.round(v)} ms`).join(', ')}`,
      })];

      const per: Record<number, number[]> = {};
      for (const n of SIZES) {
        per[n] = await inPage(couch, code, async (page) => {
          await page.evaluate((n) => (window as unknown as Win).bench.seed(n), n);
          const u = await fresh();
          await page.evaluate((u) => (window as unknown as Win).bench.push(u, 'olga', 'pw-olga'), u); // set-up, untimed
          const times: number[] = [];
          for (let i = 0; i < 5; i++) {
            const r = await page.evaluate((u) => (window as unknown as Win).bench.incremental(u, 'olga', 'pw-olga', 100), u);
            if (r.pushed !== 100) throw new Error(`incremental sent ${r.pushed}, not 100`);
            times.push(r.ms);
          }
          return times.slice(1); // warm-up dropped
        });
      }
      const [small, big] = [SIZES[0], SIZES[SIZES.length - 1]];
      out.push(result({
        name: `sync: 100 changed contacts with ${big.toLocaleString('en')} in the book vs with ${small.toLocaleString('en')}`,
        samples: { values: per[big], baselines: per[small] }, unit: 'ms', target: 1.5, better: 'lower', where: 'chromium + pouchdb-server',
        baselineIs: `the same 100-record sync with a ${small.toLocaleString('en')}-contact book, same browser set-up: the cost must not grow with the book`,
      }));
      return out;
    } finally {
      await couch.dispose();
    }
  },
};

export default sync;
