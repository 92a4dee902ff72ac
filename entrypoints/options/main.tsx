import { createRoot } from 'react-dom/client';
import { SettingsApp } from '@/components/settings/SettingsApp';
import { createWorkerRunner } from '@/components/settings/runner';
import '@/components/shared/base.css';
import '@/components/settings/settings.css';
import { provideTeam } from '@/components/shared/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/shared/useTeam.tsx)
provideTeam(createTeamBridge());

createRoot(document.getElementById('root')!).render(<SettingsApp languages={navigator.languages} runner={createWorkerRunner()} />);
