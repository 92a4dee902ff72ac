// UI strings for deals and leads (the panel's record), the book's state filter and
// its custom-field columns, English and Russian (same keys; Russian plurals
// _one/_few/_many). Merged under the "deals" namespace key: t('deals.…').
export const dealsEn = {
  title: 'Deals',
  count_one: '{{count}} deal',
  count_other: '{{count}} deals',
  none: 'No deals.',
  kind: { deal: 'Deal', lead: 'Lead' },
  status: { open: 'open', won: 'won', lost: 'lost', closed: 'closed (outcome not in the file)' },
  untitled: 'Untitled deal',
  stage: 'Stage',
  amount: 'Amount',
  product: 'Product',
  owner: 'Owner',
  opened: 'Opened',
  closed: 'Closed',
  purchase: 'counted as a purchase',
  more: 'More from the file',
  book: {
    state: 'State',
    stateAny: 'Any state',
    columns: 'Columns from your CRM',
    columnsHint: 'Show imported fields as columns',
    noCustom: 'No imported fields yet.',
  },
};

type Loose<T> = { [K in keyof T]: T[K] extends string ? string : Loose<T[K]> } & { [extra: string]: unknown };

export const dealsRu: Loose<typeof dealsEn> = {
  title: 'Сделки',
  count_one: '{{count}} сделка',
  count_few: '{{count}} сделки',
  count_many: '{{count}} сделок',
  count_other: '{{count}} сделки',
  none: 'Сделок нет.',
  kind: { deal: 'Сделка', lead: 'Лид' },
  status: { open: 'в работе', won: 'выиграна', lost: 'проиграна', closed: 'закрыта (итог в файле не указан)' },
  untitled: 'Сделка без названия',
  stage: 'Стадия',
  amount: 'Сумма',
  product: 'Товар',
  owner: 'Ответственный',
  opened: 'Открыта',
  closed: 'Закрыта',
  purchase: 'учтена как покупка',
  more: 'Ещё из файла',
  book: {
    state: 'Состояние',
    stateAny: 'Любое состояние',
    columns: 'Столбцы из вашей CRM',
    columnsHint: 'Показать импортированные поля столбцами',
    noCustom: 'Импортированных полей пока нет.',
  },
};
