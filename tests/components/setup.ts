import 'fake-indexeddb/auto';
import { configure } from '@testing-library/react';

// liveQuery re-runs after a write take a moment under jsdom + fake-indexeddb
configure({ asyncUtilTimeout: 4000 });
import { TiewiseDB, useDatabase } from '@/lib/db/database';
import type { PanelBridge } from '@/components/panel/bridge';
import type { TabState } from '@/lib/messages';
import { emptyFields, type Extraction } from '@/lib/extract/types';

let n = 0;
/** A fresh database for each test. */
export function freshDb(): TiewiseDB {
  const d = new TiewiseDB(`component-${Date.now()}-${++n}`);
  useDatabase(d);
  return d;
}

/** A bridge whose tab state the test sets. */
export function fakeBridge(initial: TabState | null, languages = ['en-US']) {
  let state = initial;
  const listeners = new Set<(s?: TabState | null) => void>();
  const bridge: PanelBridge = {
    getTabState: async () => state,
    onTabStateChanged: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    languages: () => languages,
  };
  return {
    bridge,
    /** the word of a change without the state: the panel asks */
    set(next: TabState | null) {
      state = next;
      listeners.forEach((l) => l());
    },
    /** the word of a change with the state carried, as the background sends it for the followed tab */
    push(next: TabState | null) {
      state = next;
      listeners.forEach((l) => l(next));
    },
  };
}

export function profileRead(url: string, fields: Partial<Extraction['fields']>, site: Extraction['site'] = 'linkedin'): TabState {
  return {
    tabId: 1, url, at: Date.now(),
    extraction: { site, kind: 'profile', profileUrl: url, lang: 'en', fields: { ...emptyFields(), ...fields } },
  };
}
