// @vitest-environment jsdom
// Issue 20: the account view — everyone the rep knows at the organisation, the
// account's stage, and what the network lacks — in the panel, en and ru.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { PanelApp } from '@/components/panel/PanelApp';
import { ACCOUNT_SHOWN, AccountSection } from '@/components/panel/AccountSection';
import { createI18n } from '@/components/shared/i18n';
import type { Contact } from '@/lib/domain/entities';
import { loadDemoBook } from '@/lib/demo/load';
import { fakeBridge, freshDb, profileRead } from './setup';

const src = { kind: 'user' as const, at: 0 };
const person = (id: string, more: Partial<Contact>): Contact => ({
  id, name: id, emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0, ...more,
});

describe('account view', () => {
  it('lists who the rep knows at Acme with tag, tie and role; single-threaded names the champion (en)', async () => {
    const d = freshDb();
    const boris = person('boris', { name: 'Boris Orlov', company: 'Acme', position: 'CFO', networkType: 'weak-tie-prospect', stage: 'entering-account', tieScore: 0.08 });
    await d.contacts.bulkPut([
      boris,
      person('ivan', { name: 'Ivan Petrov', company: 'ACME', position: 'Head of IT', networkType: 'strong-tie-champion', stage: 'entering-account', tieScore: 0.82 }),
      person('other', { name: 'Someone Else', company: 'Globex', tieScore: 0.9 }),
    ]);
    render(<I18nextProvider i18n={createI18n('en')}><AccountSection contact={boris} /></I18nextProvider>);
    const r = await screen.findByRole('region', { name: 'Account: Acme' });
    expect(within(r).getByText('The account is at Stage 2 · entering the account')).toBeTruthy();
    const items = within(r).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toBe('Ivan Petrov · Head of IT · Strong-tie champion · tie 82/100');
    expect(items[1]).toBe('Boris Orlov (this contact) · CFO · Weak-tie prospect · tie 8/100');
    expect(items.join('\n')).not.toMatch(/Someone Else/);
    expect(within(r).getByText(/Single-threaded: Ivan Petrov is the only strong tie — ask Ivan Petrov to introduce you/)).toBeTruthy();
  });

  it('a big account lists its strongest ties and the contact itself; "Show all" lists everyone', async () => {
    const d = freshDb();
    const me = person('me', { name: 'Zoe Last', company: 'Initech', networkType: 'weak-tie-prospect', tieScore: 0.01 });
    const others = Array.from({ length: ACCOUNT_SHOWN + 4 }, (_, i) =>
      person(`p${i}`, { name: `Peer ${String(i).padStart(2, '0')}`, company: 'Initech Ltd', networkType: 'weak-tie-prospect', tieScore: 0.5 - i / 100 }));
    await d.contacts.bulkPut([me, ...others]);
    render(<I18nextProvider i18n={createI18n('en')}><AccountSection contact={me} /></I18nextProvider>);
    const r = await screen.findByRole('region', { name: 'Account: Initech' });
    const names = () => within(within(r).getAllByRole('list')[0]).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);
    expect(names()).toEqual([...others.slice(0, ACCOUNT_SHOWN).map((p) => p.name), 'Zoe Last']);
    await userEvent.click(within(r).getByRole('button', { name: `Show all ${ACCOUNT_SHOWN + 5}` }));
    expect(names()).toEqual([...others.map((p) => p.name), 'Zoe Last']);
    expect(within(r).queryByRole('button', { name: /Show all/ })).toBeNull();
  });

  it('no champion yet, in Russian', async () => {
    const d = freshDb();
    const c = person('a', { name: 'Мария Орлова', company: 'Ромашка', tieScore: 0.2, networkType: 'weak-tie-prospect', stage: 'prospecting' });
    await d.contacts.put(c);
    render(<I18nextProvider i18n={createI18n('ru')}><AccountSection contact={c} /></I18nextProvider>);
    const r = await screen.findByRole('region', { name: 'Компания: Ромашка' });
    expect(within(r).getByText(/Чемпиона пока нет: развивайте самую сильную связь \(Мария Орлова\)/)).toBeTruthy();
  });

  it('is reachable from the panel: a demo contact with a company shows its account', async () => {
    freshDb();
    await loadDemoBook();
    const { bridge } = fakeBridge(profileRead('https://www.linkedin.com/in/anna-kowalski-42/', { name: { status: 'ok', value: 'Anna Kowalski', via: 't' } }));
    render(<PanelApp bridge={bridge} />);
    const r = await screen.findByRole('region', { name: 'Account: Northwind Traders' });
    expect(within(r).getByText('The account is at Stage 4 · closing and referrals')).toBeTruthy();
    expect(within(r).getAllByRole('listitem')[0].textContent).toMatch(/^Anna Kowalski \(this contact\) · Product Manager · /);
    // the demo's other Northwind contacts are customers with weak ties: Anna is the one strong tie
    expect(within(r).getByText(/Single-threaded: Anna Kowalski is the only strong tie/)).toBeTruthy();
  });
});
