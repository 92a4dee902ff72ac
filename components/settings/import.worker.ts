// The import's Web Worker: reads the File off the UI thread, streaming, through
// lib/import (lib/import/read.ts), and posts progress and the report. Thin glue.
import { type ReadOptions, previewFile, readChunks } from '@/lib/import/read';
import { ImportError } from '@/lib/import/table';
import type { WorkerReply, WorkerRequest } from './parser';
import { previewInput } from './preview-input';
const post = (m: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(m);

async function* chunks(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

self.onmessage = async (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  try {
    if (msg.type === 'preview') {
      post({ type: 'preview', preview: await previewFile(msg.file.name, await previewInput(msg.file)) });
    } else {
      let last = 0;
      const report = await readChunks(chunks(msg.file), msg.opts as ReadOptions, (bytes) => {
        // a message per ~1% is plenty
        if (bytes - last >= msg.file.size / 100 || bytes === msg.file.size) {
          last = bytes;
          post({ type: 'progress', bytes });
        }
      });
      post({ type: 'done', report });
    }
  } catch (err) {
    post({ type: 'error', name: (err as Error).name, message: (err as Error).message, ...(err instanceof ImportError && { why: err.why }) });
  }
};
