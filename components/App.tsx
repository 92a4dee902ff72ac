import type { PanelBridge } from './bridge';
import { Panel } from './Panel';
import { PageShell } from './PageShell';

/** The side panel. */
export function App({ bridge }: { bridge: PanelBridge }) {
  return (
    <PageShell languages={bridge.languages()} title="app.name">
      <Panel bridge={bridge} />
    </PageShell>
  );
}
