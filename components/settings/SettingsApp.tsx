import { PageShell } from '../shared/PageShell';
import type { ImportParser } from './parser';
import { SettingsPage } from './SettingsPage';

/** The settings page (WXT's options entrypoint, entrypoints/options). */
export function SettingsApp({ languages, parser }: { languages: readonly string[]; parser: ImportParser }) {
  return (
    <PageShell languages={languages} title="data.pageTitle">
      <SettingsPage parser={parser} />
    </PageShell>
  );
}
