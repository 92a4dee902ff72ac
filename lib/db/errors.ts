import Dexie from 'dexie';

// Storage errors the pages can name: a full disk rolls a write back whole and says so.

/** A write failed because the disk (the browser's quota) is full. */
export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('storage-full');
    this.name = 'StorageFullError';
    this.cause = cause;
  }
}

/** Turns Dexie's quota errors into StorageFullError; the transaction has rolled back. */
export async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError(e);
    throw e;
  }
}

export function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError' ||
    (err instanceof Dexie.AbortError && err.inner?.name === 'QuotaExceededError');
}
