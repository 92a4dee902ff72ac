import type { TabState } from '@/lib/messages';

/** What the panel needs from the browser; entrypoints/sidepanel/bridge.ts implements it. */
export interface PanelBridge {
  getTabState(): Promise<TabState | null>;
  /**
   * Calls back when the followed tab or its read changes: with the followed tab's state when
   * the word carried it, else with none (ask getTabState). Returns an unsubscribe.
   */
  onTabStateChanged(listener: (state?: TabState | null) => void): () => void;
  languages(): string[];
  /** the extension's own pages, when the panel can open them */
  bookUrl?: string;
  dashboardUrl?: string;
  optionsUrl?: string;
}
