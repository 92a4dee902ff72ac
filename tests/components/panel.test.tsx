// @vitest-environment jsdom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PanelApp } from '@/components/panel/PanelApp';
import { addContact } from '@/lib/db/contacts';
import { linkProfile, recordProfileRead } from '@/lib/db/profiles';
import { getContactRecord } from '@/lib/db/record';
import { searchContacts } from '@/lib/db/search';
import { setSetting } from '@/lib/db/settings';
import { mergeContacts } from '@/lib/db/merge';
import { loadDemoBook } from '@/lib/demo/load';
import { fakeBridge, freshDb, profileRead } from './setup';

const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const ok = (value: string) => ({ status: 'ok' as const, value, via: 'test' });

describe('side panel', () => {
  beforeEach(() => {
    freshDb();
  });

  it('on a page that is not one of the sites, says what to do and offers the demo book', async () => {
    const { bridge } = fakeBridge(null);
    render(<PanelApp bridge={bridge} />);
    expect(await screen.findByText(/Open a person’s profile on LinkedIn/)).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: /demo book/ }));
    // once the book has contacts the hint goes away
    await waitFor(() => expect(screen.queryByRole('button', { name: /demo book/ })).toBeNull());
    expect(screen.getByText(/Open a person’s profile/)).toBeTruthy();
  });

  it('shows a linked person with their CRM record, and follows the tab to another person', async () => {
    await loadDemoBook();
    const fake = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski') }));
    render(<PanelApp bridge={fake.bridge} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Anna Kowalski' })).toBeTruthy();
    const notes = await screen.findByRole('region', { name: 'Notes' });
    expect(within(notes).getByText(/half marathon/)).toBeTruthy();
    const purchases = screen.getByRole('region', { name: 'Purchases' });
    expect(within(purchases).getByText('4 purchases')).toBeTruthy();

    fake.set(profileRead('https://vk.com/dvolkov', { name: ok('Дмитрий Волков') }, 'vk'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Дмитрий Волков' })).toBeTruthy();
  });

  it('support mode leads with purchases and complaints, and remembers the choice', async () => {
    await loadDemoBook();
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski') }));
    const { unmount } = render(<PanelApp bridge={bridge} />);
    await screen.findByRole('region', { name: 'Notes' });
    await userEvent.click(screen.getByRole('radio', { name: 'Support' }));
    await screen.findByRole('radio', { name: 'Support', checked: true });
    const order = () => screen.getAllByRole('region').map((r) => r.querySelector('h3 > span')?.textContent);
    expect(order().slice(0, 2)).toEqual(['Purchases', 'Complaints']);
    unmount();
    render(<PanelApp bridge={bridge} />);
    await screen.findByRole('radio', { name: 'Support', checked: true });
  });

  it('a page that cannot be read now shows the last good read, and says how old it is', async () => {
    const c = await addContact({ name: 'Anna Kowalski', source: { kind: 'user', at: 1 } });
    const DAY = 86_400_000;
    const good = profileRead(ANNA, { name: ok('Anna Kowalski'), headline: ok('Head of Procurement at Northwind') }).extraction!;
    await linkProfile(c.id, good, Date.now() - 3 * DAY);
    // the content script's read after its retries: the page still showed someone else
    const blank = profileRead(ANNA, Object.fromEntries(['name', 'headline', 'company'].map((f) => [f, { status: 'unreadable' as const }])));
    await recordProfileRead(blank.extraction!, Date.now());
    const { bridge } = fakeBridge(blank);
    render(<PanelApp bridge={bridge} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Anna Kowalski' })).toBeTruthy();
    expect(screen.getByText('Head of Procurement at Northwind')).toBeTruthy();
    expect(screen.getAllByText(/could not read now; last read 3 days ago/).length).toBeGreaterThan(0);
  });

  it('the profile the page shows is "read now" at once, before the background has stored the read', async () => {
    const c = await addContact({ name: 'Anna Kowalski', source: { kind: 'user', at: 1 } });
    const DAY = 86_400_000;
    await linkProfile(c.id, profileRead(ANNA, { name: ok('Anna Kowalski') }).extraction!, Date.now() - 3 * DAY);
    // the page read now; nothing stored it yet (the background does, a moment later)
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski'), headline: ok('Head of Procurement at Northwind') }));
    render(<PanelApp bridge={bridge} />);
    const list = await screen.findByRole('list', { name: 'Profiles' });
    expect(list.textContent).toMatch(/LinkedIn\s+read this minute/);
    expect(list.textContent).not.toMatch(/3 days ago/);
  });

  it('offers to split a contact an earlier version made of two Facebook people', async () => {
    const A = 'https://www.facebook.com/profile.php?id=100001234567';
    const B = 'https://www.facebook.com/profile.php?id=100009999999';
    const anna = await addContact({ name: 'Anna One', source: { kind: 'user', at: 1 } });
    await linkProfile(anna.id, profileRead(A, { name: ok('Anna One') }, 'facebook').extraction!, 1000);
    await linkProfile(anna.id, profileRead(B, { name: ok('Boris Two') }, 'facebook').extraction!, 2000);
    const pIds = (await getContactRecord(anna.id))!.profiles.map((p) => p.id).sort();
    // what the v4 upgrade writes when it finds such a contact
    await setSetting('review.wrongMerges', [{ contactId: anna.id, network: 'facebook', profileIds: pIds }]);
    const { bridge } = fakeBridge(profileRead(A, { name: ok('Anna One') }, 'facebook'));
    render(<PanelApp bridge={bridge} />);
    const region = await screen.findByRole('region', { name: 'Two different people?' });
    expect(within(region).getByRole('link', { name: 'Boris Two' }).getAttribute('href')).toBe(B);
    await userEvent.click(within(region).getByRole('button', { name: 'Split into separate contacts' }));
    expect(await screen.findByText('Split: Boris Two is now a contact of its own.')).toBeTruthy();
    const boris = (await searchContacts('Boris Two'))[0];
    expect((await getContactRecord(boris.id))!.profiles.map((p) => p.url)).toEqual([B]);
    expect((await getContactRecord(anna.id))!.profiles.map((p) => p.url)).toEqual([A]);
  });

  it('a merged contact can be split again later, from the merge log', async () => {
    const ANNA_FB = 'https://www.facebook.com/anna.one.42';
    const a = await addContact({ name: 'Anna One', emails: ['anna@one.example'], source: { kind: 'user', at: 1 } });
    const b = await addContact({ name: 'Anna One', emails: ['other@two.example'], source: { kind: 'user', at: 2 } });
    await linkProfile(a.id, profileRead(ANNA_FB, { name: ok('Anna One') }, 'facebook').extraction!, 1000);
    await mergeContacts(a.id, b.id);
    const { bridge } = fakeBridge(profileRead(ANNA_FB, { name: ok('Anna One') }, 'facebook'));
    render(<PanelApp bridge={bridge} />);
    const region = await screen.findByRole('region', { name: 'Merged contacts' });
    await userEvent.click(within(region).getByRole('button', { name: 'Split again' }));
    expect(await screen.findByText('Split again: Anna One is back as a contact of its own.')).toBeTruthy();
    expect((await getContactRecord(b.id))?.contact.emails).toEqual(['other@two.example']);
  });

  it('says which fields could not be read', async () => {
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski'), experience: { status: 'unreadable' } }));
    render(<PanelApp bridge={bridge} />);
    expect(await screen.findByText('LinkedIn: could not read experience.')).toBeTruthy();
  });

  it('renders markup from a page as literal text', async () => {
    const payload = '<img src=x onerror="alert(1)">Eve';
    const c = await addContact({ name: payload, source: { kind: 'user', at: 1 } });
    const x = profileRead(ANNA, { name: ok(payload) });
    await linkProfile(c.id, x.extraction!);
    const { container } = render(<PanelApp bridge={fakeBridge(x).bridge} />);
    expect(await screen.findByRole('heading', { level: 2, name: payload })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('adds, edits and deletes a note, with undo', async () => {
    await loadDemoBook();
    const { bridge } = fakeBridge(profileRead('https://vk.com/id1234567', { name: ok('Елена Соколова') }, 'vk'));
    render(<PanelApp bridge={bridge} />);
    const notes = await screen.findByRole('region', { name: 'Notes' });
    expect(within(notes).getByText('No notes yet.')).toBeTruthy();
    await userEvent.type(within(notes).getByRole('textbox', { name: 'Add note' }), 'Likes skiing');
    await userEvent.click(within(notes).getByRole('button', { name: 'Add note' }));
    await userEvent.click(await within(notes).findByRole('button', { name: 'Edit: Likes skiing' }, { timeout: 3000 }));
    const box = within(notes).getByRole('textbox', { name: 'Edit note' });
    await userEvent.clear(box);
    await userEvent.type(box, 'Likes cross-country skiing');
    await userEvent.click(within(notes).getByRole('button', { name: 'Save' }));
    await userEvent.click(await within(notes).findByRole('button', { name: 'Delete: Likes cross-country skiing' }));
    await within(notes).findByText('No notes yet.');
    await userEvent.click(await within(notes).findByRole('button', { name: 'Undo' }));
    expect(await within(notes).findByRole('button', { name: 'Edit: Likes cross-country skiing' })).toBeTruthy();
  });

  it('speaks Russian with the right plural forms', async () => {
    await loadDemoBook();
    const { bridge } = fakeBridge(profileRead(ANNA, { name: ok('Anna Kowalski') }), ['ru-RU']);
    render(<PanelApp bridge={bridge} />);
    const notes = await screen.findByRole('region', { name: 'Заметки' });
    expect(within(notes).getByText('3 заметки')).toBeTruthy();
    expect(screen.getByText('4 покупки')).toBeTruthy();
  });
});
