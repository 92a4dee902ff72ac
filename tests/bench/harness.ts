// The bench harness: every case measures a value and a baseline in the same run,
// on the same machine, and reports their ratio (these machines are noisy; absolute
// times are not comparable between runs, ratios are).
//
// Honesty rules the harness enforces or makes easy:
// - ratios are never rounded (0.0113 does not pass a ≤ 0.01 target);
// - every timed figure is the median of ≥ 3 kept rounds, a warm-up round dropped,
//   with its spread (min, quartiles, max) and the per-round ratios' range;
// - value and baseline alternate which goes first from round to round, so the
//   one that runs second does not always pay for the first's garbage;
// - browser cases run each side in a fresh browser (`inFreshBrowser`);
// - every result names its baseline and says why it is the fair one (`baselineIs`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launch, type Session } from '@/tools/browser';

export interface Spread {
  min: number;
  /** first quartile (cases that compute their own spread may leave the quartiles out) */
  q1?: number;
  median: number;
  q3?: number;
  max: number;
  /** how many kept samples (warm-up excluded) */
  n: number;
}

export interface BenchResult {
  name: string;
  /** median of the kept rounds */
  value: number;
  /** median of the kept rounds */
  baseline: number;
  unit: string;
  /** value / baseline when better is "lower"; baseline / value when "higher" — never rounded */
  ratio: number;
  /** the ratio we aim for (≤ target when lower, ≥ target when higher) */
  target: number;
  better: 'lower' | 'higher';
  /** whether the ratio meets the target (set by `result`; the runner computes it when a case leaves it out) */
  met?: boolean;
  /** what the baseline is and why it is the fair comparison (the raw-storage floor, what a competent engineer would write) */
  baselineIs?: string;
  /** where the figure was measured, e.g. "chromium-indexeddb" or "node" */
  where?: string;
  /** the spread of the kept rounds; ratio: the range of per-round ratios (rounds paired in order) */
  spread?: { value: Spread; baseline: Spread; ratio: { min: number; max: number } };
  /** anything else worth printing with the figure (e.g. per-row costs at two sizes) */
  note?: string;
  /** the case threw before it had this figure: what it said (value, baseline and ratio are then NaN, and the target counts as missed) */
  error?: string;
}

export interface BenchCase {
  /** short id used by `npm run bench -- <id>` to run only this case */
  id: string;
  /** what the case needs built before it runs ('extension': the Chromium build in .output/chrome-mv3) */
  needs?: 'extension'[];
  run(): Promise<BenchResult[]>;
}

/** Samples from paired rounds: values[i] and baselines[i] ran in the same round. */
export interface Samples {
  values: number[];
  baselines: number[];
}

type ResultInput = Omit<BenchResult, 'ratio' | 'met' | 'spread' | 'value' | 'baseline'> &
  ({ value: number; baseline: number; samples?: Samples } | { samples: Samples; value?: undefined; baseline?: undefined });

export function stats(xs: readonly number[]): Required<Spread> {
  if (!xs.length) throw new Error('no samples');
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => {
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return s[lo] + (s[hi] - s[lo]) * (i - lo);
  };
  return { min: s[0], q1: at(0.25), median: at(0.5), q3: at(0.75), max: s[s.length - 1], n: s.length };
}

function ratioOf(better: 'lower' | 'higher', value: number, baseline: number): number {
  return better === 'lower' ? value / baseline : baseline / value;
}

/**
 * A result. With `samples` (paired rounds), value and baseline are their medians
 * and the spread is recorded; the ratio is the ratio of medians, unrounded.
 */
export function result(r: ResultInput): BenchResult {
  const { samples, ...rest } = r;
  let value = r.value;
  let baseline = r.baseline;
  let spread: BenchResult['spread'];
  if (samples) {
    const v = stats(samples.values);
    const b = stats(samples.baselines);
    value ??= v.median;
    baseline ??= b.median;
    const per = samples.values.map((x, i) => ratioOf(r.better, x, samples.baselines[Math.min(i, samples.baselines.length - 1)]));
    spread = { value: v, baseline: b, ratio: { min: Math.min(...per), max: Math.max(...per) } };
  }
  const ratio = ratioOf(r.better, value!, baseline!);
  const met = r.better === 'lower' ? ratio <= r.target : ratio >= r.target;
  return { ...rest, value: value!, baseline: baseline!, ratio, met, ...(spread ? { spread } : {}) };
}

export interface RoundOptions {
  /** kept rounds (≥ 3) */
  rounds?: number;
  /** rounds run first and dropped */
  warmup?: number;
}

/**
 * Runs `rounds + warmup` rounds; each round runs both sides once, value first in
 * even rounds and baseline first in odd ones. Returns the kept rounds' samples.
 */
export async function alternate(
  value: (round: number) => Promise<number>,
  baseline: (round: number) => Promise<number>,
  { rounds = 3, warmup = 1 }: RoundOptions = {},
): Promise<Samples> {
  if (rounds < 3) throw new Error('at least 3 kept rounds');
  const values: number[] = [];
  const baselines: number[] = [];
  for (let i = 0; i < rounds + warmup; i++) {
    let v: number;
    let b: number;
    if (i % 2 === 0) {
      v = await value(i);
      b = await baseline(i);
    } else {
      b = await baseline(i);
      v = await value(i);
    }
    if (i >= warmup) {
      values.push(v);
      baselines.push(b);
    }
  }
  return { values, baselines };
}

/** Milliseconds one call of fn takes. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * Times value and baseline in alternating order (see `alternate`), one warm-up
 * round dropped. `value`/`baseline` are the medians; pass the whole thing as
 * `samples` to `result` to print the spread.
 */
export async function timePair(
  value: () => unknown,
  baseline: () => unknown,
  n = 5,
  warmup = 1,
): Promise<Samples & { value: number; baseline: number }> {
  const s = await alternate(() => timeOnce(value), () => timeOnce(baseline), { rounds: Math.max(3, n), warmup });
  return { ...s, value: stats(s.values).median, baseline: stats(s.baselines).median };
}

/**
 * Runs fn against a browser launched for it alone (a fresh profile, the built
 * extension loaded), then closes it and deletes the profile. Browser cases call
 * this once per side per round, so neither side inherits the other's database,
 * garbage or warmed caches.
 */
export async function inFreshBrowser<T>(fn: (s: Session, profileDir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'tiewise-bench-'));
  const s = await launch({ userDataDir: dir });
  try {
    return await fn(s, dir);
  } finally {
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Formats a figure for the table: whole numbers from 100, else 3 significant digits. */
export function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);
}

/** Bundles a browser-side bench script (tests/bench/browser/*.ts) into one IIFE. */
export async function bundle(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [resolve(entry)], bundle: true, format: 'iife', write: false, platform: 'browser',
    target: 'es2022', alias: { '@': resolve('.') }, logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}

export const BENCH_ORIGIN = 'https://bench.tiewise.test/';

/**
 * A page of the bench's own origin (its own IndexedDB) with `code` loaded;
 * `files` are served under the origin (e.g. { 'contacts.csv': buffer }).
 */
export async function benchPage(s: Session, code: string, files: Record<string, { body: Buffer | string; contentType: string }> = {}): Promise<Page> {
  await s.context.route(`${BENCH_ORIGIN}**`, (route) => {
    const f = files[route.request().url().slice(BENCH_ORIGIN.length)];
    return f ? route.fulfill(f) : route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' });
  });
  const page = await s.context.newPage();
  await page.goto(BENCH_ORIGIN);
  await page.addScriptTag({ content: code });
  return page;
}

/** Whether r meets its target (a case that threw meets none). */
export function meets(r: BenchResult): boolean {
  if (r.error !== undefined) return false;
  return r.better === 'lower' ? r.ratio <= r.target : r.ratio >= r.target;
}

/** The row of a case that threw: the run goes on to the next case and ends with exit 1, the other cases' figures kept. */
export function failed(id: string, e: unknown): BenchResult {
  const error = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return { name: `${id}: did not finish`, value: NaN, baseline: NaN, unit: '', ratio: NaN, target: NaN, better: 'lower', met: false, error };
}
