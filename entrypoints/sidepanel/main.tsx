import { createRoot } from 'react-dom/client';
import { PanelApp } from '@/components/panel/PanelApp';
import { createBridge } from './bridge';
import { openDatabase } from '@/lib/db/database';
import '@/components/shared/base.css';
import { provideTeam } from '@/components/shared/team';
import { createTeamBridge } from '../shared/team-bridge';

// the database opens now, while the panel renders its first frame: on a cold start its
// first open is most of the wait for a card (DbGate's own call shares this one). In a task
// of its own: setting up the database's schema (20-30 ms) would lengthen the script's
// first task, already the longest of a cold start
setTimeout(() => void openDatabase().catch(() => undefined), 0);

// the team book's status and pulse (components/shared/useTeam.tsx)
provideTeam(createTeamBridge());

createRoot(document.getElementById('root')!).render(<PanelApp bridge={createBridge()} />);
