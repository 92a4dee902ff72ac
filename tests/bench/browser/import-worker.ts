// The bench's import worker (bundled by tests/bench/cases/import.ts, started by
// tests/bench/browser/import.ts from a Blob URL): the settings page's import worker
// (components/settings/import.worker.ts) with the bench's database, the same
// runImport and the same exchange — the file read, the page's consent, the writes.
// As the settings page's worker made the preview the user looked at before clicking
// Import (previewFile over the file's first 64 KB), and opened the database meanwhile,
// so does this one before the clock starts ('open').
import { TiewiseDB, db, useDatabase } from '@/lib/db/database';
import { runImport } from '@/components/settings/run-import';
import { previewInput } from '@/components/settings/preview-input';
import { previewFile } from '@/lib/import/read';
import { chunks } from './raw-db';

type Start = { type: 'open'; name: string; file: File } | { type: 'import'; blob: Blob };
const post = (m: unknown) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);
let allowWrite: (() => void) | null = null;

self.onmessage = async (e: MessageEvent<Start | { type: 'write' }>) => {
  const msg = e.data;
  if (msg.type === 'write') return allowWrite?.();
  try {
    if (msg.type === 'open') {
      // as the settings page's worker: the preview the user looks at, then the database opened meanwhile
      await previewFile(msg.file.name, await previewInput(msg.file));
      useDatabase(new TiewiseDB(msg.name));
      await db().open();
      return post({ type: 'ready' });
    }
    const t0 = performance.now();
    let read = 0;
    const { result } = await runImport(chunks(msg.blob), 'bench.csv', { format: 'csv' }, {
      signal: new AbortController().signal,
      onProgress: () => {},
      beforeWrite: () =>
        new Promise<void>((resolve) => {
          read = performance.now();
          allowWrite = resolve;
          post({ type: 'read' });
        }),
    });
    post({ type: 'done', result, parseMs: read - t0 });
  } catch (err) {
    post({ type: 'error', message: (err as Error).message });
  }
};
