import type { LayoutReportResult } from '@/lib/messages';

// Where the panel gets the page to make a layout report of. The side panel's bridge
// registers the real one (entrypoints/sidepanel/bridge.ts: background → the tab's content
// script); tests register a fake. With none registered the action is not offered.
export type LayoutReportSource = () => Promise<LayoutReportResult>;

let current: LayoutReportSource | null = null;

export function provideLayoutReport(source: LayoutReportSource | null): void {
  current = source;
}

export function layoutReportSource(): LayoutReportSource | null {
  return current;
}
