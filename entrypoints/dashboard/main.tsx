import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import '@/components/shared/base.css';
import '@/components/dashboard/dashboard.css';
import { provideTeam } from '@/components/shared/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/shared/useTeam.tsx)
provideTeam(createTeamBridge());

// The team lead's page (dashboard.html): the tab follows the URL's hash.
const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <DashboardApp
      languages={[...navigator.languages]}
      hash={location.hash}
      onHash={(h) => history.replaceState(null, '', h)}
    />,
  );
window.addEventListener('hashchange', render);
render();
