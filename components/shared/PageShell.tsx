import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, pickLanguage } from './i18n';
import { DbGate } from './DbGate';
import { ErrorBoundary } from './ErrorBoundary';
import { prepareFormat } from './format';
import { TeamProvider } from './useTeam';

/**
 * What every extension page wraps its content in: the UI language (also as the
 * document's `lang` and `dir`, so a screen reader reads Russian with a Russian
 * voice), the page's title, error containment, the database check (`opening` is
 * shown until the database is open), and the team book's status with its pulse
 * (components/shared/useTeam.tsx).
 */
export function PageShell({ languages, title, children, opening }: { languages: readonly string[]; title?: string; children: ReactNode; opening?: ReactNode }) {
  const i18n = useMemo(() => createI18n(pickLanguage(languages)), [languages]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.documentElement.dir = i18n.dir(i18n.language);
    document.title = title ? i18n.t(title) : 'Tiewise';
  }, [i18n, title]);
  // the date and number formatters load the locale's data: in idle time now, not in the first card's render
  useEffect(() => prepareFormat(i18n.language), [i18n]);
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        {/* the team's status comes from the background, not the database: asked at once */}
        <TeamProvider>
          <DbGate opening={opening}>{children}</DbGate>
        </TeamProvider>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
