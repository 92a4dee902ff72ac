import { readFileSync, readdirSync } from 'node:fs';
import { genContactsCsv } from '../gen-csv';
import { alternate, benchPage, BENCH_ORIGIN, bundle, inFreshBrowser, result, type BenchCase } from '../harness';

// A 100,000-row CSV (tests/bench/gen-csv.ts: HubSpot columns, Cyrillic names,
// quoted commas, multi-line notes, duplicates, rows naming nobody) imported end
// to end in real Chromium IndexedDB, against parsing the same file with papaparse
// and raw IndexedDB puts of the same rows. Each side runs in a fresh browser, the
// order alternating from round to round. Memory: the peak RSS growth of the
// browser's processes while each runs, sampled from /proc.

const ROWS = Number(process.env.TIEWISE_BENCH_ROWS ?? 100_000);
const ROUNDS = Number(process.env.TIEWISE_BENCH_ROUNDS ?? 3);

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

/** Runs fn while sampling the browser's RSS; returns its result and the peak growth. */
async function sampled<T>(profile: string, fn: () => Promise<T>): Promise<{ out: T; grew: number }> {
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
}

type Value = { ms: number; parseMs: number; bytes: number; summary: unknown; rejected: number };
type Win = { runValue(u: string, n: number): Promise<Value>; runBaseline(u: string, n: number): Promise<number> };

const importCase: BenchCase = {
  id: 'import',
  needs: ['extension'],
  async run() {
    const code = await bundle('tests/bench/browser/import.ts');
    const csv = Buffer.from(genContactsCsv(ROWS));
    const files = { 'contacts.csv': { contentType: 'text/csv', body: csv } };
    const url = `${BENCH_ORIGIN}contacts.csv`;
    let grewValue = 0;
    let grewBase = 0;
    let last: Value | undefined;
    const samples = await alternate(
      (i) => inFreshBrowser(async (s, dir) => {
        const page = await benchPage(s, code, files);
        const v = await sampled(dir, () => page.evaluate(([u, n]) => (globalThis as unknown as Win).runValue(u, n), [url, i] as const));
        grewValue = Math.max(grewValue, v.grew);
        last = v.out;
        return v.out.ms;
      }),
      (i) => inFreshBrowser(async (s, dir) => {
        const page = await benchPage(s, code, files);
        const b = await sampled(dir, () => page.evaluate(([u, n]) => (globalThis as unknown as Win).runBaseline(u, n), [url, i] as const));
        grewBase = Math.max(grewBase, b.grew);
        return b.out;
      }),
      { rounds: ROUNDS },
    );
    const mb = (b: number) => b / 1048576;
    process.stderr.write(`  import: ${JSON.stringify(last!.summary)}; parse ${Math.round(last!.parseMs)} ms of ${Math.round(last!.ms)} ms; file ${Math.round(mb(last!.bytes))} MB\n`);
    return [
      result({
        name: `import ${ROWS.toLocaleString('en')}-row CSV end to end (parse+map+dedupe+write) vs papaparse + raw IndexedDB puts`,
        samples, unit: 'ms', better: 'lower', target: 2, where: 'chromium-indexeddb, fresh browser per side',
        baselineIs: 'papaparse over the same file and raw IndexedDB puts of a contact (and its note) per row, one transaction, stores with the same indexes: the parse + storage floor',
      }),
      // memory: the importer holds every accepted record until its one transaction (the
      // file's text is streamed, never whole); the baseline holds the whole text and its rows
      result({
        name: `import ${ROWS.toLocaleString('en')} rows: browser peak RSS growth, importer vs baseline (file ${Math.round(mb(last!.bytes))} MB)`,
        value: mb(grewValue), baseline: Math.max(1, mb(grewBase)), unit: 'MB', better: 'lower', target: 2, where: 'chromium, /proc RSS of its processes (the largest over the rounds)',
        baselineIs: 'the same browser\'s growth while the baseline holds the whole text and its parsed rows',
      }),
    ];
  },
};
export default importCase;
