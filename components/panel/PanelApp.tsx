import type { PanelBridge } from './bridge';
import { Panel } from './Panel';
import { PageShell } from '../shared/PageShell';

/** The side panel. */
export function PanelApp({ bridge }: { bridge: PanelBridge }) {
  return (
    <PageShell languages={bridge.languages()} title="app.name">
      <Panel bridge={bridge} />
    </PageShell>
  );
}
