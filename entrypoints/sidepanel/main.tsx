import { createRoot } from 'react-dom/client';
import { PanelApp } from '@/components/panel/PanelApp';
import { createBridge } from './bridge';
import '@/components/shared/base.css';
import { provideTeam } from '@/components/shared/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/shared/useTeam.tsx)
provideTeam(createTeamBridge());

createRoot(document.getElementById('root')!).render(<PanelApp bridge={createBridge()} />);
