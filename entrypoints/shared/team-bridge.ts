import { browser } from 'wxt/browser';
import { judge, type Responses } from '@/lib/messages';
import { TEAM_OFF, TeamStatus, type TeamConfig } from '@/lib/sync/status';
import type { TeamBridge } from '@/components/shared/team';

// The extension pages' contact with the team book (components/shared/team.ts): messages to the
// background (lib/messages.ts's team:*), its bg:team-status broadcasts, and the browser's
// optional host permission for the team's server.
export function createTeamBridge(): TeamBridge {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  /** the background's answer, checked: anything else reads as "off" (never a status made up) */
  const ask = async (msg: { type: 'team:get-status' | 'team:disconnect' | 'team:sync-now' } | { type: 'team:connect'; config: TeamConfig }): Promise<Responses['team:get-status']> => {
    const raw: unknown = await browser.runtime.sendMessage(msg).catch(() => undefined);
    const parsed = TeamStatus.safeParse(raw);
    return parsed.success ? parsed.data : TEAM_OFF;
  };
  return {
    getStatus: () => ask({ type: 'team:get-status' }),
    connect: (config) => ask({ type: 'team:connect', config }),
    disconnect: () => ask({ type: 'team:disconnect' }),
    syncNow: () => ask({ type: 'team:sync-now' }),
    // called in the click's own task: permissions.request needs the user gesture
    requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }).catch(() => false),
    onStatus(listener) {
      const onMessage = (raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number; url?: string } }) => {
        // every extension message reaches this page (a content script's whole page read among
        // them): only the one this listener is for is judged, not parsed in full for nothing
        if ((raw as { type?: unknown } | null)?.type !== 'bg:team-status') return undefined;
        const v = judge(raw, sender, self);
        if (v.ok && v.message.type === 'bg:team-status') listener(v.message.status);
        return undefined;
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
  };
}
