import { startTransition, useEffect, useRef, useState } from 'react';
import type { TabState } from '@/lib/messages';
import type { PanelBridge } from './bridge';

/** How long a new read may wait for its card's data to be read ahead (prepare) before it is shown anyway. */
export const PREPARE_WAIT_MS = 250;

export interface TabStateOptions {
  /**
   * Reads ahead what a state will show (cardData.ts): the state is shown once that is
   * done, or after PREPARE_WAIT_MS, the page before it staying meanwhile — so a card comes
   * in one render rather than a query and a render per part.
   */
  prepare?: (s: TabState) => Promise<unknown>;
  /** true: keep what comes, show nothing yet (the database is being opened); the last one is shown once false */
  hold?: boolean;
}

/**
 * The read of the tab the panel follows; undefined while asking. A newer state (or ask)
 * overtakes an older one still being prepared or answered.
 */
export function useTabState(bridge: PanelBridge, { prepare, hold = false }: TabStateOptions = {}): TabState | null | undefined {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  // latest: the number of the newest ask or word; received: the newest answer or word come, and its number
  const live = useRef({ prepare, hold, latest: 0, received: undefined as TabState | null | undefined, receivedN: 0, alive: true });

  const show = async (n: number, s: TabState | null) => {
    const l = live.current;
    if (n !== l.latest) return; // overtaken already
    l.received = s;
    l.receivedN = n;
    if (l.hold) return;
    if (l.prepare && s) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        l.prepare(s).catch(() => undefined), // a failed read ahead is the card's own to show
        new Promise((ok) => (timer = setTimeout(ok, PREPARE_WAIT_MS))),
      ]);
      clearTimeout(timer);
    }
    // a transition: a whole card is then rendered in slices that give the panel's thread
    // back in between, not as one task
    if (l.alive && n === l.latest && !l.hold) startTransition(() => setState(s));
  };

  useEffect(() => {
    const l = live.current;
    const wasHeld = l.hold;
    l.prepare = prepare;
    l.hold = hold;
    // let go: what was kept is shown, unless a newer ask is still on its way (its answer is
    // shown when it comes; numbering the kept one anew would make it overtake that answer)
    if (wasHeld && !hold && l.received !== undefined && l.receivedN === l.latest) void show(l.latest, l.received);
  });

  useEffect(() => {
    const l = live.current;
    l.alive = true;
    const refresh = () => {
      const n = ++l.latest;
      bridge.getTabState().then(
        (s) => show(n, s),
        () => show(n, null),
      );
    };
    refresh();
    const off = bridge.onTabStateChanged((s) => (s === undefined ? refresh() : void show(++l.latest, s)));
    return () => {
      l.alive = false;
      off();
    };
  }, [bridge]);
  return state;
}
