import { useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, pickLanguage } from '@/components/i18n';
import { DbGate } from '../DbGate';
import { ErrorBoundary } from '../ErrorBoundary';
import { Dashboard } from './Dashboard';

/** The dashboard page: i18n, error containment, the database check, then the dashboard. */
export function DashboardApp({ languages, hash, onHash }: { languages: readonly string[]; hash?: string; onHash?: (h: string) => void }) {
  const i18n = useMemo(() => createI18n(pickLanguage(languages)), [languages]);
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <DbGate>
          <Dashboard hash={hash} onHash={onHash} />
        </DbGate>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
