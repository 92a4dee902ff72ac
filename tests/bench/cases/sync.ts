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
//    (each book in its own browser, both open at once, seeded and fully synced, untimed;
//    their syncs alternated, a warm-up round dropped); the 100k median against the 10k
//    median. Target ≤ 1.5×: the cost must not grow with the book.

const PUSH_N = Number(process.env.TIEWISE_BENCH_SYNC_PUSH ?? 20_000);
const SIZES = (process.env.TIEWISE_BENCH_SYNC_SIZES ?? '10000,100000').split(',').map(Number);

type Win = { bench: {
  seed(n: number): Promise<number>;
  push(u: string, user: string, pw: string): Promise<{ ms: number; pushed: number; steps: Record<string, number> }>;
  rawBulk(u: string, user: string, pw: string): Promise<{ ms: number; docs: number }>;
  incremental(u: string, user: string, pw: string, k: number): Promise<{ ms: number; pushed: number }>;
} };

type Page = import('playwright-core').Page;

/** A fresh browser with its own profile, on the bench page; closed (and its profile removed) by the returned function. */
async function openPage(couch: Couch, code: string): Promise<{ page: Page; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-bench-sync-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const close = async () => {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // the bench page lives on the server's own origin, so both sides' requests are same-origin
    await ctx.route(`${couch.url}/__bench`, (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    const page = await ctx.newPage();
    await page.goto(`${couch.url}/__bench`);
    await page.addScriptTag({ content: code });
    return { page, close };
  } catch (e) {
    await close();
    throw e;
  }
}

async function inPage<T>(couch: Couch, code: string, fn: (page: Page) => Promise<T>): Promise<T> {
  const { page, close } = await openPage(couch, code);
  try {
    return await fn(page);
  } finally {
    await close();
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

      // Both books open at once, each in its own browser, seeded and fully synced (untimed);
      // then their syncs of 100 changes alternate, which goes first swapping from round to
      // round, so both sides meet the same machine (the first round a warm-up).
      const [small, big] = [SIZES[0], SIZES[SIZES.length - 1]];
      const books: { page: Page; close(): Promise<void>; url: string }[] = [];
      try {
        for (const n of [small, big]) {
          const book = { ...(await openPage(couch, code)), url: '' };
          books.push(book); // closed below whatever fails from here on
          book.url = await fresh();
          await book.page.evaluate((n) => (window as unknown as Win).bench.seed(n), n);
          await book.page.evaluate((u) => (window as unknown as Win).bench.push(u, 'olga', 'pw-olga'), book.url);
        }
      } catch (e) {
        await Promise.all(books.map((b) => b.close()));
        throw e;
      }
      const changes = async ({ page, url }: (typeof books)[number]) => {
        const r = await page.evaluate((u) => (window as unknown as Win).bench.incremental(u, 'olga', 'pw-olga', 100), url);
        if (r.pushed !== 100) throw new Error(`incremental sent ${r.pushed}, not 100`);
        return r.ms;
      };
      let incremental;
      try {
        incremental = await alternate(() => changes(books[1]), () => changes(books[0]), { rounds: 5 });
      } finally {
        await Promise.all(books.map((b) => b.close()));
      }
      out.push(result({
        name: `sync: 100 changed contacts with ${big.toLocaleString('en')} in the book vs with ${small.toLocaleString('en')}`,
        samples: incremental, unit: 'ms', target: 1.5, better: 'lower', where: 'chromium + pouchdb-server, both books open, alternated',
        baselineIs: `the same 100-record sync with a ${small.toLocaleString('en')}-contact book, in a browser open beside the other, the two alternated: the cost must not grow with the book`,
      }));
      return out;
    } finally {
      await couch.dispose();
    }
  },
};

export default sync;
