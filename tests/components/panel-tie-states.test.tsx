// @vitest-environment jsdom
// Issue 20: the panel's tie section shows the new states, reasons and steps, in en and ru.
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { TieSection } from '@/components/panel/TieSection';
import type { RecordAssessment } from '@/lib/db/derive';
import type { Contact, Interaction, Purchase } from '@/lib/domain/entities';
import { assess, effectiveTag, type AccountPeer } from '@/lib/model/network';
import { freshDb } from './setup';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2026, 5, 1);
const src = { kind: 'user' as const, at: 0 };
const contact = (more: Partial<Contact>): Contact => ({ id: 'c', name: 'Boris Orlov', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0, ...more });
const ix = (days: number, more: Partial<Interaction> = {}): Interaction => ({ id: `i${days}`, contactId: 'c', kind: 'email', direction: 'out', at: NOW - days * DAY, summary: '', source: src, ...more });

function show(c: Contact, more: { interactions?: Interaction[]; purchases?: Purchase[]; account?: AccountPeer[] }, lng: 'en' | 'ru' = 'en') {
  const a = assess({ contact: c, ...more }, NOW);
  const ra: RecordAssessment = { ...a, tag: effectiveTag(a.classification) };
  render(<I18nextProvider i18n={createI18n(lng)}><TieSection contact={c} a={ra} topics={[]} complaints={[]} /></I18nextProvider>);
  return screen.getByRole('region');
}

describe('tie section: issue 20 states', () => {
  beforeEach(() => { freshDb(); });
  // (a test that needs rows opens its own fresh database)

  it('a weak contact at a championed account: stakeholder, stage 2, ask the champion by name (en)', () => {
    const r = show(contact({ company: 'Acme', relation: 'prospect' }), {
      interactions: [ix(40)], account: [{ name: 'Ivan Petrov', networkType: 'strong-tie-champion', tieScore: 0.8 }],
    });
    expect(within(r).getByText(/Stage 2 · entering the account/)).toBeTruthy();
    expect(within(r).getByText(/stakeholder to be introduced/)).toBeTruthy();
    expect(within(r).getByText('Ask Ivan Petrov to introduce you at Acme.')).toBeTruthy();
    expect(within(r).getByText('your champion at Acme: Ivan Petrov')).toBeTruthy();
  });

  it('25 unanswered e-mails: one-way, say so, suggest another channel (en)', () => {
    const r = show(contact({ company: 'Hooli', relation: 'prospect' }), { interactions: Array.from({ length: 25 }, (_, i) => ix(2 + 2 * i)) });
    expect(within(r).getByText(/one-way: no replies/)).toBeTruthy();
    expect(within(r).getByText(/No reply to 25 messages in a row: stop sending; try a call/)).toBeTruthy();
    expect(within(r).getByText('25 messages in a row without a reply')).toBeTruthy();
    expect(within(r).getByText(/25 of your messages in a row without a reply/)).toBeTruthy();
  });

  it('a dormant customer, in Russian: спящий клиент, возобновите контакт', () => {
    const buy: Purchase = { id: 'b', contactId: 'c', productId: 'p', at: NOW - 800 * DAY, quantity: 1, amount: 1, currency: 'RUB', source: src };
    const r = show(contact({ name: 'Ольга Миронова', company: 'Север', relation: 'customer' }), { purchases: [buy] }, 'ru');
    expect(within(r).getByText(/спящий клиент/)).toBeTruthy();
    expect(within(r).getByText(/Спящий клиент: возобновите контакт/)).toBeTruthy();
    expect(within(r).getByText('клиент молчит уже 800 дн.')).toBeTruthy();
  });

  it('a dormant customer is re-engaged with the top cross-sell suggestion from the catalogue', async () => {
    const d = freshDb();
    await d.products.bulkPut([
      { id: 'p', name: 'Core', relations: [] },
      { id: 'pro', name: 'Core Pro', relations: [{ kind: 'upgrade-of', productId: 'p' }] },
    ]);
    const buy: Purchase = { id: 'b', contactId: 'c', productId: 'p', at: NOW - 800 * DAY, quantity: 1, amount: 1, currency: 'EUR', source: src };
    await d.purchases.put(buy);
    const r = show(contact({ company: 'Initech', relation: 'customer' }), { purchases: [buy] });
    expect(await within(r).findByText(/A dormant customer: re-engage with Core Pro/)).toBeTruthy();
  });
});
