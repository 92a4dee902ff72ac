// @vitest-environment jsdom
// The purchases' product names: read with the products, after the purchases; until then
// blank, never the raw product ids (a user would take "p-desk-pro" for the product).
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { PurchasesSection } from '@/components/panel/PurchasesSection';
import type { Purchase } from '@/lib/domain/entities';
import { DAY } from '@/lib/domain/time';
import { freshDb } from './setup';

const at = Date.now() - 3 * DAY;
const buy = (id: string, productId: string): Purchase =>
  ({ id, contactId: 'c', productId, at, quantity: 1, amount: 100, currency: 'EUR', source: { kind: 'import', at } }) as Purchase;

it('shows product names once read, the raw id never before; an id with no product stays as the id', async () => {
  const d = freshDb();
  await d.products.bulkPut([{ id: 'p-desk-pro', name: 'CloudDesk Pro', relations: [] }]);
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <PurchasesSection purchases={[buy('b1', 'p-desk-pro'), buy('b2', 'p-gone')]} />
    </I18nextProvider>,
  );
  const region = screen.getByRole('region', { name: /Purchases/ });
  expect(region.textContent).not.toContain('p-desk-pro'); // first render: the products not read yet
  expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
  await waitFor(() => expect(screen.getByRole('cell', { name: 'CloudDesk Pro' })).toBeTruthy());
  expect(region.textContent).not.toContain('p-desk-pro');
  expect(screen.getByRole('cell', { name: 'p-gone' })).toBeTruthy();
  expect(screen.getByRole('table').hasAttribute('aria-busy')).toBe(false);
});
