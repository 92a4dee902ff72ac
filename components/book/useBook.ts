import { useEffect, useState, useSyncExternalStore } from 'react';
import { BookModel } from '@/lib/book/model';
import { followBook, loadBook } from '@/lib/db/book';

/**
 * The page's one BookModel: loaded once, kept current from the database's change
 * feed. React holds only the model's version number, never its rows.
 */
export function useBook(locale: string): { model: BookModel; ready: boolean; version: number; error: Error | null } {
  const [model] = useState(() => new BookModel(locale));
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    const stop = followBook(model, undefined, (e) => live && setError(e as Error));
    loadBook(model).then(
      () => live && setReady(true),
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
      stop();
    };
  }, [model]);
  const version = useSyncExternalStore((cb) => model.subscribe(cb), () => model.version);
  return { model, ready, version, error };
}
