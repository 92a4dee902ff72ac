import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/lead/DashboardApp';
import '@/components/panel.css';
import '@/components/lead/lead.css';
import { provideTeam } from '@/components/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/useTeam.tsx)
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
