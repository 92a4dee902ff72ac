// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '@/components/shared/i18n';
import { openDatabase } from '@/lib/db/database';
import { addContact } from '@/lib/db/contacts';
import { WorkflowRuleEditor } from '@/components/dashboard/WorkflowRuleEditor';
import { RulesTab } from '@/components/dashboard/RulesTab';
import { freshDb } from './setup';

const wrap = (ui: ReactNode, lng: 'en' | 'ru' = 'en') => render(<I18nextProvider i18n={createI18n(lng)}>{ui}</I18nextProvider>);
const groups = [
  { id: 'g1', name: 'Moscow prospects', color: '', createdAt: 0 },
  { id: 'smart', name: 'Smart one', color: '', createdAt: 0, rule: { field: 'city', op: 'exists' as const } },
];

describe('the rule editor', () => {
  it('says what is missing instead of saving a half rule', async () => {
    const onSave = vi.fn(async () => {});
    wrap(<WorkflowRuleEditor groups={groups} onSave={onSave} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Give the rule a name.');
    expect(alert.textContent).toContain('Condition 1 needs a value.');
    expect(alert.textContent).toContain('Name the tag to add.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('builds an all-of condition and a group action, offering only plain groups', async () => {
    const onSave = vi.fn(async () => {});
    const user = userEvent.setup();
    wrap(<WorkflowRuleEditor groups={groups} onSave={onSave} />);
    await user.type(screen.getByRole('textbox', { name: 'Rule name' }), 'Moscow prospects in');
    const first = screen.getByRole('group', { name: 'Condition 1' });
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Field' }), 'city');
    await user.type(within(first).getByRole('textbox', { name: 'Value' }), 'Москва');
    await user.click(screen.getByRole('button', { name: 'Add a condition' }));
    const second = screen.getByRole('group', { name: 'Condition 2' });
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Field' }), 'relation');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Value' }), 'prospect');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action' }), 'add-to-group');
    const group = screen.getByRole('combobox', { name: 'Group' });
    expect(within(group).queryByRole('option', { name: 'Smart one' })).toBeNull();
    await user.selectOptions(group, 'g1');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    expect(onSave).toHaveBeenCalledWith({
      name: 'Moscow prospects in',
      when: { all: [{ field: 'city', op: 'is', value: 'Москва' }, { field: 'relation', op: 'is', value: 'prospect' }] },
      then: { kind: 'add-to-group', groupId: 'g1' },
    });
  });

  it('speaks Russian', () => {
    wrap(<WorkflowRuleEditor groups={[]} onSave={async () => {}} />, 'ru');
    expect(screen.getByRole('button', { name: 'Сохранить правило' })).toBeTruthy();
  });
});

describe('the rules tab', () => {
  it('saves a rule, runs it, shows who got what, and undoes it', async () => {
    const d = freshDb();
    await openDatabase(d);
    const c = await addContact({ name: 'Ivan Petrov', company: 'Globex', relation: 'prospect', source: { kind: 'user', at: 1 } }, d);
    const user = userEvent.setup();
    wrap(<RulesTab />);
    await user.type(await screen.findByRole('textbox', { name: 'Rule name' }), 'Hot Globex');
    await user.type(screen.getByRole('textbox', { name: 'Value' }), 'Globex');
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'hot');
    await user.click(screen.getByRole('button', { name: 'Save rule' }));
    await screen.findByText(/When company is “Globex”, then add tag “hot”/);
    await user.click(screen.getByRole('button', { name: 'Run all rules now' }));
    await screen.findByText('The rules made 1 change.');
    await screen.findByText('Ivan Petrov: add tag “hot” (rule “Hot Globex”)');
    expect((await d.contacts.get(c.id))?.tags).toEqual(['hot']);
    await user.click(screen.getByRole('button', { name: /Undo: add tag “hot” for Ivan Petrov/ }));
    await screen.findByText('1 change undone.');
    expect((await d.contacts.get(c.id))?.tags).toEqual([]);
  });
});
