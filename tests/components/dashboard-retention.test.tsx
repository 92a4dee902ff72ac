// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { RetentionPanel } from '@/components/dashboard/RetentionPanel';
import { addContact } from '@/lib/db/contacts';
import { setPolicy } from '@/lib/db/retention';
import { freshDb } from './setup';

const DAY = 86_400_000;

describe('the retention policy panel', () => {
  it('shows the stored policy before anyone can type: a value typed meanwhile is never overwritten by it', async () => {
    const d = freshDb();
    const now = Date.UTC(2026, 11, 5);
    const old = now - 200 * DAY;
    await addContact({ name: 'Silent Sam', relation: 'prospect', source: { kind: 'user', at: old }, createdAt: old, updatedAt: old }, d);
    await setPolicy({ snapshotDays: null, inactiveMonths: 24 }, d);
    render(<I18nextProvider i18n={createI18n('en')}><RetentionPanel now={() => now} /></I18nextProvider>);
    const months = screen.getByRole('textbox', { name: /Drop contacts with no interaction/ });
    // while the stored policy loads, nothing can be typed or run
    expect((months as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: /^Dry run/ }) as HTMLButtonElement).disabled).toBe(true);
    await screen.findByDisplayValue('24');
    expect((months as HTMLInputElement).disabled).toBe(false);
    const user = userEvent.setup();
    await user.clear(months);
    await user.type(months, '3');
    await user.click(screen.getByRole('button', { name: /^Dry run/ }));
    const plan = await screen.findByRole('region', { name: /^Dry run/ });
    await within(plan).findByText(/Silent Sam/);
    expect((months as HTMLInputElement).value).toBe('3');
  });
});
