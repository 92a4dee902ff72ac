// Mines the cross-sell rules off the panel's thread and stores them
// (lib/db/crosssell.ts); the panel's live queries pick the new rules up.
import { mineAndStoreRules } from '@/lib/db/crosssell';

self.onmessage = async () => {
  try {
    await mineAndStoreRules();
  } catch (e) {
    console.warn('[tiewise] cross-sell rules not mined', e);
  }
  (self as unknown as { postMessage(m: unknown): void }).postMessage('done');
};
