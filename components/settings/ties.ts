// Refreshes stored tie fields in a Web Worker, so a 100,000-contact book never
// blocks the page; where there is no Worker (component tests), on the page's
// own thread.
import { refreshAllTies, type RefreshProgress } from '@/lib/db/derive';

export type TiesRequest = { only?: string[] };
export type TiesReply = ({ type: 'progress' } & RefreshProgress) | { type: 'done' } | { type: 'error'; message: string };

/** Refreshes the tie fields of `only` (every contact when undefined); progress as it goes. */
export function refreshTiesOffThread(only: string[] | undefined, onProgress?: (p: RefreshProgress) => void): Promise<void> {
  if (typeof Worker === 'undefined') return refreshAllTies(Date.now(), undefined, only, onProgress);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./ties.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<TiesReply>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress?.(m);
      else {
        worker.terminate();
        if (m.type === 'done') resolve();
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'tie worker failed'));
    };
    worker.postMessage({ only } satisfies TiesRequest);
  });
}
