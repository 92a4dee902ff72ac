import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { createBridge } from './bridge';
import '@/components/panel.css';

createRoot(document.getElementById('root')!).render(<App bridge={createBridge()} />);
