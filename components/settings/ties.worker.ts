// Recomputes stored tie fields off the options page's thread (after an import,
// or when the rep's context changes), posting progress. Thin glue over
// lib/db/derive.ts.
import { refreshAllTies } from '@/lib/db/derive';
import type { TiesReply, TiesRequest } from './ties';

const post = (m: TiesReply) => (self as unknown as { postMessage(m: TiesReply): void }).postMessage(m);

self.onmessage = async (e: MessageEvent<TiesRequest>) => {
  try {
    await refreshAllTies(Date.now(), undefined, e.data.only, (p) => post({ type: 'progress', ...p }));
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
