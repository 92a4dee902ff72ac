// @vitest-environment jsdom
// The book filters by the relation's state the model stores ("dormant customers",
// "advocate candidates"), and shows imported custom fields as columns the user
// picks — remembered, sortable as text, searchable, exported. Deals in the panel.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { BookApp } from '@/components/book/BookApp';
import { DealsSection } from '@/components/panel/DealsSection';
import { createI18n } from '@/components/shared/i18n';
import { exportCsv, exportRecord } from '@/lib/book/export';
import type { Contact, Deal } from '@/lib/domain/entities';
import { freshDb } from './setup';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 2000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});

const src = { kind: 'import' as const, ref: 'crm.csv', at: 0 };
const person = (id: string, more: Partial<Contact>): Contact => ({
  id, name: id, emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0, ...more,
});

async function book() {
  const d = freshDb();
  await d.contacts.bulkPut([
    person('a', { name: 'Anna Berg', relation: 'customer', networkType: 'weak-tie-prospect', state: 'dormant-customer', custom: [{ name: 'Источник', value: 'Выставка' }, { name: 'Region', value: 'North' }] }),
    person('b', { name: 'Boris Orlov', relation: 'customer', networkType: 'referral-advocate', state: 'advocate-candidate', custom: [{ name: 'Источник', value: 'Веб-сайт' }] }),
    person('c', { name: 'Chen Liang', relation: 'customer', networkType: 'weak-tie-prospect', state: 'dormant-customer', custom: [{ name: 'Источник', value: 'Звонок' }, { name: '<b>x</b>', value: '<img src=x onerror=alert(1)>' }] }),
    person('d', { name: 'Dora Kim', networkType: 'weak-tie-prospect', state: 'prospect' }),
  ]);
  return d;
}
const names = () => screen.getAllByRole('button', { name: /^Open / }).map((b) => b.textContent);

describe('the book: state filter', () => {
  it('"dormant customer" shows exactly the dormant customers; "any state" all again', async () => {
    await book();
    render(<BookApp languages={['en-US']} />);
    const u = userEvent.setup();
    await screen.findByRole('button', { name: 'Open Anna Berg' });
    await u.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'dormant customer');
    await waitFor(() => expect(names()).toEqual(['Anna Berg', 'Chen Liang']));
    await u.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'advocate candidate');
    await waitFor(() => expect(names()).toEqual(['Boris Orlov']));
    await u.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'any');
    await waitFor(() => expect(names()).toHaveLength(4));
  });

  it('in Russian: «спящий клиент»', async () => {
    await book();
    render(<BookApp languages={['ru-RU']} />);
    const u = userEvent.setup();
    await screen.findByRole('button', { name: /Anna Berg/ });
    await u.selectOptions(screen.getByRole('combobox', { name: 'Состояние' }), 'спящий клиент');
    await waitFor(() => expect(screen.getAllByRole('button', { name: /Anna Berg|Chen Liang|Boris Orlov|Dora Kim/ }).map((b) => b.textContent)).toEqual(['Anna Berg', 'Chen Liang']));
  });
});

describe('the book: custom fields as columns', () => {
  it('the user picks a column; its values show as text, sort, and the pick is remembered', async () => {
    const d = await book();
    const { unmount } = render(<BookApp languages={['en-US']} />);
    const u = userEvent.setup();
    await screen.findByRole('button', { name: 'Open Anna Berg' });
    expect(screen.queryByRole('button', { name: /Sort by Источник/ })).toBeNull();
    await u.click(screen.getByText('Columns from your CRM'));
    // most common first, with how many contacts have it
    const picks = screen.getAllByRole('checkbox').filter((b) => b.closest('.custom-columns')).map((b) => b.closest('label')!.textContent);
    expect(picks).toEqual(['Источник3', '<b>x</b>1', 'Region1']);
    await u.click(screen.getByRole('checkbox', { name: /^Источник/ }));
    await u.click(screen.getByRole('checkbox', { name: /^<b>x<\/b>/ }));
    await waitFor(async () => expect((await d.settings.get('book.customColumns'))?.value).toEqual(['Источник', '<b>x</b>']));
    const head = (await screen.findByRole('button', { name: 'Sort by Источник' })).closest('[role=columnheader]')!;
    expect(head.textContent).toBe('Источник');
    const cell = (name: string, col: number) => within(screen.getByRole('button', { name: `Open ${name}` }).closest('[role=row]') as HTMLElement).getAllByRole('cell').filter((c) => c.classList.contains('cell-custom'))[col].textContent;
    expect(cell('Anna Berg', 0)).toBe('Выставка');
    expect(cell('Dora Kim', 0)).toBe('');
    // file text is data: shown as text, never markup
    expect(cell('Chen Liang', 1)).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('.book-table img')).toBeNull();
    // sorted as text, missing last
    await u.click(screen.getByRole('button', { name: 'Sort by Источник' }));
    await waitFor(() => expect(names()).toEqual(['Boris Orlov', 'Anna Berg', 'Chen Liang', 'Dora Kim']));
    expect(head.getAttribute('aria-sort')).toBe('ascending');
    // remembered
    await waitFor(async () => expect((await d.settings.get('book.customColumns'))?.value).toEqual(['Источник', '<b>x</b>']));
    unmount();
    cleanup();
    render(<BookApp languages={['en-US']} />);
    expect((await screen.findByRole('button', { name: 'Sort by Источник' })).closest('[role=columnheader]')).toBeTruthy();
    // searchable: a custom value finds its contact
    await u.type(screen.getByRole('searchbox', { name: 'Search the book' }), 'Звонок');
    await waitFor(() => expect(names()).toEqual(['Chen Liang']));
  });

  it('the export writes the chosen custom fields under their own names', () => {
    const c = person('a', { name: 'Anna Berg', custom: [{ name: 'Источник', value: '=HYPERLINK("x")' }, { name: 'Region', value: 'North' }] });
    const r = exportRecord(c, undefined, [], ['name'], ['Источник', 'Missing']);
    expect(r.custom).toEqual({ Источник: '=HYPERLINK("x")', Missing: null });
    const csv = exportCsv([r], ['name'], ['Источник', 'Missing']);
    expect(csv.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 2)).toEqual(['Name,Источник,Missing', `Anna Berg,"'=HYPERLINK(""x"")",`]);
  });
});

describe('the panel: deals', () => {
  const deal = (more: Partial<Deal>): Deal => ({
    id: 'd', contactId: 'a', key: 'k', kind: 'deal', status: 'open', source: { kind: 'import', ref: 'DEAL.csv:2', at: Date.UTC(2025, 11, 1) }, updatedAt: 0, ...more,
  });
  it('stage as the CRM wrote it, amount, product, owner; the won one marked and tied to its purchase (en, ru)', () => {
    const deals = [
      deal({ id: 'd2', title: 'Сервисный контракт 2026', stage: 'Подготовка документов', amount: 96000, currency: 'RUB', product: 'Сервисный пакет', owner: 'Мария Лосева' }),
      deal({ id: 'd1', title: 'Поставка станков ТС-16', stage: 'Сделка успешна', status: 'won', amount: 370000, currency: 'RUB', product: 'Станок ТС-16', closedAt: Date.UTC(2025, 10, 14), purchaseId: 'p1' }),
      deal({ id: 'd3', kind: 'lead', title: '<script>alert(1)</script>', stage: 'Новая' }),
    ];
    const { unmount } = render(<I18nextProvider i18n={createI18n('en')}><DealsSection deals={deals} /></I18nextProvider>);
    const r = screen.getByRole('region', { name: 'Deals' });
    const won = within(r).getByRole('listitem', { name: 'Deal: Поставка станков ТС-16' });
    expect(won.className).toContain('deal-won');
    expect(within(won).getByText('✓ won')).toBeTruthy();
    expect(won.textContent).toContain('StageСделка успешна');
    expect(won.textContent).toMatch(/Closed.*14, 2025 — counted as a purchase/);
    const open = within(r).getByRole('listitem', { name: 'Deal: Сервисный контракт 2026' });
    expect(open.textContent).toContain('OwnerМария Лосева');
    expect(open.textContent).toContain('ProductСервисный пакет');
    expect(within(open).getByText('open')).toBeTruthy();
    expect(within(r).getByRole('listitem', { name: 'Lead: <script>alert(1)</script>' })).toBeTruthy();
    expect(r.querySelector('script')).toBeNull();
    unmount();
    render(<I18nextProvider i18n={createI18n('ru')}><DealsSection deals={deals} /></I18nextProvider>);
    const ru = screen.getByRole('region', { name: 'Сделки' });
    expect(within(ru).getByText('✓ выиграна')).toBeTruthy();
    expect(within(ru).getByText('3 сделки')).toBeTruthy();
    expect(within(ru).getByRole('listitem', { name: 'Лид: <script>alert(1)</script>' })).toBeTruthy();
  });
});
