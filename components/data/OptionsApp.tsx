import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, pickLanguage } from '@/components/i18n';
import { DbGate } from '../DbGate';
import { ErrorBoundary } from '../ErrorBoundary';
import type { ImportParser } from './parser';
import { SettingsPage } from './SettingsPage';

/** The options page: i18n, error containment, the database check, then the settings. */
export function OptionsApp({ languages, parser }: { languages: readonly string[]; parser: ImportParser }) {
  const i18n = useMemo(() => createI18n(pickLanguage(languages)), [languages]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = i18n.t('data.pageTitle');
  }, [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <DbGate>
          <SettingsPage parser={parser} />
        </DbGate>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
