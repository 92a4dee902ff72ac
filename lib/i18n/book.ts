// UI strings of the book pages, English and Russian (same keys; Russian plurals
// _one/_few/_many). Merged under the "book" namespace key: t('book.…').
export const bookEn = {
  title: 'book',
};

type Loose<T> = { [K in keyof T]: T[K] extends string ? string : Loose<T[K]> } & { [extra: string]: unknown };

export const bookRu: Loose<typeof bookEn> = {
  title: 'book',
};
