import { PageShell } from '../shared/PageShell';
import { Dashboard } from './Dashboard';

/** The dashboard page. */
export function DashboardApp({ languages, hash, onHash }: { languages: readonly string[]; hash?: string; onHash?: (h: string) => void }) {
  return (
    <PageShell languages={languages} title="lead.pageTitle">
      <Dashboard hash={hash} onHash={onHash} />
    </PageShell>
  );
}
