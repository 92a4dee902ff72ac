import { PageShell } from '../shared/PageShell';
import type { ImportRunner } from './runner';
import { SettingsPage } from './SettingsPage';

/** The settings page (WXT's options entrypoint, entrypoints/options). */
export function SettingsApp({ languages, runner }: { languages: readonly string[]; runner: ImportRunner }) {
  return (
    <PageShell languages={languages} title="data.pageTitle">
      <SettingsPage runner={runner} />
    </PageShell>
  );
}
