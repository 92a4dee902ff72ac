// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { BookModel } from '@/lib/book/model';
import { loadBook } from '@/lib/db/book';
import { loadDemoBook } from '@/lib/demo/load';
import { Condition } from '@/lib/domain/entities';
import { SmartGroupDialog } from '@/components/book/SmartGroupDialog';
import { freshDb } from './setup';

const NOW = Date.now();

async function setup(onDone = vi.fn()) {
  const d = freshDb();
  await loadDemoBook(NOW, d);
  const model = new BookModel();
  await loadBook(model, d);
  const products = await d.products.toArray();
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <SmartGroupDialog model={model} now={NOW} products={products} onDone={onDone} />
    </I18nextProvider>,
  );
  return { d, model, onDone };
}

describe('the smart-group rule editor', () => {
  it('builds "company is Northwind Traders and relation is customer", counts live, stores the rule', async () => {
    const { d, model, onDone } = await setup();
    const dialog = screen.getByRole('dialog', { name: 'Smart group' });
    const u = userEvent.setup();
    await u.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Northwind customers');
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Field 1' }), 'company');
    // a text field with no value yet: the editor says so instead of counting
    expect(within(dialog).getByRole('status').textContent).toBe('Fill in every condition’s value.');
    expect((within(dialog).getByRole('button', { name: 'Save smart group' }) as HTMLButtonElement).disabled).toBe(true);
    await u.type(within(dialog).getByRole('textbox', { name: 'Value 1' }), 'Northwind Traders');
    const all = model.count({ field: 'company', op: 'is', value: 'Northwind Traders' }, NOW);
    expect(within(dialog).getByRole('status').textContent).toBe(`${all} contacts match now`);

    await u.click(within(dialog).getByRole('button', { name: 'Add condition' }));
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Field 2' }), 'relation');
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Value 2' }), 'customer');
    const rule: Condition = { all: [{ field: 'company', op: 'is', value: 'Northwind Traders' }, { field: 'relation', op: 'is', value: 'customer' }] };
    const n = model.count(rule, NOW);
    expect(within(dialog).getByRole('status').textContent).toBe(`${n} contacts match now`);

    await u.click(within(dialog).getByRole('button', { name: 'Save smart group' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.any(String)));
    const g = await d.groups.get(onDone.mock.calls[0][0] as string);
    expect(g?.name).toBe('Northwind customers');
    expect(Condition.safeParse(g?.rule).success).toBe(true);
    expect(g?.rule).toEqual(rule);
  });

  it('offers each field its own operators and values, and removes clauses', async () => {
    await setup();
    const dialog = screen.getByRole('dialog', { name: 'Smart group' });
    const u = userEvent.setup();
    const ops = () => within(within(dialog).getByRole('combobox', { name: 'Condition 1' })).getAllByRole('option').map((o) => o.textContent);
    expect(ops()).toEqual(['is', 'is not', 'is known']);
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Field 1' }), 'daysSinceContact');
    expect(ops()).toEqual(['more than', 'less than', 'is', 'is known']);
    expect((within(dialog).getByRole('spinbutton', { name: 'Value 1' }) as HTMLInputElement).value).toBe('90');
    await u.selectOptions(within(dialog).getByRole('combobox', { name: 'Field 1' }), 'product');
    expect(ops()).toEqual(['includes', 'does not include', 'has any']);
    const products = within(within(dialog).getByRole('combobox', { name: 'Value 1' })).getAllByRole('option').map((o) => o.textContent);
    expect(products).toContain('CloudDesk Pro');
    await u.click(within(dialog).getByRole('button', { name: 'Remove condition 1' }));
    expect(within(dialog).queryByRole('combobox', { name: 'Field 1' })).toBeNull();
    expect((within(dialog).getByRole('button', { name: 'Save smart group' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
