// The import's Web Worker: reads the File off the UI thread, streaming, through
// lib/import (lib/import/read.ts), then — once the page says so — writes it with the
// importer's one transaction (run-import.ts), posting progress and the outcome. Thin glue.
import { openDatabase } from '@/lib/db/database';
import { previewFile } from '@/lib/import/read';
import { previewInput } from './preview-input';
import { ReadFailure, fileChunks, replyOf, runImport } from './run-import';
import type { WorkerReply, WorkerRequest } from './runner';

const post = (m: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(m);
const ctl = new AbortController();
let allowWrite: (() => void) | null = null;

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  if (msg.type === 'cancel') return ctl.abort();
  if (msg.type === 'write') return allowWrite?.();
  if (msg.type === 'preview') {
    try {
      post({ type: 'preview', preview: await previewFile(msg.file.name, await previewInput(msg.file)) });
      // while the user looks at the preview: the connection the import will write through
      openDatabase().catch(() => undefined);
    } catch (err) {
      post(replyOf(new ReadFailure(err)));
    }
    return;
  }
  try {
    let last = 0;
    const size = msg.file.size;
    const imported = await runImport(fileChunks(msg.file), msg.file.name, msg.opts, {
      signal: ctl.signal,
      onProgress: (p) => {
        // a message per ~1% of the bytes is plenty; every write chunk's
        if (p.step === 'reading' && p.bytes - last < size / 100 && p.bytes !== size) return;
        if (p.step === 'reading') last = p.bytes;
        post({ type: 'progress', ...p });
      },
      beforeWrite: () =>
        new Promise<void>((resolve) => {
          allowWrite = resolve;
          post({ type: 'read' });
        }),
    });
    post({ type: 'done', imported });
  } catch (err) {
    post(replyOf(err));
  }
};
