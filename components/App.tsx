import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, pickLanguage } from '@/components/i18n';
import type { PanelBridge } from './bridge';
import { DbGate } from './DbGate';
import { ErrorBoundary } from './ErrorBoundary';
import { Panel } from './Panel';

/** The side panel: i18n, error containment, the database check, then the panel. */
export function App({ bridge }: { bridge: PanelBridge }) {
  const i18n = useMemo(() => createI18n(pickLanguage(bridge.languages())), [bridge]);
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <DbGate>
          <Panel bridge={bridge} />
        </DbGate>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
