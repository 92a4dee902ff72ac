// @vitest-environment jsdom
// Who wrote a shared record: "by Olga, 3 days ago" beside notes, interactions,
// complaints and purchases when the record says (source.by); nothing extra when not.
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { NotesSection } from '@/components/panel/NotesSection';
import { InteractionsSection } from '@/components/panel/InteractionsSection';
import { ComplaintsSection } from '@/components/panel/ComplaintsSection';
import { PurchasesSection } from '@/components/panel/PurchasesSection';
import type { Complaint, Interaction, Note, Purchase } from '@/lib/domain/entities';
import { DAY } from '@/lib/domain/time';
import { freshDb } from './setup';

const ago3 = Date.now() - 3 * DAY;
const byOlga = { kind: 'user' as const, at: ago3, by: 'Olga' };
const mine: Note['source'] = { kind: 'user', at: ago3 };
const note = (id: string, text: string, source = mine): Note => ({ id, contactId: 'c', text, createdAt: ago3, updatedAt: ago3, source } as Note);
const wrap = (el: React.ReactElement, lng: 'en' | 'ru' = 'en') => render(<I18nextProvider i18n={createI18n(lng)}>{el}</I18nextProvider>);

beforeEach(() => freshDb());

describe('who wrote it', () => {
  it('a teammate’s note says “by Olga, 3 days ago”; the rep’s own note keeps “entered by you”', () => {
    wrap(<NotesSection contactId="c" notes={[note('n1', 'Prefers calls after 4pm', byOlga), note('n2', 'Met at the fair')]} />);
    const items = screen.getAllByRole('listitem');
    expect(within(items[0]).getByText('by Olga, 3 days ago')).toBeTruthy();
    expect(items[0].textContent).not.toContain('entered by you');
    expect(items[1].textContent).toContain('entered by you');
    expect(items[1].textContent).not.toMatch(/\bby Olga/);
  });

  it('in Russian, with the plural the language needs', () => {
    wrap(<NotesSection contactId="c" notes={[note('n1', 'Звонить после 16:00', { ...byOlga, by: 'Ольга' })]} />, 'ru');
    expect(screen.getByText('автор: Ольга, 3 дня назад')).toBeTruthy();
  });

  it('interactions and complaints: the author after the row, only when there is one', () => {
    const ix = (id: string, source: Interaction['source']): Interaction => ({ id, contactId: 'c', kind: 'call', direction: 'out', at: ago3, summary: 'pricing', source } as Interaction);
    const { unmount } = wrap(<InteractionsSection contactId="c" interactions={[ix('i1', byOlga), ix('i2', mine)]} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows[0].textContent).toMatch(/ · by Olga, 3 days ago$/);
    expect(rows[1].textContent).not.toContain(' by ');
    unmount();
    const cp = (id: string, source: Complaint['source']): Complaint => ({ id, contactId: 'c', subject: 'Late delivery', state: 'open', openedAt: ago3, source } as Complaint);
    wrap(<ComplaintsSection complaints={[cp('k1', { kind: 'import', at: Date.now() - 2 * 3_600_000, by: 'Kate' }), cp('k2', mine)]} />);
    const ks = screen.getAllByRole('listitem');
    expect(ks[0].textContent).toMatch(/by Kate, 2 hours ago$/);
    expect(ks[1].textContent).not.toContain(' by ');
  });

  it('purchases: a “By” column only when a purchase has an author', () => {
    const p = (id: string, source: Purchase['source']): Purchase => ({ id, contactId: 'c', productId: 'p1', at: ago3, quantity: 1, amount: 100, currency: 'EUR', source } as Purchase);
    const { unmount } = wrap(<PurchasesSection purchases={[p('p1', mine)]} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).not.toContain('By');
    unmount();
    wrap(<PurchasesSection purchases={[p('p1', byOlga), p('p2', mine)]} />);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toContain('By');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0].textContent).toContain('by Olga, 3 days ago');
    expect(rows[1].textContent).not.toContain('by ');
  });
});
