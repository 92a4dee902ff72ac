// How the settings page imports a file: in a Web Worker (the default), which reads
// the file, plans the import and writes it, so a 100,000-row file never blocks the
// page; or on the page's own thread (component tests, where there is no Worker).
// Cancel: until the worker has asked to write, the worker is simply ended (nothing
// was written); once writing, it is asked to stop, and its transaction rolls back.
import { ImportCancelled } from '@/lib/db/importer';
import { StorageFullError } from '@/lib/db/errors';
import { type FilePreview, type ReadOptions, previewFile } from '@/lib/import/read';
import type { Why } from '@/lib/import/why';
import { previewInput } from './preview-input';
import { type Imported, type RunProgress, ReadFailure, type WorkerError, replyOf, runImport } from './run-import';

export type WorkerRequest =
  | { type: 'preview'; file: File }
  | { type: 'import'; file: File; opts: ReadOptions }
  /** the page's consent to write, once the worker has read the file */
  | { type: 'write' }
  | { type: 'cancel' };
export type WorkerReply =
  | { type: 'preview'; preview: FilePreview }
  | ({ type: 'progress' } & RunProgress)
  /** the file is read; the worker waits for 'write' */
  | { type: 'read' }
  | { type: 'done'; imported: Imported }
  | WorkerError;

export interface ImportRunner {
  preview(file: File): Promise<FilePreview>;
  /** reads and imports the file; rejects with ParseFailed, ImportCancelled, StorageFullError or the importer's error */
  run(file: File, opts: ReadOptions, onProgress: (p: RunProgress) => void): Promise<Imported>;
  /** stops the running import; its promise rejects with ImportCancelled, unless it had already finished */
  cancel(): void;
}

/** A failure reading the file, with the error's name (ImportError: the file cannot be read) and, for an ImportError, why. */
export class ParseFailed extends Error {
  constructor(public kind: string, message: string, public why?: Why) {
    super(message);
    this.name = 'ParseFailed';
  }

}

/** The error a worker's reply stands for, as the page's own classes. */
function errorOf(m: WorkerError): Error {
  if (m.phase === 'read') return new ParseFailed(m.name, m.message, m.why);
  if (m.name === 'ImportCancelled') return new ImportCancelled();
  if (m.name === 'StorageFullError') return new StorageFullError(m.message);
  return new Error(m.message);
}

export function createWorkerRunner(): ImportRunner {
  let running: { worker: Worker; writing: boolean; cancelled: boolean; end: (e: Error) => void } | null = null;
  // the worker that made the last preview, kept for the import the user may start from it: its code is
  // loaded and its database open by the time they click Import (ended after an import, or on an error)
  let warm: Worker | null = null;
  const start = <T,>(req: WorkerRequest, keep: boolean, onMessage: (m: WorkerReply, resolve: (v: T) => void) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const worker = warm ?? new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
      warm = null;
      const done = (kept: boolean) => {
        if (running?.worker === worker) running = null;
        if (kept) warm = worker;
        else worker.terminate();
      };
      const run = { worker, writing: false, cancelled: false, end: (e: Error) => (done(false), reject(e)) };
      running = run;
      worker.onmessage = (e: MessageEvent<WorkerReply>) => {
        const m = e.data;
        if (m.type === 'error') run.end(errorOf(m));
        else if (m.type === 'read') {
          // nothing is written until the page says so: a cancel before this point ends the worker
          if (run.cancelled) return run.end(new ImportCancelled());
          run.writing = true;
          worker.postMessage({ type: 'write' } satisfies WorkerRequest);
        } else onMessage(m, (v) => (done(keep), resolve(v)));
      };
      worker.onerror = (e) => run.end(new ParseFailed('Error', e.message || 'worker failed'));
      worker.postMessage(req);
    });
  return {
    preview: (file) => start<FilePreview>({ type: 'preview', file }, true, (m, ok) => m.type === 'preview' && ok(m.preview)),
    run: (file, opts, onProgress) =>
      start<Imported>({ type: 'import', file, opts }, false, (m, ok) => {
        if (m.type === 'progress') onProgress(m);
        else if (m.type === 'done') ok(m.imported);
      }),
    cancel: () => {
      const run = running;
      if (!run) return;
      run.cancelled = true;
      // writing: the worker rolls its transaction back and answers ImportCancelled (or done, if it had finished)
      if (run.writing) run.worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
      else run.end(new ImportCancelled());
    },
  };
}

/** The same import on the page's own thread (component tests, where there is no Worker). */
export function createInlineRunner(): ImportRunner {
  let ctl: AbortController | null = null;
  return {
    async preview(file) {
      try {
        return await previewFile(file.name, await previewInput(file));
      } catch (e) {
        // as the worker reports it: a file that cannot be read is said so, not "the import failed"
        throw errorOf(replyOf(new ReadFailure(e)));
      }
    },
    async run(file, opts, onProgress) {
      const mine = new AbortController();
      ctl = mine;
      const bytes = new Uint8Array(await file.arrayBuffer());
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
      }
      try {
        return await runImport(chunks(), file.name, opts, { signal: mine.signal, onProgress, beforeWrite: () => Promise.resolve() });
      } catch (e) {
        throw e instanceof ReadFailure ? errorOf(replyOf(e)) : e;
      } finally {
        if (ctl === mine) ctl = null;
      }
    },
    cancel() {
      ctl?.abort();
    },
  };
}
