// @vitest-environment jsdom
// Settings → Team and the pages' pulse: what the user sees, what is asked of the
// browser and what is sent to the background (a fake bridge records both).
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { provideTeam, type TeamBridge } from '@/components/shared/team';
import { TeamProvider } from '@/components/shared/useTeam';
import { TeamSection } from '@/components/settings/TeamSection';
import { TEAM_OFF, type TeamConfig, type TeamStatus } from '@/lib/sync/status';

function fakeTeam(opts: { grant?: boolean | Promise<boolean>; answer?: (c: TeamConfig) => TeamStatus | Promise<TeamStatus>; initial?: TeamStatus } = {}) {
  const calls = { permission: [] as string[], connect: [] as TeamConfig[], syncNow: 0, disconnect: 0 };
  let status: TeamStatus = opts.initial ?? TEAM_OFF;
  const listeners = new Set<(s: TeamStatus) => void>();
  const bridge: TeamBridge = {
    getStatus: async () => status,
    connect: async (c) => {
      calls.connect.push(c);
      status = (await opts.answer?.(c)) ?? { state: 'connected', origin: new URL(c.url).origin, database: c.database, user: c.user, lastSyncAt: Date.now() - 120_000, pending: 0 };
      return status;
    },
    disconnect: async () => {
      calls.disconnect++;
      status = TEAM_OFF;
      return status;
    },
    syncNow: async () => {
      calls.syncNow++;
      return status;
    },
    requestOrigin: (pattern) => {
      calls.permission.push(pattern);
      return Promise.resolve(opts.grant ?? true);
    },
    onStatus: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  provideTeam(bridge);
  return {
    calls,
    broadcast(s: TeamStatus) {
      status = s;
      act(() => listeners.forEach((l) => l(s)));
    },
  };
}

const renderTeam = (lng: 'en' | 'ru' = 'en', pulseMs = 60_000) =>
  render(
    <I18nextProvider i18n={createI18n(lng)}>
      <TeamProvider pulseMs={pulseMs}>
        <TeamSection />
      </TeamProvider>
    </I18nextProvider>,
  );

async function fill(u: ReturnType<typeof userEvent.setup>, url: string, db = 'team-book', user = 'olga', password = 's3cret') {
  const region = screen.getByRole('region', { name: 'Team' });
  await u.clear(within(region).getByLabelText('Server address'));
  await u.type(within(region).getByLabelText('Server address'), url);
  await u.clear(within(region).getByLabelText('Database'));
  await u.type(within(region).getByLabelText('Database'), db);
  await u.clear(within(region).getByLabelText('User name'));
  if (user) await u.type(within(region).getByLabelText('User name'), user);
  await u.type(within(region).getByLabelText('Password'), password);
  return region;
}

afterEach(() => provideTeam(null));

describe('Settings → Team', () => {
  it('off at first: says the book is only here, shows the form and what is and is not shared', async () => {
    fakeTeam();
    renderTeam();
    const region = screen.getByRole('region', { name: 'Team' });
    expect(within(region).getByRole('status').textContent).toBe('Not connected: this book is only in this browser.');
    expect(within(region).getByLabelText('Password').getAttribute('type')).toBe('password');
    expect(within(region).getByLabelText('Password').getAttribute('autocomplete')).toBe('off');
    expect(within(region).getByRole('heading', { name: 'What is shared' })).toBeTruthy();
    expect(region.textContent).toContain('notes, interactions, purchases, complaints');
    expect(within(region).getByRole('heading', { name: 'What is not' })).toBeTruthy();
    expect(region.textContent).toContain('the local log, and the password');
  });

  it('an http URL to another host: the https error under the field, nothing asked, nothing sent', async () => {
    const { calls } = fakeTeam();
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, 'http://example.com');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    const input = within(region).getByLabelText('Server address');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const err = document.getElementById(input.getAttribute('aria-describedby')!.split(' ').pop()!)!;
    expect(err.textContent).toBe('The server must use https. Plain http is allowed only for localhost.');
    expect(calls.permission).toEqual([]);
    expect(calls.connect).toEqual([]);
    // typing again clears the error
    await u.type(input, '/');
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('a bad database name and a missing user name are told at their own fields', async () => {
    const { calls } = fakeTeam();
    renderTeam();
    const u = userEvent.setup();
    let region = await fill(u, 'https://couch.example.com', 'Team Book');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    expect(within(region).getByLabelText('Database').getAttribute('aria-invalid')).toBe('true');
    expect(region.textContent).toContain('That is not a CouchDB database name');
    region = await fill(u, 'https://couch.example.com', 'team-book', '');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    expect(within(region).getByLabelText('User name').getAttribute('aria-invalid')).toBe('true');
    expect(region.textContent).toContain('Type the user name.');
    expect(calls.permission).toEqual([]);
    expect(calls.connect).toEqual([]);
  });

  it('the permission refused: says so, and sends nothing to the background', async () => {
    const { calls } = fakeTeam({ grant: false });
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, 'http://localhost:5984');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Not connected: the browser’s permission to reach http://localhost:5984 was not given. Nothing was sent.'));
    expect(calls.permission).toEqual(['http://localhost/*']);
    expect(calls.connect).toEqual([]);
  });

  it('while the browser’s prompt is open: says what to allow; nothing is sent until it is answered', async () => {
    let answer!: (v: boolean) => void;
    const { calls } = fakeTeam({ grant: new Promise<boolean>((ok) => (answer = ok)) });
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, 'https://couch.example.com:6984');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    expect(region.textContent).toContain('Allow Tiewise to reach https://couch.example.com:6984 in the browser’s prompt.');
    expect((within(region).getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls.connect).toEqual([]);
    await act(async () => answer(true));
    await waitFor(() => expect(calls.connect).toHaveLength(1));
    expect(region.textContent).not.toContain('in the browser’s prompt');
  });

  it('granted: connects with what was typed, clears the password, shows the server and the last sync; Disconnect keeps nothing on screen', async () => {
    const { calls } = fakeTeam();
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, ' https://couch.example.com/ ', 'team-book', 'olga', 'pa55');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Connected · last sync 2 minutes ago'));
    expect(calls.permission).toEqual(['https://couch.example.com/*']);
    expect(calls.connect).toEqual([{ url: 'https://couch.example.com/', database: 'team-book', user: 'olga', password: 'pa55' }]);
    // the password is gone from the page
    expect(within(region).queryByLabelText('Password')).toBeNull();
    expect(region.innerHTML).not.toContain('pa55');
    expect(region.textContent).toContain('Serverhttps://couch.example.com');
    expect(region.textContent).toContain('Signed in asolga');
    await u.click(within(region).getByRole('button', { name: 'Disconnect' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Not connected: this book is only in this browser.'));
    expect(calls.disconnect).toBe(1);
    expect((within(region).getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });

  it('refused by the server: the reason in words, the form stays for another try', async () => {
    fakeTeam({ answer: (c) => ({ state: 'refused', reason: 'unauthorized', origin: new URL(c.url).origin, database: c.database, user: c.user }) });
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, 'https://couch.example.com');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Not connected: the server did not accept this user name and password, or the session expired. Type the password again.'));
    expect(within(region).getByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it('the server down on the first connect: says it could not be reached (not “retrying”: nothing was kept), the form and password stay', async () => {
    fakeTeam({ answer: (c) => ({ state: 'offline', reason: 'unreachable', origin: new URL(c.url).origin }) });
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, 'https://couch.example.com', 'team-book', 'olga', 'pa55');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Not connected: the server could not be reached (down, a wrong address, its certificate, or CORS not enabled).'));
    expect((within(region).getByLabelText('Password') as HTMLInputElement).value).toBe('pa55');
  });

  it('a long first sync: the background’s progress shows instead of “Connecting…”', async () => {
    let finish!: (s: TeamStatus) => void;
    const team = fakeTeam({ answer: () => new Promise<TeamStatus>((ok) => (finish = ok)) });
    renderTeam();
    const u = userEvent.setup();
    const region = await fill(u, 'https://couch.example.com');
    await u.click(within(region).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Connecting to https://couch.example.com…'));
    team.broadcast({ state: 'syncing', origin: 'https://couch.example.com', done: 5000, total: 20000 });
    expect(within(region).getByRole('status').textContent).toBe('Syncing: 5,000 of 20,000');
    await act(async () => finish({ state: 'connected', origin: 'https://couch.example.com', database: 'team-book', user: 'olga' }));
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Connected'));
    expect(within(region).queryByLabelText('Password')).toBeNull();
  });

  it('a sync a few seconds ago reads “just now”', async () => {
    const team = fakeTeam({ initial: { state: 'connected', origin: 'https://couch.example.com' } });
    renderTeam();
    team.broadcast({ state: 'connected', origin: 'https://couch.example.com', lastSyncAt: Date.now() - 5000 });
    expect(screen.getByRole('status').textContent).toBe('Connected · last sync just now');
  });

  it('follows the background: syncing n of m, pending changes, offline', async () => {
    const team = fakeTeam({ initial: { state: 'connected', origin: 'https://couch.example.com', database: 'team-book', user: 'olga' } });
    renderTeam();
    const region = screen.getByRole('region', { name: 'Team' });
    await waitFor(() => expect(within(region).getByRole('status').textContent).toBe('Connected'));
    team.broadcast({ state: 'syncing', origin: 'https://couch.example.com', done: 1200, total: 20000, pending: 3 });
    expect(within(region).getByRole('status').textContent).toBe('Syncing: 1,200 of 20,000' + '3 local changes not yet on the server');
    team.broadcast({ state: 'offline', origin: 'https://couch.example.com', pending: 1 });
    expect(within(region).getByRole('status').textContent).toBe('Offline (retrying). Your changes are kept here and sent when the server is back.1 local change not yet on the server');
  });

  it('in Russian: the plurals of pending changes and the https error', async () => {
    const team = fakeTeam({ initial: { state: 'connected', origin: 'https://couch.example.com', database: 'team-book', user: 'olga' } });
    renderTeam('ru');
    const region = screen.getByRole('region', { name: 'Команда' });
    team.broadcast({ state: 'offline', pending: 3 });
    expect(region.textContent).toContain('3 локальных изменения ещё не на сервере');
    team.broadcast({ state: 'offline', pending: 5 });
    expect(region.textContent).toContain('5 локальных изменений ещё не на сервере');
    team.broadcast({ state: 'offline', pending: 21 });
    expect(region.textContent).toContain('21 локальное изменение ещё не на сервере');
    team.broadcast(TEAM_OFF);
    const u = userEvent.setup();
    await u.type(within(region).getByLabelText('Адрес сервера'), 'http://example.com');
    await u.type(within(region).getByLabelText('База данных'), 'team');
    await u.type(within(region).getByLabelText('Имя пользователя'), 'olga');
    await u.click(within(region).getByRole('button', { name: 'Подключиться' }));
    expect(region.textContent).toContain('Сервер должен работать по https');
  });
});

describe('the pages’ pulse (team:sync-now)', () => {
  const setVisibility = (v: 'visible' | 'hidden') => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => v });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  afterEach(() => setVisibility('visible'));

  it('asks for a sync every interval while the page is visible and the team book is on; never when off or hidden', async () => {
    const team = fakeTeam();
    renderTeam('en', 40);
    await new Promise((r) => setTimeout(r, 200));
    expect(team.calls.syncNow).toBe(0); // off: silent
    team.broadcast({ state: 'connected', origin: 'https://couch.example.com' });
    await waitFor(() => expect(team.calls.syncNow).toBeGreaterThanOrEqual(3));
    setVisibility('hidden');
    await new Promise((r) => setTimeout(r, 60));
    const hidden = team.calls.syncNow;
    await new Promise((r) => setTimeout(r, 200));
    expect(team.calls.syncNow).toBe(hidden);
    setVisibility('visible'); // back in view: at once
    await waitFor(() => expect(team.calls.syncNow).toBeGreaterThan(hidden));
  });

  it('without a bridge (a page in a test that does not care) nothing is asked and the section says off', () => {
    provideTeam(null);
    renderTeam();
    const region = screen.getByRole('region', { name: 'Team' });
    expect(within(region).getByRole('status').textContent).toBe('Not connected: this book is only in this browser.');
    expect((within(region).getByRole('button', { name: 'Connect' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
