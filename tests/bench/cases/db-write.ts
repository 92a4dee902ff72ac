import { build } from 'esbuild';
import { resolve } from 'node:path';
import { launch } from '@/lib/cli/browser';
import { result, type BenchCase } from '../harness';

// Writing 10,000 contacts through the data-access module against raw IndexedDB
// puts of the same objects into a store with the same indexes, in real
// Chromium IndexedDB (a page of the bench's own origin in the test browser).

const N = 10_000;
const ORIGIN = 'https://bench.tiewise.test/';

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    target: 'es2022',
    alias: { '@': resolve('.') },
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

const dbWrite: BenchCase = {
  id: 'db-write',
  async run() {
    const code = await bundle('tests/bench/browser/db-write.ts');
    const s = await launch();
    try {
      await s.context.route(`${ORIGIN}**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
      const page = await s.context.newPage();
      await page.goto(ORIGIN);
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(
        ([n, rounds]) => (globalThis as unknown as { runDbWrite(n: number, r: number): Promise<{ module: number; raw: number }> }).runDbWrite(n, rounds),
        [N, 5] as const,
      );
      return [result({
        name: `write ${N.toLocaleString('en')} contacts: data-access module vs raw IndexedDB puts`,
        value: r.module, baseline: r.raw, unit: 'ms', better: 'lower', target: 1.5, where: 'chromium-indexeddb',
      })];
    } finally {
      await s.close();
    }
  },
};
export default dbWrite;
