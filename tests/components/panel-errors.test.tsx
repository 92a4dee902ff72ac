// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import Dexie from 'dexie';
import { PanelApp } from '@/components/panel/PanelApp';
import { TiewiseDB, useDatabase } from '@/lib/db/database';
import { fakeBridge, freshDb } from './setup';

describe('the panel, when something is wrong', () => {
  it('says the page could not be read when the extractor threw there', async () => {
    freshDb();
    const { bridge } = fakeBridge({ tabId: 1, url: 'https://www.linkedin.com/in/x/', at: 1, error: 'TypeError: boom' });
    render(<PanelApp bridge={bridge} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not read this page/);
  });

  it('a profile the browser shows translated: asks for the original, as a status, not as a failure', async () => {
    freshDb();
    const { bridge } = fakeBridge({ tabId: 1, url: 'https://www.facebook.com/ann.lee.5', at: 1, error: 'translated' });
    render(<PanelApp bridge={bridge} />);
    const note = await screen.findByText(/^The browser shows this Facebook profile translated\. .*show the original/);
    expect(note.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains a database written by a newer Tiewise, and leaves it alone', async () => {
    const name = `newer-${Date.now()}`;
    const future = new Dexie(name);
    future.version(40).stores({ contacts: 'id' });
    await future.open();
    await future.table('contacts').add({ id: 'kept' });
    future.close();
    useDatabase(new TiewiseDB(name));
    render(<PanelApp bridge={fakeBridge(null).bridge} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/newer version of Tiewise/);
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(40);
    expect(await again.table('contacts').count()).toBe(1);
    again.close();
  });

  it('shows its frame while the database opens, then the card, asking for the tab\'s read once', async () => {
    const d = freshDb();
    const { loadDemoBook } = await import('@/lib/demo/load');
    await loadDemoBook(Date.now(), d);
    d.close();
    // the open held until the test lets it go
    const open = d.open.bind(d);
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    vi.spyOn(d, 'open').mockImplementation((() => held.then(open)) as unknown as typeof d.open);
    const { profileRead } = await import('./setup');
    const { bridge } = fakeBridge(profileRead('https://www.linkedin.com/in/anna-kowalski-42/', { name: { status: 'ok', value: 'Anna Kowalski', via: 't' } }));
    const asked = vi.spyOn(bridge, 'getTabState');
    render(<PanelApp bridge={bridge} />);
    expect((await screen.findByRole('heading', { level: 1, name: 'Tiewise' }))).toBeTruthy();
    await screen.findByText('Reading the page…');
    expect((screen.getByRole('searchbox') as HTMLInputElement).disabled).toBe(true);
    // the mode switch shown, nothing chosen on it yet (the stored choice is not known)
    const radios = screen.getAllByRole('radio') as HTMLButtonElement[];
    expect(radios.map((r) => [r.getAttribute('aria-checked'), r.disabled])).toEqual([['false', true], ['false', true]]);
    await new Promise((r) => setTimeout(r, 50));
    expect(d.isOpen()).toBe(false);
    release();
    await screen.findByRole('heading', { level: 2, name: 'Anna Kowalski' });
    expect((screen.getByRole('searchbox') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByRole('radio', { name: 'Sales' }).getAttribute('aria-checked')).toBe('true');
    expect(asked).toHaveBeenCalledTimes(1);
  });

  it('shows a sign-in wall as such, in Russian too', async () => {
    freshDb();
    const wall = { tabId: 1, url: 'https://vk.com/id1', at: 1, extraction: { site: 'vk' as const, kind: 'login-wall' as const, profileUrl: null, lang: 'ru', fields: (await import('@/lib/extract/types')).emptyFields() } };
    render(<PanelApp bridge={fakeBridge(wall, ['ru']).bridge} />);
    expect((await screen.findByRole('status')).textContent).toMatch(/ВКонтакте показывает вход/);
    // a screen reader reads the page with a Russian voice
    expect(document.documentElement.lang).toBe('ru');
    expect(document.documentElement.dir).toBe('ltr');
  });
});

describe('reminders', () => {
  it('shows a rule\'s reminder on the contact and marks it done', async () => {
    const d = freshDb();
    const { loadDemoBook } = await import('@/lib/demo/load');
    await loadDemoBook(Date.now(), d);
    await d.reminders.put({ id: 'r1', contactId: 'demo-anna', due: Date.now() - 1000, text: 'Follow up on SSO', done: false });
    const { profileRead } = await import('./setup');
    render(<PanelApp bridge={fakeBridge(profileRead('https://www.linkedin.com/in/anna-kowalski-42/', { name: { status: 'ok', value: 'Anna Kowalski', via: 't' } })).bridge} />);
    const region = await screen.findByRole('region', { name: 'Reminders' });
    expect(region.textContent).toMatch(/Follow up on SSO.*due now/);
    (await screen.findByRole('button', { name: 'Done: Follow up on SSO' })).click();
    await screen.findByRole('heading', { level: 2, name: 'Anna Kowalski' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await d.reminders.get('r1'))?.done).toBe(true);
  });
});
