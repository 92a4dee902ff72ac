import { createRoot } from 'react-dom/client';
import { BookApp } from '@/components/book/BookApp';
import '@/components/panel.css';
import '@/components/book/book.css';

createRoot(document.getElementById('root')!).render(<BookApp languages={[...navigator.languages]} />);
