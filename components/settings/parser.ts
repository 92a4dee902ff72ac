// How the import UI reads a file: in a Web Worker (the default), so a 100,000-row
// file never blocks the page; or in-thread (tests). Cancel ends the worker.
import { type FilePreview, type FileRead, type ReadOptions, previewFile, readChunks } from '@/lib/import/read';
import { ImportError } from '@/lib/import/table';
import type { Why } from '@/lib/import/why';
import { previewInput } from './preview-input';

export type WorkerRequest = { type: 'preview'; file: File } | { type: 'parse'; file: File; opts: ReadOptions };
export type WorkerReply =
  | { type: 'preview'; preview: FilePreview }
  | { type: 'progress'; bytes: number }
  | { type: 'done'; report: FileRead }
  | { type: 'error'; name: string; message: string; why?: Why };

export interface ImportParser {
  preview(file: File): Promise<FilePreview>;
  parse(file: File, opts: ReadOptions, onProgress: (bytes: number) => void): Promise<FileRead>;
  /** stops the running parse; its promise rejects with ParseCancelled */
  cancel(): void;
}

export class ParseCancelled extends Error {
  override name = 'ParseCancelled';
}

/** A failure reading the file, with the error's name (ImportError: the file cannot be read) and, for an ImportError, why. */
export class ParseFailed extends Error {
  constructor(public kind: string, message: string, public why?: Why) {
    super(message);
    this.name = 'ParseFailed';
  }

  static of(e: unknown): ParseFailed {
    const err = e as Error;
    return new ParseFailed(err.name, err.message, e instanceof ImportError ? e.why : undefined);
  }
}

export function createWorkerParser(): ImportParser {
  let running: { worker: Worker; reject: (e: Error) => void } | null = null;
  const run = <T,>(req: WorkerRequest, onMessage: (m: WorkerReply, resolve: (v: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      const done = () => {
        worker.terminate();
        if (running?.worker === worker) running = null;
      };
      running = { worker, reject: (e) => (done(), reject(e)) };
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        const m = e.data;
        if (m.type === 'error') {
          done();
          reject(new ParseFailed(m.name, m.message, m.why));
        } else onMessage(m, (v) => (done(), resolve(v)));
      };
      worker.onerror = (e) => {
        done();
        reject(new ParseFailed('Error', e.message || 'worker failed'));
      };
      worker.postMessage(req);
    });
  return {
    preview: (file) => run<FilePreview>({ type: 'preview', file }, (m, ok) => m.type === 'preview' && ok(m.preview)),
    parse: (file, opts, onProgress) =>
      run<FileRead>({ type: 'parse', file, opts }, (m, ok) => {
        if (m.type === 'progress') onProgress(m.bytes);
        else if (m.type === 'done') ok(m.report);
      }),
    cancel: () => running?.reject(new ParseCancelled('cancelled')),
  };
}

/** The same reading on the page's own thread (component tests, where there is no Worker). */
export function createInlineParser(): ImportParser {
  let cancelled = false;
  return {
    async preview(file) {
      try {
        return await previewFile(file.name, await previewInput(file));
      } catch (e) {
        // as the worker reports it: a file that cannot be read is said so, not "the import failed"
        throw ParseFailed.of(e);
      }
    },
    async parse(file, opts, onProgress) {
      cancelled = false;
      const bytes = new Uint8Array(await file.arrayBuffer());
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
      }
      try {
        return await readChunks(chunks(), opts, onProgress, () => cancelled);
      } catch (e) {
        if (cancelled) throw new ParseCancelled('cancelled');
        throw ParseFailed.of(e);
      }
    },
    cancel() {
      cancelled = true;
    },
  };
}
