/** The book's IndexedDB database: one per browser profile. Apart from database.ts so that a page can name it without loading Dexie. */
export const DB_NAME = 'tiewise';
