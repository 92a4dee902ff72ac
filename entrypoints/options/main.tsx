import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/data/OptionsApp';
import { createWorkerParser } from '@/components/data/parser';
import '@/components/panel.css';
import '@/components/data/data.css';
import { provideTeam } from '@/components/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/useTeam.tsx)
provideTeam(createTeamBridge());

createRoot(document.getElementById('root')!).render(<OptionsApp languages={navigator.languages} parser={createWorkerParser()} />);
