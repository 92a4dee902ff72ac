// @vitest-environment jsdom
import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { PanelApp } from '@/components/panel/PanelApp';
import { createI18n } from '@/components/shared/i18n';
import { GroupList } from '@/components/book/GroupList';
import { tickLines } from '@/components/dashboard/CountBarChart';
import { SmartGroupDialog } from '@/components/book/SmartGroupDialog';
import { BookModel } from '@/lib/book/model';
import type { BookGroup } from '@/lib/book/model';
import { loadBook } from '@/lib/db/book';
import { loadDemoBook } from '@/lib/demo/load';
import { fakeBridge, freshDb } from './setup';

// Issue 19 in jsdom: what a keyboard or screen-reader user meets. The real
// browser checks (axe-core, focus rings, zoom, the native modal) are in
// tests/e2e/a11y.e2e.test.ts.

describe('accessibility of the panel and the book', () => {
  beforeEach(() => {
    freshDb();
  });

  it('Sales/Support is one tab stop; the arrow keys move and choose', async () => {
    const { bridge } = fakeBridge(null);
    render(<PanelApp bridge={bridge} />);
    const group = await screen.findByRole('radiogroup', { name: 'View for' });
    const sales = within(group).getByRole('radio', { name: 'Sales' });
    const support = within(group).getByRole('radio', { name: 'Support' });
    await waitFor(() => expect(sales.getAttribute('aria-checked')).toBe('true'));
    // shown, but not chosen from, while the database opens
    await waitFor(() => expect((sales as HTMLButtonElement).disabled).toBe(false));
    expect([sales.tabIndex, support.tabIndex]).toEqual([0, -1]);
    const u = userEvent.setup();
    await u.tab(); // no page links without a browser: the checked radio is the first stop
    expect(document.activeElement).toBe(sales);
    await u.tab();
    expect(document.activeElement).not.toBe(support);
    await u.tab({ shift: true });
    expect(document.activeElement).toBe(sales);
    await u.keyboard('{ArrowRight}');
    await waitFor(() => expect(support.getAttribute('aria-checked')).toBe('true'));
    expect(document.activeElement).toBe(support);
    expect([sales.tabIndex, support.tabIndex]).toEqual([-1, 0]);
    await u.keyboard('{ArrowDown}'); // wraps round
    await waitFor(() => expect(sales.getAttribute('aria-checked')).toBe('true'));
    await u.keyboard('{End}');
    await waitFor(() => expect(support.getAttribute('aria-checked')).toBe('true'));
    await u.keyboard('{ArrowLeft}');
    await waitFor(() => expect(sales.getAttribute('aria-checked')).toBe('true'));
    expect(document.activeElement).toBe(sales);
  });

  it('a group’s button is named by the text it shows, count included', () => {
    const groups: BookGroup[] = [
      { id: 'g1', name: 'Champions at Northwind', color: '#2f855a', createdAt: 1 },
      { id: 'g2', name: 'Quiet customers', color: '#4f6bed', rule: { field: 'relation', op: 'is', value: 'customer' }, createdAt: 2 },
    ];
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <GroupList groups={groups} counts={new Map([['g1', 3], ['g2', 1]])} total={36} onOpen={vi.fn()} onNewSmart={vi.fn()} onEditRule={vi.fn()} onDelete={vi.fn()} onExport={vi.fn()} />
      </I18nextProvider>,
    );
    // jsdom lays nothing out, so no space between flex items; Chromium adds one (the E2E suite checks its names)
    expect(screen.getByRole('button', { name: /^All contacts, ?36 contacts$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Champions at Northwind, ?3 contacts$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Quiet customers, ?smart, ?1 contact$/ })).toBeTruthy();
    // the actions stay in the document (and the tab order), named for their group
    const actions = screen.getByRole('group', { name: 'Actions for Champions at Northwind' });
    expect(within(actions).getByRole('button', { name: 'Delete Champions at Northwind' })).toBeTruthy();
  });

  it('the smart-group dialog closes on Escape and gives focus back to the button that opened it', async () => {
    const d = freshDb();
    await loadDemoBook(Date.now(), d);
    const model = new BookModel();
    await loadBook(model, d);
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>New smart group</button>
          {open && <SmartGroupDialog model={model} now={Date.now()} products={[]} onDone={() => setOpen(false)} />}
        </>
      );
    }
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <Host />
      </I18nextProvider>,
    );
    const u = userEvent.setup();
    const trigger = screen.getByRole('button', { name: 'New smart group' });
    await u.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Smart group' });
    await u.click(within(dialog).getByRole('textbox', { name: 'Name' }));
    await u.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('a chart’s long category name is shown in two lines, broken at a space, not cut at both ends', () => {
    expect(tickLines('Команда')).toEqual(['Команда']);
    expect(tickLines('Слабая связь: потенциальный клиент')).toEqual(['Слабая связь:', 'потенциальный клиент']);
    expect(tickLines('Customers not contacted in 90 days, and more besides that')).toEqual(['Customers not contacted', 'in 90 days, and more be…']);
  });
});
