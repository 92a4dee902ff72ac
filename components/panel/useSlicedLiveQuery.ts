import { startTransition, useEffect, useState, type DependencyList } from 'react';
import { watchQuery } from '@/lib/db/live';

/**
 * useLiveQuery (dexie-react-hooks) whose results render as a transition: React
 * renders what a result changes in slices, yielding to the page between components,
 * instead of one task. A whole contact card at 100,000 contacts was one 100-300 ms
 * task on a cold panel, and the other reads' answers waited behind it. The last
 * result stays until the next one (as useLiveQuery's); an error is thrown to the
 * nearest error boundary (as useLiveQuery's). A card is keyed by its contact, so a
 * result held back by a transition is never shown as another person's.
 */
export function useSlicedLiveQuery<T>(querier: () => Promise<T>, deps: DependencyList): T | undefined {
  const [state, setState] = useState<{ value?: T; error?: unknown }>({});
  useEffect(() => {
    const sub = watchQuery(querier).subscribe({
      next: (value) => startTransition(() => setState({ value })),
      error: (error: unknown) => setState((s) => ({ ...s, error })),
    });
    return () => sub.unsubscribe();
    // the caller's deps, as useLiveQuery takes them
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  if (state.error !== undefined) throw state.error;
  return state.value;
}
