// @vitest-environment jsdom
// Issues 20 and 13: the connection degree and the mutual connections the page shows, in
// the panel (en and ru) and in the tie: its contribution, and the named intro as the step.
import { render, screen, within } from '@testing-library/react';
import { PanelApp } from '@/components/panel/PanelApp';
import { addContact } from '@/lib/db/contacts';
import { linkProfile } from '@/lib/db/profiles';
import { fakeBridge, freshDb, profileRead } from './setup';

const OKSANA = 'https://www.linkedin.com/in/oksana-lysenko-7/';
const PETRO = 'https://vk.com/petro.kovalenko';
const ok = <T,>(value: T) => ({ status: 'ok' as const, value, via: 'test' });

describe('the connection the page shows', () => {
  beforeEach(() => {
    freshDb();
  });

  it('a linked 2nd-degree contact never written to: the panel shows degree and mutuals, and the step is the named intro (en)', async () => {
    const c = await addContact({ name: 'Oksana Lysenko', company: 'Brightwater', source: { kind: 'user', at: 1 } });
    const read = profileRead(OKSANA, {
      name: ok('Oksana Lysenko'), degree: ok(2 as const), mutual: ok(7), mutualNames: ok(['Olga Smirnova', 'Mark Lee']),
    });
    await linkProfile(c.id, read.extraction!, Date.now());
    render(<PanelApp bridge={fakeBridge(read).bridge} />);
    const profiles = await screen.findByRole('list', { name: 'Profiles' });
    expect(within(profiles).getByText(/2nd-degree connection · 7 mutual connections, among them Olga Smirnova, Mark Lee/)).toBeTruthy();
    const tie = await screen.findByRole('region', { name: 'The tie' });
    expect(await within(tie).findByText('7 mutual connections — ask Olga Smirnova for an introduction.')).toBeTruthy();
    expect(within(tie).getByText('2nd-degree connection (a friend of a friend)')).toBeTruthy();
  });

  it('a VK friend, in Russian: «у вас в друзьях», and the friendship counts in the tie as «контакт 1-го уровня или друг»', async () => {
    const c = await addContact({ name: 'Петро Коваленко', source: { kind: 'user', at: 1 } });
    const read = profileRead(PETRO, { name: ok('Петро Коваленко'), degree: ok(1 as const), mutual: ok(3) }, 'vk');
    await linkProfile(c.id, read.extraction!, Date.now());
    render(<PanelApp bridge={fakeBridge(read, ['ru-RU']).bridge} />);
    const profiles = await screen.findByRole('list', { name: 'Профили' });
    expect(within(profiles).getByText(/у вас в друзьях · 3 общих друга/)).toBeTruthy();
    const tie = await screen.findByRole('region', { name: 'Связь' });
    expect(within(tie).getByText('контакт 1-го уровня или друг')).toBeTruthy();
    // a friend needs no introduction through a mutual friend
    expect(within(tie).queryByText(/попросите .* вас представить/)).toBeNull();
  });

  it('a person not in the book: the degree and the mutuals come from the page', async () => {
    const read = profileRead(OKSANA, { name: ok('Oksana Lysenko'), degree: ok(3 as const), mutual: ok(1), mutualNames: ok(['Olga Smirnova']) });
    render(<PanelApp bridge={fakeBridge(read).bridge} />);
    expect(await screen.findByText('3rd-degree connection or further · 1 mutual connection, among them Olga Smirnova')).toBeTruthy();
  });

  it('says nothing of a degree the page did not let it read', async () => {
    const read = profileRead(OKSANA, { name: ok('Oksana Lysenko'), degree: { status: 'unreadable' } });
    render(<PanelApp bridge={fakeBridge(read).bridge} />);
    expect(await screen.findByText(/LinkedIn: could not read connection degree/)).toBeTruthy();
    expect(screen.queryByText(/degree connection/)).toBeNull();
  });
});
