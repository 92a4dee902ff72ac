import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/data/OptionsApp';
import { createWorkerParser } from '@/components/data/parser';
import '@/components/panel.css';
import '@/components/data/data.css';

createRoot(document.getElementById('root')!).render(<OptionsApp languages={navigator.languages} parser={createWorkerParser()} />);
