import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { TEAM_OFF, type TeamStatus } from '@/lib/sync/status';
import { teamBridge, type TeamBridge } from './team';

// The team book's status as every page sees it, and the pulse that keeps an open
// page current: while the page is visible and the team book is on, it asks the
// background to sync every few seconds, so a teammate's change shows within seconds.

/** How often a visible page asks for a sync (team:sync-now). */
export const PULSE_MS = 4000;

interface TeamContext {
  status: TeamStatus;
  /** a status the page learnt itself (a connect's answer, a refused permission) */
  setStatus(s: TeamStatus): void;
  bridge: TeamBridge | null;
}

const Ctx = createContext<TeamContext>({ status: TEAM_OFF, setStatus: () => undefined, bridge: null });

export function useTeam(): TeamContext {
  return useContext(Ctx);
}

/** Holds the status (asked at start, then from the background's broadcasts) and runs the pulse. */
export function TeamProvider({ children, pulseMs = PULSE_MS }: { children: ReactNode; pulseMs?: number }) {
  const [bridge] = useState(() => teamBridge());
  const [status, setStatusState] = useState<TeamStatus>(TEAM_OFF);
  const state = useRef(status.state);
  const setStatus = useCallback((s: TeamStatus) => {
    state.current = s.state;
    setStatusState(s);
  }, []);

  useEffect(() => {
    if (!bridge) return;
    let live = true;
    let heard = false; // a broadcast is newer than the first answer, whichever arrives first
    const stop = bridge.onStatus((s) => {
      heard = true;
      if (live) setStatus(s);
    });
    void bridge.getStatus().then((s) => live && !heard && setStatus(s), () => undefined);
    return () => {
      live = false;
      stop();
    };
  }, [bridge, setStatus]);

  useEffect(() => {
    if (!bridge) return;
    let live = true;
    let busy = false;
    const pulse = () => {
      if (busy || document.visibilityState !== 'visible' || state.current === 'off') return;
      busy = true;
      bridge.syncNow().then(
        (s) => live && setStatus(s),
        () => undefined,
      ).finally(() => (busy = false));
    };
    const timer = setInterval(pulse, pulseMs);
    // back in view: catch up at once rather than at the next tick
    const onVisible = () => document.visibilityState === 'visible' && pulse();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [bridge, pulseMs, setStatus]);

  const value = useMemo(() => ({ status, setStatus, bridge }), [status, setStatus, bridge]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
