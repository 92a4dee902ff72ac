// Checks the stored cross-sell rules against the purchases, and mines them again
// if they changed, in a Web Worker: at most one at a time, at most once a minute
// per page, ten seconds after the card asked (the check counts every
// purchase, which holds IndexedDB up). Where there is no Worker (component
// tests), on the page's thread.
import { mineAndStoreRules } from '@/lib/db/crosssell';

let running: Promise<void> | null = null;
let lastCheck = -Infinity;
const EVERY = 60_000;
const AFTER = 10_000;

export function mineRulesOffThread(): void {
  if (running || performance.now() - lastCheck < EVERY) return;
  lastCheck = performance.now();
  running = new Promise<void>((ok) => setTimeout(ok, typeof Worker === 'undefined' ? 0 : AFTER)).then(() => new Promise<void>((resolve) => {
    if (typeof Worker === 'undefined') {
      void mineAndStoreRules().catch(() => undefined).then(() => resolve());
      return;
    }
    const w = new Worker(new URL('./crosssell.worker.ts', import.meta.url), { type: 'module' });
    const end = () => {
      w.terminate();
      resolve();
    };
    w.onmessage = end;
    w.onerror = end;
    w.postMessage('mine');
  })).finally(() => {
    running = null;
  });
}
