import { useEffect, useState } from 'react';
import type { TabState } from '@/lib/messages';
import type { PanelBridge } from './bridge';

/** The read of the tab the panel follows; undefined while asking. */
export function useTabState(bridge: PanelBridge): TabState | null | undefined {
  const [state, setState] = useState<TabState | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    const refresh = () => {
      bridge.getTabState().then(
        (s) => alive && setState(s),
        () => alive && setState(null),
      );
    };
    refresh();
    const off = bridge.onTabStateChanged(refresh);
    return () => {
      alive = false;
      off();
    };
  }, [bridge]);
  return state;
}
