import type { TabState } from '@/lib/messages';

/** What the panel needs from the browser; entrypoints/sidepanel/bridge.ts implements it. */
export interface PanelBridge {
  getTabState(): Promise<TabState | null>;
  /** calls back when the followed tab or its read changes; returns an unsubscribe */
  onTabStateChanged(listener: () => void): () => void;
  languages(): string[];
  /** the book page's URL, when the panel can open it */
  bookUrl?: string;
}
