import type { TabState } from '@/lib/messages';

/** What the panel needs from the browser; entrypoints/sidepanel/bridge.ts implements it. */
export interface PanelBridge {
  getTabState(): Promise<TabState | null>;
  /** calls back when the followed tab or its read changes; returns an unsubscribe */
  onTabStateChanged(listener: () => void): () => void;
  languages(): string[];
  /** the extension's own pages, when the panel can open them */
  bookUrl?: string;
  dashboardUrl?: string;
  optionsUrl?: string;
}
