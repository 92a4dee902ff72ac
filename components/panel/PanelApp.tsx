import type { PanelBridge } from './bridge';
import { Panel } from './Panel';
import { PageShell } from '../shared/PageShell';

/**
 * The side panel. While the database opens (up to half a second on a cold start with a
 * big book) it shows its frame, and asks for the tab's read: that first render is then
 * done when the database is ready, not after it.
 */
export function PanelApp({ bridge }: { bridge: PanelBridge }) {
  return (
    <PageShell languages={bridge.languages()} title="app.name" opening={<Panel bridge={bridge} opening />}>
      <Panel bridge={bridge} />
    </PageShell>
  );
}
