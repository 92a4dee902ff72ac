import { build } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from '@/tools/browser';
import { genContactsXlsx } from '../gen-xlsx';
import { result, type BenchCase } from '../harness';

// The import bench's 100,000 rows (gen-csv.ts) as an .xlsx workbook (gen-xlsx.ts),
// imported end to end in real Chromium IndexedDB, against reading the same workbook
// with read-excel-file alone plus raw IndexedDB puts of the same rows, in the same run
// (tests/bench/browser/import-xlsx.ts). Memory: the JS heap before and after each run
// (performance.memory) and the peak RSS growth of the browser's processes.

const ROWS = Number(process.env.TIEWISE_BENCH_XLSX_ROWS ?? process.env.TIEWISE_BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.TIEWISE_BENCH_ROUNDS ?? 1);
const ORIGIN = 'https://bench.tiewise.test/';

async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(entry)], bundle: true, format: 'iife', write: false, platform: 'browser',
    target: 'es2022', alias: { '@': resolve('.') }, logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

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

type Heap = { heapBefore: number; heapAfter: number };
type Value = Heap & { ms: number; parseMs: number; bytes: number; summary: unknown; rejected: number };
type Base = Heap & { ms: number };

const importXlsxCase: BenchCase = {
  id: 'import-xlsx',
  async run() {
    const code = await bundle('tests/bench/browser/import-xlsx.ts');
    const xlsx = await genContactsXlsx(ROWS);
    const profile = mkdtempSync(join(tmpdir(), 'tiewise-bench-import-xlsx-'));
    const s = await launch({ userDataDir: profile });
    try {
      await s.context.route(`${ORIGIN}**`, (route) =>
        route.request().url().endsWith('.xlsx')
          ? route.fulfill({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: xlsx })
          : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
      const page = await s.context.newPage();
      await page.goto(ORIGIN);
      await page.addScriptTag({ content: code });
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
      let lastBase: Base | undefined;
      for (let i = 0; i < ROUNDS; i++) {
        const v = await sampled(() => page.evaluate(([url, n]) => (globalThis as unknown as { runValue(u: string, n: number): Promise<Value> }).runValue(url, n), [`${ORIGIN}contacts.xlsx`, i] as const));
        const b = await sampled(() => page.evaluate((n) => (globalThis as unknown as { runBaseline(n: number): Promise<Base> }).runBaseline(n), i));
        values.push(v.out.ms);
        bases.push(b.out.ms);
        grewValue = Math.max(grewValue, v.grew);
        grewBase = Math.max(grewBase, b.grew);
        last = v.out;
        lastBase = b.out;
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const mb = (b: number) => Math.round(b / 1048576);
      process.stderr.write(
        `  import-xlsx: ${JSON.stringify(last!.summary)}; read ${Math.round(last!.parseMs)} ms of ${Math.round(med(values))} ms; file ${mb(last!.bytes)} MB; ` +
          `JS heap importer ${mb(last!.heapBefore)} → ${mb(last!.heapAfter)} MB, baseline ${mb(lastBase!.heapBefore)} → ${mb(lastBase!.heapAfter)} MB; ` +
          `browser peak RSS growth: importer +${mb(grewValue)} MB, baseline +${mb(grewBase)} MB\n`,
      );
      return [
        result({
          name: `import ${ROWS.toLocaleString('en')}-row .xlsx end to end (read+map+dedupe+write) vs read-excel-file alone + raw IndexedDB puts`,
          value: med(values), baseline: med(bases), unit: 'ms', better: 'lower', target: 2, where: 'chromium-indexeddb',
          baselineIs: 'the same workbook read by read-excel-file alone (its universal build, on the file as it is), rows written with raw IndexedDB puts in one transaction',
        }),
        result({
          name: `import ${ROWS.toLocaleString('en')}-row .xlsx: browser peak RSS growth, importer vs baseline (file ${mb(last!.bytes)} MB)`,
          value: mb(grewValue), baseline: Math.max(1, mb(grewBase)), unit: 'MB', better: 'lower', target: 2, where: 'chromium, /proc RSS of its processes',
          baselineIs: 'the peak RSS growth of the browser while the baseline above runs',
        }),
      ];
    } finally {
      await s.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
};
export default importXlsxCase;
