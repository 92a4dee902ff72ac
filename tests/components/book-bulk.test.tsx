// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BookApp } from '@/components/book/BookApp';
import { loadDemoBook } from '@/lib/demo/load';
import { freshDb } from './setup';

// jsdom lays nothing out: give the list's scroller a size so the virtual list renders rows
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 2000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});

describe('bulk selection in the book', () => {
  it('shift-click selects a range, "select all matching" the whole filter, and the selection goes into a group', async () => {
    const d = freshDb();
    await loadDemoBook(Date.now(), d);
    render(<BookApp languages={['en-US']} />);
    const u = userEvent.setup();
    await screen.findByRole('button', { name: 'Open Anna Kowalski' });
    const rowBoxes = () => screen.getAllByRole('checkbox', { name: /^Select (?!all shown)/ });

    await u.click(rowBoxes()[1]);
    await u.keyboard('{Shift>}');
    await u.click(rowBoxes()[4]);
    await u.keyboard('{/Shift}');
    expect(screen.getByText('4 selected')).toBeTruthy();
    const checked = rowBoxes().map((b) => (b as HTMLInputElement).checked);
    expect(checked.slice(0, 6)).toEqual([false, true, true, true, true, false]);

    // a shift-click on a selected row clears the range back to the anchor
    await u.keyboard('{Shift>}');
    await u.click(rowBoxes()[3]);
    await u.keyboard('{/Shift}');
    expect(screen.getByText('2 selected')).toBeTruthy();

    await u.type(screen.getByRole('textbox', { name: 'City' }), 'Berlin');
    await waitFor(() => expect(screen.queryByText(/selected$/)).toBeNull());
    await u.click(rowBoxes()[0]);
    const matching = Number(screen.getByRole('button', { name: /^Select all \d+ matching$/ }).textContent!.match(/\d+/)![0]);
    await u.click(screen.getByRole('button', { name: `Select all ${matching} matching` }));
    expect(screen.getByText(`${matching} selected`)).toBeTruthy();

    const bulk = screen.getByRole('region', { name: `${matching} selected` });
    await u.selectOptions(within(bulk).getByRole('combobox', { name: 'Group' }), 'Moscow prospects');
    await u.click(within(bulk).getByRole('button', { name: 'Add to group' }));
    await screen.findByText(`${matching} contacts added to “Moscow prospects”.`);
    const members = await d.memberships.where('groupId').equals('demo-g-moscow').count();
    expect(members).toBe(3 + matching);
    await screen.findByText(`${3 + matching} contacts`, { selector: '.count' });

    // undo takes them out again
    await u.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await d.memberships.where('groupId').equals('demo-g-moscow').count()).toBe(3));
  });
});
