import { useTranslation } from 'react-i18next';
import { DAY } from '@/lib/domain/time';
import { DATE, RELATIVE } from './intl-options';

export interface Format {
  date(t: number): string;
  ago(t: number, now?: number): string;
  number(n: number): string;
  money(n: number, currency: string): string;
}

// Intl formatters are costly to build (the first one in a page loads the locale's data:
// 20-30 ms on a quiet machine, 50-200 ms in a panel opening beside a big book): one set
// per language, shared by every row, each built on first use — or ahead of it
// (prepareFormat), so the first card does not wait.
const cache = new Map<string, Format & { prepare(): (() => void)[] }>();

function make(lng: string): Format & { prepare(): (() => void)[] } {
  let date: Intl.DateTimeFormat | undefined;
  let rel: Intl.RelativeTimeFormat | undefined;
  let num: Intl.NumberFormat | undefined;
  const dateF = () => (date ??= new Intl.DateTimeFormat(lng, DATE));
  const relF = () => (rel ??= new Intl.RelativeTimeFormat(lng, RELATIVE));
  const numF = () => (num ??= new Intl.NumberFormat(lng));
  const money = new Map<string, Intl.NumberFormat | null>();
  return {
    date: (t) => dateF().format(t),
    ago: (t, now = Date.now()) => {
      const days = Math.round((t - now) / DAY);
      if (Math.abs(days) < 1) {
        const hours = Math.round((t - now) / 3_600_000);
        return Math.abs(hours) < 1 ? relF().format(Math.round((t - now) / 60_000), 'minute') : relF().format(hours, 'hour');
      }
      if (Math.abs(days) < 45) return relF().format(days, 'day');
      if (Math.abs(days) < 365) return relF().format(Math.round(days / 30), 'month');
      return relF().format(Math.round(days / 365), 'year');
    },
    number: (n) => numF().format(n),
    money: (n, currency) => {
      if (!money.has(currency)) {
        try {
          money.set(currency, new Intl.NumberFormat(lng, { style: 'currency', currency, maximumFractionDigits: 0 }));
        } catch {
          money.set(currency, null); // not an ISO currency code
        }
      }
      const f = money.get(currency);
      return f ? f.format(n) : `${numF().format(n)} ${currency}`;
    },
    prepare: () => [() => void dateF().format(0), () => void relF().format(1, 'day'), () => void numF().format(1)],
  };
}

function formatFor(lng: string) {
  let f = cache.get(lng);
  if (!f) cache.set(lng, (f = make(lng)));
  return f;
}

/**
 * Builds `lng`'s formatters ahead of their first use. Their locale data is loaded first
 * in a worker (intl.worker.ts): the renderer keeps it for every thread, so the page's
 * own formatters, then built one per idle moment, are short tasks rather than one long
 * one on the thread that draws the page. Where there is no Worker (component tests),
 * or it fails, the idle steps load the data themselves.
 */
export function prepareFormat(lng: string): void {
  const steps = formatFor(lng).prepare();
  const idle = (fn: () => void) =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout: 1000 }) : setTimeout(fn, 0);
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    step();
    idle(next);
  };
  if (typeof Worker === 'undefined') {
    idle(next);
    return;
  }
  let started = false;
  let worker: Worker | undefined;
  const go = () => {
    worker?.terminate();
    if (started) return;
    started = true;
    idle(next);
  };
  try {
    worker = new Worker(new URL('./intl.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = go;
    worker.onerror = go;
    worker.postMessage(lng);
  } catch {
    go();
    return;
  }
  // a worker that never answers does not leave the formatters for the first card to build
  setTimeout(go, 2000);
}

/** Locale-aware formatting of dates, relative times, numbers and money. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  return formatFor(i18n.language);
}
