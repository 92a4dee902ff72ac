import { useEffect, useMemo } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, pickLanguage } from '@/components/i18n';
import { DbGate } from '../DbGate';
import { ErrorBoundary } from '../ErrorBoundary';
import { BookPage } from './BookPage';

/** The book page: i18n, error containment, the database check, then the book. */
export function BookApp({ languages }: { languages: readonly string[] }) {
  const i18n = useMemo(() => createI18n(pickLanguage(languages)), [languages]);
  useEffect(() => {
    document.title = i18n.t('book.pageTitle');
    document.documentElement.lang = i18n.language;
  }, [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <DbGate>
          <BookPage />
        </DbGate>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
