import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/lead/DashboardApp';
import '@/components/panel.css';
import '@/components/lead/lead.css';

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
