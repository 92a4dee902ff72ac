import type { TeamConfig, TeamStatus } from '@/lib/sync/status';

// What the pages need from the browser for the team book. Each page's entrypoint
// registers the real one (entrypoints/shared/team-bridge.ts: runtime messages to the
// background, the optional host permission); tests register a fake. With none
// registered (a component test that does not care) the team book stays off and silent.
export interface TeamBridge {
  getStatus(): Promise<TeamStatus>;
  connect(config: TeamConfig): Promise<TeamStatus>;
  disconnect(): Promise<TeamStatus>;
  syncNow(): Promise<TeamStatus>;
  /**
   * Asks the browser for the optional host permission on `pattern` (https://host/*).
   * Call it straight from a click handler, before any await: browsers grant it only
   * during a user gesture. Resolves true when granted (or already held).
   */
  requestOrigin(pattern: string): Promise<boolean>;
  /** calls back on every status the background broadcasts (bg:team-status); returns an unsubscribe */
  onStatus(listener: (status: TeamStatus) => void): () => void;
}

let current: TeamBridge | null = null;

export function provideTeam(bridge: TeamBridge | null): void {
  current = bridge;
}

export function teamBridge(): TeamBridge | null {
  return current;
}
