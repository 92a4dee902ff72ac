// `npm run bench` — runs every case in tests/bench/cases/, prints a table, or with
// --json one JSON array of results. `npm run bench -- <id> …` runs only those cases.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchCase, BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const only = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(join(here, 'cases')).filter((f) => /\.ts$/.test(f)).sort();
const results: BenchResult[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, 'cases', f)).href)) as { default: BenchCase };
  const c = mod.default;
  if (only.length && !only.includes(c.id)) continue;
  if (!json) process.stderr.write(`… ${c.id}\n`);
  results.push(...(await c.run()));
}

if (json) {
  process.stdout.write(JSON.stringify(results) + '\n');
} else {
  const rows = results.map((r) => {
    const ok = r.better === 'lower' ? r.ratio <= r.target : r.ratio >= r.target;
    return [
      r.name,
      `${fmt(r.value)} ${r.unit}`,
      `${fmt(r.baseline)} ${r.unit}`,
      `${r.ratio}×`,
      `${r.better === 'lower' ? '≤' : '≥'} ${r.target}×`,
      ok ? 'ok' : 'MISSED',
      r.where ?? '',
    ];
  });
  const head = ['case', 'value', 'baseline', 'ratio', 'target', '', 'where'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);
}
