// `npm run bench` — builds what the selected cases need (the extension), runs
// every case in tests/bench/cases/, prints a table (median, spread, unrounded
// ratio, target) and under it what each baseline is and why it is fair; with
// --json one JSON array of results on stdout. `npm run bench -- <id> …` runs only
// those cases. `--no-build` skips the build (the extension in .output/chrome-mv3
// is used as it is). Exits 1 when a target is missed. Each case runs in a Node
// process of its own (this file again, with one id and TIEWISE_BENCH_IN_PROCESS=1):
// a case's figures must not depend on the cases before it — their heap, their
// garbage and the JIT state their code left behind (the smart-group count, a Node
// loop of 100,000 rows, measured 1.06–1.10× alone and 1.34–1.56× right after the
// search case had filled the same process).
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failed, fmt, meets, type BenchCase, type BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const noBuild = args.includes('--no-build') || process.env.TIEWISE_BENCH_NO_BUILD === '1';
const only = args.filter((a) => !a.startsWith('--'));

const files = readdirSync(join(here, 'cases')).filter((f) => /\.ts$/.test(f)).sort();
const cases: BenchCase[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, 'cases', f)).href)) as { default: BenchCase };
  if (!only.length || only.includes(mod.default.id)) cases.push(mod.default);
}
if (only.length && cases.length !== only.length) {
  const known = new Set(cases.map((c) => c.id));
  throw new Error(`no such case: ${only.filter((id) => !known.has(id)).join(', ')}`);
}

// a clean checkout has no build: make the one the cases load (fresh, so the figures are of this code)
if (!noBuild && cases.some((c) => c.needs?.includes('extension'))) {
  process.stderr.write('… building the extension (npx wxt build)\n');
  try {
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(`${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`);
    throw new Error('the extension did not build');
  }
}

/** The case in a fresh Node process: this runner with its one id, same loader (tsx), no build; its JSON from stdout. */
function inOwnProcess(id: string): Promise<BenchResult[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), id, '--no-build', '--json'], {
      cwd: root,
      env: { ...process.env, TIEWISE_BENCH_IN_PROCESS: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', fail);
    child.on('close', (code) => {
      // exit 1 only says a target was missed: the figures are still on stdout, the array from
      // its own "[" line on (whatever a case's code may have printed before it)
      try {
        const at = out.search(/^\[$/m);
        done(JSON.parse(at >= 0 ? out.slice(at) : out) as BenchResult[]);
      } catch {
        fail(new Error(`the case's process exited with ${code} and printed no results`));
      }
    });
  });
}

const own = cases.length > 1 && process.env.TIEWISE_BENCH_IN_PROCESS !== '1';
const results: BenchResult[] = [];
for (const c of cases) {
  if (own) {
    // its own process reports its own progress and time
    try {
      results.push(...(await inOwnProcess(c.id)));
    } catch (e) {
      process.stderr.write(`  ${c.id} failed: ${e instanceof Error ? e.message : String(e)}\n`);
      results.push(failed(c.id, e));
    }
    continue;
  }
  process.stderr.write(`… ${c.id}\n`);
  const t0 = performance.now();
  try {
    results.push(...(await c.run()).map((r) => ({ ...r, met: r.met ?? meets(r) })));
  } catch (e) {
    // one case's crash (a browser that timed out) does not lose the figures of the others
    process.stderr.write(`  ${c.id} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    results.push(failed(c.id, e));
  }
  process.stderr.write(`  (${c.id}: ${Math.round((performance.now() - t0) / 1000)} s)\n`);
}

if (json) {
  process.stdout.write(JSON.stringify(results, null, 1) + '\n');
} else {
  const rows = results.map((r) => r.error !== undefined ? [r.name, `error: ${r.error}`, '', '', '', 'FAILED', '', ''] : [
    r.name,
    `${fmt(r.value)} ${r.unit}${r.spread ? ` [${fmt(r.spread.value.min)}–${fmt(r.spread.value.max)}]` : ''}`,
    `${fmt(r.baseline)} ${r.unit}${r.spread ? ` [${fmt(r.spread.baseline.min)}–${fmt(r.spread.baseline.max)}]` : ''}`,
    `${r.ratio.toPrecision(4)}×${r.spread ? ` [${r.spread.ratio.min.toPrecision(3)}–${r.spread.ratio.max.toPrecision(3)}]` : ''}`,
    `${r.better === 'lower' ? '≤' : '≥'} ${r.target}×`,
    r.met ? 'ok' : 'MISSED',
    r.spread ? String(r.spread.value.n) : '1',
    r.where ?? '',
  ]);
  const head = ['case', 'value (median [min–max])', 'baseline', 'ratio [per-round range]', 'target', '', 'rounds', 'where'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('\nBaselines:');
  for (const r of results) {
    if (r.error === undefined) console.log(`- ${r.name}\n  baseline: ${r.baselineIs ?? '(not named)'}${r.note ? `\n  note: ${r.note}` : ''}`);
  }
}
if (results.some((r) => !r.met)) process.exitCode = 1;
