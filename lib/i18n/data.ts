// UI strings of the settings / import / backup pages, English and Russian (same
// keys; Russian plurals _one/_few/_many). Merged under "data": t('data.…').
export const dataEn = {
  title: 'Settings',
};

type Loose<T> = { [K in keyof T]: T[K] extends string ? string : Loose<T[K]> } & { [extra: string]: unknown };

export const dataRu: Loose<typeof dataEn> = {
  title: 'Настройки',
};
