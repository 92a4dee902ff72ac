import { createRoot } from 'react-dom/client';
import { BookApp } from '@/components/book/BookApp';
import '@/components/shared/base.css';
import '@/components/book/book.css';
import { provideTeam } from '@/components/shared/team';
import { createTeamBridge } from '../shared/team-bridge';

// the team book's status and pulse (components/shared/useTeam.tsx)
provideTeam(createTeamBridge());

createRoot(document.getElementById('root')!).render(<BookApp languages={[...navigator.languages]} />);
