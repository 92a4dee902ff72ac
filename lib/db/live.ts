import { liveQuery } from 'dexie';

/**
 * A read that answers again whenever what it read changes (Dexie's liveQuery), for
 * the UI's own subscription hooks (components/useSlicedLiveQuery.ts): components
 * never import Dexie itself.
 */
export function watchQuery<T>(querier: () => Promise<T>): { subscribe(o: { next(v: T): void; error(e: unknown): void }): { unsubscribe(): void } } {
  return liveQuery(querier);
}
