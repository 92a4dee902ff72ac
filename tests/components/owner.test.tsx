// @vitest-environment jsdom
// The team book's Owner, as the user sees it: a column and a filter in the book, a
// per-owner filter on the lead's dashboard that narrows every figure.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { BookApp } from '@/components/book/BookApp';
import { createI18n } from '@/components/shared/i18n';
import { Overview } from '@/components/dashboard/Overview';
import { openDatabase } from '@/lib/db/database';
import { loadDemoBook } from '@/lib/demo/load';
import type { Contact } from '@/lib/domain/entities';
import { freshDb } from './setup';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 2000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as never;
});

const person = (id: string, name: string, more: Partial<Contact> = {}): Contact => ({
  id, name, emails: [], phones: [], tags: [], nameKeys: [], source: { kind: 'import', ref: 'crm.csv', at: 0 }, createdAt: 0, updatedAt: 0, ...more,
});
const names = () => screen.getAllByRole('button', { name: /^Open / }).map((b) => b.textContent);

describe('the book: Owner', () => {
  beforeEach(async () => {
    const d = freshDb();
    await d.contacts.bulkPut([
      person('a', 'Anna Berg', { owner: 'Olga Petrova' }),
      person('b', 'Boris Orlov', { source: { kind: 'user', at: 0, by: 'Kate Miller' } }),
      person('c', 'Chen Liang'),
      person('d', 'Dora Kim', { owner: 'Olga Petrova' }),
    ]);
  });

  it('a column shows each contact’s owner (the CRM’s, else who wrote it), and sorts by it', async () => {
    render(<BookApp languages={['en-US']} />);
    await screen.findByRole('button', { name: 'Open Anna Berg' });
    const owners = () => [...document.querySelectorAll('.book-scroll [role=row]')].map((r) => [r.querySelector('.name-link')!.textContent, r.querySelector('.cell-owner')!.textContent]);
    expect(owners()).toEqual([['Anna Berg', 'Olga Petrova'], ['Boris Orlov', 'Kate Miller'], ['Chen Liang', ''], ['Dora Kim', 'Olga Petrova']]);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('Owner');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sort by Owner' }));
    await waitFor(() => expect(names()).toEqual(['Boris Orlov', 'Anna Berg', 'Dora Kim', 'Chen Liang']));
  });

  it('the filter offers every owner and “no owner”, and narrows the list', async () => {
    render(<BookApp languages={['en-US']} />);
    await screen.findByRole('button', { name: 'Open Anna Berg' });
    const u = userEvent.setup();
    const select = screen.getByRole('combobox', { name: 'Owner' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['any', 'Kate Miller (1)', 'Olga Petrova (2)', 'no owner (1)']);
    await u.selectOptions(select, 'Olga Petrova (2)');
    await waitFor(() => expect(names()).toEqual(['Anna Berg', 'Dora Kim']));
    expect(screen.getByRole('status').textContent).toBe('2 contacts');
    await u.selectOptions(select, 'no owner (1)');
    await waitFor(() => expect(names()).toEqual(['Chen Liang']));
    await u.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(names()).toHaveLength(4));
  });

  it('in Russian: «Ответственный», «без ответственного»', async () => {
    render(<BookApp languages={['ru-RU']} />);
    await screen.findByRole('button', { name: /Anna Berg/ });
    const select = screen.getByRole('combobox', { name: 'Ответственный' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent).slice(-1)).toEqual(['без ответственного (1)']);
  });
});

describe('the book without owners', () => {
  it('shows no Owner filter (nothing to choose)', async () => {
    const d = freshDb();
    await d.contacts.bulkPut([person('a', 'Anna Berg'), person('c', 'Chen Liang')]);
    render(<BookApp languages={['en-US']} />);
    await screen.findByRole('button', { name: 'Open Anna Berg' });
    expect(screen.queryByRole('combobox', { name: 'Owner' })).toBeNull();
  });
});

describe('the dashboard: per owner', () => {
  it('the owner filter narrows the figures to that owner’s contacts', async () => {
    const d = freshDb();
    await openDatabase(d);
    await loadDemoBook(Date.now(), d);
    await d.contacts.update('demo-anna', { owner: 'Olga Petrova' });
    render(<I18nextProvider i18n={createI18n('en')}><Overview /></I18nextProvider>);
    await screen.findByText('36 contacts in the book');
    const u = userEvent.setup();
    const select = await screen.findByRole('combobox', { name: 'Owner' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['everyone', 'Olga Petrova (1)', 'no owner (35)']);
    const referrals = () => screen.getByRole('region', { name: 'Referrals given' });
    expect(referrals().textContent).toContain('2');
    await u.selectOptions(select, 'Olga Petrova (1)');
    await screen.findByText('Olga Petrova: 1 contact');
    await u.click(within(referrals()).getByRole('button', { name: 'Show the numbers' }));
    expect(within(within(referrals()).getByRole('table')).getAllByRole('rowheader').map((c) => c.textContent!.split(' · ')[0])).toEqual(['Anna Kowalski']);
    await u.selectOptions(select, 'no owner (35)');
    await screen.findByText('Without an owner: 35 contacts');
    expect(within(within(referrals()).getByRole('table')).getAllByRole('rowheader').map((c) => c.textContent!.split(' · ')[0])).toEqual(['Ольга Смирнова']);
    await u.selectOptions(select, 'everyone');
    await screen.findByText('36 contacts in the book');
  });
});
