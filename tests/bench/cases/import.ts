import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '@/lib/cli/browser';
import { genContactsCsv } from '../gen-csv';
import { result, type BenchCase } from '../harness';

// A 100,000-row CSV (tests/bench/gen-csv.ts: HubSpot columns, Cyrillic names,
// quoted commas, multi-line notes, duplicates, rows naming nobody) imported end
// to end in real Chromium IndexedDB, against parsing the same file with papaparse
// and raw IndexedDB puts of the same rows, in the same run. Memory: the peak RSS
// growth of the browser's processes while each runs, sampled from /proc.

const ROWS = Number(process.env.TIEWISE_BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.TIEWISE_BENCH_ROUNDS ?? 1);
const ORIGIN = 'https://bench.tiewise.test/';

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(entry)], bundle: true, format: 'iife', write: false, platform: 'browser',
    target: 'es2022', alias: { '@': resolve('.') }, logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

/** Total RSS (bytes) of the processes whose command line names this profile directory. */
function rssOf(marker: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // the process ended
    }
  }
  return total;
}

const importCase: BenchCase = {
  id: 'import',
  async run() {
    const code = await bundle('tests/bench/browser/import.ts');
    const csv = Buffer.from(genContactsCsv(ROWS));
    // a profile directory of its own: other browsers on the machine are not counted
    const profile = mkdtempSync(join(tmpdir(), 'tiewise-bench-import-'));
    const s = await launch({ userDataDir: profile });
    try {
      await s.context.route(`${ORIGIN}**`, (route) =>
        route.request().url().endsWith('.csv')
          ? route.fulfill({ contentType: 'text/csv', body: csv })
          : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
      const page = await s.context.newPage();
      await page.goto(ORIGIN);
      await page.addScriptTag({ content: code });
      type Value = { ms: number; parseMs: number; bytes: number; summary: unknown; rejected: number };
      /** runs fn while sampling the browser's RSS; returns its result and the peak growth */
      const sampled = async <T,>(fn: () => Promise<T>): Promise<{ out: T; grew: number }> => {
        const before = rssOf(profile);
        let peak = before;
        const timer = setInterval(() => (peak = Math.max(peak, rssOf(profile))), 100);
        try {
          const out = await fn();
          peak = Math.max(peak, rssOf(profile));
          return { out, grew: peak - before };
        } finally {
          clearInterval(timer);
        }
      };
      const values: number[] = [];
      const bases: number[] = [];
      let grewValue = 0;
      let grewBase = 0;
      let last: Value | undefined;
      for (let i = 0; i < ROUNDS; i++) {
        const v = await sampled(() => page.evaluate(([url, n]) => (globalThis as unknown as { runValue(u: string, n: number): Promise<Value> }).runValue(url, n), [`${ORIGIN}contacts.csv`, i] as const));
        const b = await sampled(() => page.evaluate((n) => (globalThis as unknown as { runBaseline(n: number): Promise<number> }).runBaseline(n), i));
        values.push(v.out.ms);
        bases.push(b.out);
        grewValue = Math.max(grewValue, v.grew);
        grewBase = Math.max(grewBase, b.grew);
        last = v.out;
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const r = { value: med(values), raw: med(bases), parse: last!.parseMs, bytes: last!.bytes, summary: last!.summary, rejected: last!.rejected };
      const mb = (b: number) => Math.round(b / 1048576);
      process.stderr.write(`  import: ${JSON.stringify(r.summary)}; parse ${Math.round(r.parse)} ms of ${Math.round(r.value)} ms; file ${mb(r.bytes)} MB; browser peak RSS growth: importer +${mb(grewValue)} MB, baseline +${mb(grewBase)} MB\n`);
      return [
        result({
          name: `import ${ROWS.toLocaleString('en')}-row CSV end to end (parse+map+dedupe+write) vs papaparse + raw IndexedDB puts`,
          value: r.value, baseline: r.raw, unit: 'ms', better: 'lower', target: 2, where: 'chromium-indexeddb',
        }),
        // memory: the importer holds every accepted record until its one transaction (the
        // file's text is streamed, never whole); the baseline holds the whole text and its rows
        result({
          name: `import ${ROWS.toLocaleString('en')} rows: browser peak RSS growth, importer vs baseline (file ${mb(r.bytes)} MB)`,
          value: mb(grewValue), baseline: Math.max(1, mb(grewBase)), unit: 'MB', better: 'lower', target: 2, where: 'chromium, /proc RSS of its processes',
        }),
      ];
    } finally {
      await s.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
};
export default importCase;
