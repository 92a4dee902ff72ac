import { warmBook } from '@/lib/db/warm';

// A plain script each page that opens the book loads before its modules
// (<script src="/warm-book.js"> in its index.html): see lib/db/warm.ts.
export default defineUnlistedScript(() => void warmBook(indexedDB));
