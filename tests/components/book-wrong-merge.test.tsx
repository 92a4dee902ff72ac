// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BookApp } from '@/components/book/BookApp';
import { addContact } from '@/lib/db/contacts';
import { linkProfile } from '@/lib/db/profiles';
import { setSetting } from '@/lib/db/settings';
import { freshDb, profileRead } from './setup';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 2000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
});

const ok = (value: string) => ({ status: 'ok' as const, value, via: 'test' });

describe('the book after the v4 upgrade', () => {
  it('lists the contacts made of two people and opens each where the split is offered', async () => {
    freshDb();
    const anna = await addContact({ name: 'Anna One', source: { kind: 'user', at: 1 } });
    const a = await linkProfile(anna.id, profileRead('https://www.facebook.com/profile.php?id=100001234567', { name: ok('Anna One') }, 'facebook').extraction!, 1);
    const b = await linkProfile(anna.id, profileRead('https://www.facebook.com/profile.php?id=100009999999', { name: ok('Boris Two') }, 'facebook').extraction!, 2);
    await setSetting('review.wrongMerges', [{ contactId: anna.id, network: 'facebook', profileIds: [a.id, b.id] }]);
    render(<BookApp languages={['en-US']} />);
    const u = userEvent.setup();
    const banner = await screen.findByRole('region', { name: 'Contacts to check' });
    expect(within(banner).getByText(/may have made 1 contact out of two different people/)).toBeTruthy();
    await u.click(within(banner).getByRole('button', { name: 'Anna One' }));
    const pane = await screen.findByRole('complementary', { name: /record/i });
    const split = await within(pane).findByRole('region', { name: 'Two different people?' });
    await u.click(within(split).getByRole('button', { name: 'They are one person' }));
    // answered: the book no longer asks
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Contacts to check' })).toBeNull());
  });
});
