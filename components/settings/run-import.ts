// One import from the File to the book: read and parse (lib/import/read.ts), the
// importer's one transaction (lib/db/importer.ts), the rejected rows as a file to
// download. The import worker runs it (import.worker.ts), so the settings page never
// waits on a 100,000-row plan, its tie fields or its writes; component tests run it
// on their own thread (runner.ts).
import { ImportCancelled, applyImport, type ApplyResult } from '@/lib/db/importer';
import { type ReadOptions, readChunks, rejectsFile } from '@/lib/import/read';
import { ImportError } from '@/lib/import/table';
import type { Why } from '@/lib/import/why';

export interface Imported {
  result: ApplyResult;
  /** the rejected rows as a file in the imported file's own form; null when none was rejected */
  rejects: { text: string; ext: 'csv' | 'json' | 'vcf' } | null;
}

/** A File (or any Blob) read as a stream, chunk by chunk, as readChunks takes it. */
export async function* fileChunks(file: Blob): AsyncIterable<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

export type RunProgress = { step: 'reading'; bytes: number } | { step: 'writing'; done: number; total: number };

/** The file could not be read (nothing was written): its error is the cause. */
export class ReadFailure extends Error {
  constructor(readonly error: unknown) {
    super('read-failed');
    this.name = 'ReadFailure';
  }
}

export interface RunHooks {
  signal: AbortSignal;
  onProgress(p: RunProgress): void;
  /**
   * Called once the file is read, before anything is written; the writing starts when it
   * resolves (the settings page's consent: until then a cancel may simply end the worker).
   */
  beforeWrite(): Promise<void>;
}

/**
 * Reads and imports one file. Throws ReadFailure when the file cannot be read,
 * ImportCancelled when the signal aborts (before the writing, or during it: the
 * transaction rolls back), or the importer's own error (the book is as before).
 */
export async function runImport(chunks: AsyncIterable<Uint8Array>, fileName: string, opts: ReadOptions, hooks: RunHooks): Promise<Imported> {
  const { signal } = hooks;
  let report;
  try {
    report = await readChunks(chunks, opts, (bytes) => hooks.onProgress({ step: 'reading', bytes }), () => signal.aborted);
  } catch (e) {
    if (signal.aborted) throw new ImportCancelled();
    throw new ReadFailure(e);
  }
  await hooks.beforeWrite();
  if (signal.aborted) throw new ImportCancelled();
  hooks.onProgress({ step: 'writing', done: 0, total: 0 });
  const result = await applyImport(report, { fileName, signal, onProgress: (done, total) => hooks.onProgress({ step: 'writing', done, total }) });
  return { result, rejects: result.rejected.length ? rejectsFile(report, result.rejected) : null };
}

/** An error as the worker posts it: read, the file could not be read (nothing was written); write, the import failed and was rolled back. */
export type WorkerError = { type: 'error'; phase: 'read' | 'write'; name: string; message: string; why?: Why };

/** What a worker posts for an error thrown by runImport or previewFile. */
export function replyOf(e: unknown): WorkerError {
  if (e instanceof ReadFailure) {
    const err = e.error as Error;
    return { type: 'error', phase: 'read', name: err?.name ?? 'Error', message: err?.message ?? String(e.error), ...(e.error instanceof ImportError && { why: e.error.why }) };
  }
  const err = e as Error;
  return { type: 'error', phase: 'write', name: err?.name ?? 'Error', message: err?.message ?? String(e) };
}
