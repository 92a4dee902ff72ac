// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { ChartCard } from '@/components/dashboard/ChartCard';
import { CountBarChart } from '@/components/dashboard/CountBarChart';
import { Overview } from '@/components/dashboard/Overview';
import { openDatabase } from '@/lib/db/database';
import { loadDemoBook } from '@/lib/demo/load';
import { freshDb } from './setup';

beforeAll(() => {
  // recharts measures its box; jsdom has no layout
  globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as never;
});

const data = [{ label: 'Team', value: 4 }, { label: 'Unclassified', value: 0 }];

describe('a chart and its numbers', () => {
  it('shows the chart, then the table behind it with one click, and back', async () => {
    const user = userEvent.setup();
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <ChartCard title="By type" chart={<CountBarChart title="By type" data={data} />}
          columns={[{ label: 'Type' }, { label: 'Contacts', numeric: true }]} rows={data.map((d) => [d.label, String(d.value)])} />
      </I18nextProvider>,
    );
    const card = screen.getByRole('region', { name: 'By type' });
    expect(within(card).getByRole('img', { name: 'By type: Team 4, Unclassified 0' })).toBeTruthy();
    expect(within(card).queryByRole('table')).toBeNull();
    const toggle = within(card).getByRole('button', { name: 'Show the numbers' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    const table = within(card).getByRole('table', { name: 'By type' });
    expect(within(table).getByRole('rowheader', { name: 'Team' })).toBeTruthy();
    expect(within(table).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', '0']);
    await user.click(within(card).getByRole('button', { name: 'Show the chart' }));
    expect(within(card).queryByRole('table')).toBeNull();
  });

  it('the overview of the demo book puts a table behind every chart', async () => {
    const d = freshDb();
    await openDatabase(d);
    await loadDemoBook(Date.now(), d);
    const user = userEvent.setup();
    render(<I18nextProvider i18n={createI18n('ru')}><Overview /></I18nextProvider>);
    await screen.findByText('36 контактов в базе');
    const toggles = screen.getAllByRole('button', { name: 'Показать цифры' });
    expect(toggles).toHaveLength(6);
    for (const b of toggles) await user.click(b);
    expect(screen.getAllByRole('table').length).toBeGreaterThanOrEqual(6);
  });
});
