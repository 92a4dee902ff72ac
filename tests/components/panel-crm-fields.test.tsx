// @vitest-environment jsdom
// The panel's "From your CRM" section: the imported fields and custom columns of a contact.
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { CrmFieldsSection } from '@/components/panel/CrmFieldsSection';
import type { Contact } from '@/lib/domain/entities';
import { createI18n } from '@/components/shared/i18n';

const base: Contact = { id: 'c1', name: 'Harriet Osei', emails: [], phones: [], tags: [], nameKeys: [], source: { kind: 'import', at: 0 }, createdAt: 0, updatedAt: 0 };
const wrap = (c: Contact, lng: 'en' | 'ru' = 'en') => render(<I18nextProvider i18n={createI18n(lng)}><CrmFieldsSection contact={c} /></I18nextProvider>);

describe('CrmFieldsSection', () => {
  it('shows each field and custom column by its name, as text', () => {
    const { container } = wrap({
      ...base, country: 'United Kingdom', website: 'https://brightwater.example', owner: 'Kate Miller', crmStatus: 'opportunity',
      custom: [{ name: 'Department', value: 'Purchasing' }, { name: '__proto__', value: '<img src=x onerror=alert(1)>' }],
    });
    const region = screen.getByRole('region', { name: 'From your CRM' });
    const pairs = [...region.querySelectorAll('.fact')].map((f) => [f.querySelector('dt')!.textContent, f.querySelector('dd')!.textContent]);
    expect(pairs).toEqual([
      ['Country', 'United Kingdom'], ['Website', 'https://brightwater.example'], ['Owner', 'Kate Miller'],
      ['Status in the CRM', 'opportunity'], ['Department', 'Purchasing'], ['__proto__', '<img src=x onerror=alert(1)>'],
    ]);
    expect(within(region).getByRole('link', { name: 'https://brightwater.example' })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });
  it('a website that is not http(s) is not a link', () => {
    wrap({ ...base, website: 'javascript:alert(1)' });
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)')).toBeTruthy();
  });
  it('nothing when the contact has none of it; Russian labels', () => {
    const { container } = wrap(base);
    expect(container.textContent).toBe('');
    wrap({ ...base, owner: 'Мария Лосева' }, 'ru');
    expect(screen.getByRole('region', { name: 'Из вашей CRM' }).textContent).toContain('ОтветственныйМария Лосева');
  });
});
