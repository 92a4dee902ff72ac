// The bench harness: every case measures a value and a baseline in the same run,
// on the same machine, and reports their ratio (these machines are noisy; absolute
// times are not comparable between runs, ratios are).

export interface BenchResult {
  name: string;
  value: number;
  baseline: number;
  unit: string;
  /** value / baseline when better is "lower"; baseline / value when "higher" */
  ratio: number;
  /** the ratio we aim for (≤ target when lower, ≥ target when higher) */
  target: number;
  better: 'lower' | 'higher';
  /** where the figure was measured, e.g. "chromium-indexeddb" or "node+fake-indexeddb" */
  where?: string;
}

export interface BenchCase {
  /** short id used by `npm run bench -- <id>` to run only this case */
  id: string;
  run(): Promise<BenchResult[]>;
}

export function result(
  r: Omit<BenchResult, 'ratio'>,
): BenchResult {
  const ratio = r.better === 'lower' ? r.value / r.baseline : r.baseline / r.value;
  return { ...r, ratio: Math.round(ratio * 100) / 100 };
}

/** Median of `n` timed runs of `fn`, in milliseconds. */
export async function timeMedian(fn: () => unknown | Promise<unknown>, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Interleaves value and baseline runs so drift in machine load hits both alike. */
export async function timePair(
  value: () => unknown | Promise<unknown>,
  baseline: () => unknown | Promise<unknown>,
  n = 5,
): Promise<{ value: number; baseline: number }> {
  const v: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < n; i++) {
    let t0 = performance.now();
    await baseline();
    b.push(performance.now() - t0);
    t0 = performance.now();
    await value();
    v.push(performance.now() - t0);
  }
  const med = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { value: med(v), baseline: med(b) };
}
