import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { createBridge } from './bridge';
import '@/components/panel.css';
import { provideTeam } from '@/components/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/useTeam.tsx)
provideTeam(createTeamBridge());

createRoot(document.getElementById('root')!).render(<App bridge={createBridge()} />);
