import { PageShell } from '../PageShell';
import type { ImportParser } from './parser';
import { SettingsPage } from './SettingsPage';

/** The options page: the settings. */
export function OptionsApp({ languages, parser }: { languages: readonly string[]; parser: ImportParser }) {
  return (
    <PageShell languages={languages} title="data.pageTitle">
      <SettingsPage parser={parser} />
    </PageShell>
  );
}
