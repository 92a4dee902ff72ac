// UI strings of the lead pages, English and Russian (same keys; Russian plurals
// _one/_few/_many). Merged under the "lead" namespace key: t('lead.…').
export const leadEn = {
  title: 'lead',
};

type Loose<T> = { [K in keyof T]: T[K] extends string ? string : Loose<T[K]> } & { [extra: string]: unknown };

export const leadRu: Loose<typeof leadEn> = {
  title: 'lead',
};
