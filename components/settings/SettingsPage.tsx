import { useTranslation } from 'react-i18next';
import { BackupReminder } from './BackupReminder';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import type { ImportRunner } from './runner';
import { RepSection } from './RepSection';
import { TeamSection } from './TeamSection';

/** The extension's options page: the rep's profile, import, export, backup, the team book; links to the book and dashboard. */
export function SettingsPage({ runner }: { runner: ImportRunner }) {
  const { t } = useTranslation();
  return (
    <main className="settings">
      <header className="settings-head">
        <h1 className="brand">{t('data.pageTitle')}</h1>
        <nav aria-label={t('data.nav.label')}>
          <a href="book.html">{t('data.nav.book')}</a>
          <a href="dashboard.html">{t('data.nav.dashboard')}</a>
        </nav>
      </header>
      <BackupReminder />
      <RepSection />
      <ImportSection runner={runner} />
      <ExportSection />
      <BackupSection />
      <TeamSection />
    </main>
  );
}
