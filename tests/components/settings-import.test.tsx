// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ImportSection } from '@/components/settings/ImportSection';
import { ImportSummary } from '@/components/settings/ImportSummary';
import { MappingScreen } from '@/components/settings/MappingScreen';
import { createInlineRunner } from '@/components/settings/runner';
import type { ImportSummary as Summary } from '@/lib/import/apply';
import type { ColumnMapping } from '@/lib/import/fields';
import { createI18n } from '@/components/shared/i18n';
import { why } from '@/lib/import/why';
import { freshDb } from './setup';

const wrap = (ui: React.ReactNode, lng: 'en' | 'ru' = 'en') => render(<I18nextProvider i18n={createI18n(lng)}>{ui}</I18nextProvider>);

const HEADERS = ['Who', 'Mail', 'Firm'];
const SAMPLE = [
  ['Anna Lindqvist', 'anna@northwind.example', 'Northwind'],
  ['<img src=x onerror=alert(1)>', 'x@example.com', '=1+1'],
  ['', '', 'Nobody Ltd'],
];

function Harness({ initial, onChange }: { initial: ColumnMapping; onChange?: (m: ColumnMapping) => void }) {
  const [m, setM] = useState(initial);
  return <MappingScreen headers={HEADERS} sample={SAMPLE} mapping={m} onChange={(x) => (setM(x), onChange?.(x))} />;
}

describe('the mapping screen', () => {
  it('offers a field for each column, shows the first values, and previews the rows as they will be imported', async () => {
    let last: ColumnMapping = [];
    const { container } = wrap(<Harness initial={[null, 'email', null]} onChange={(m) => (last = m)} />);
    expect(screen.getByText(/did not recognise all of these columns/)).toBeTruthy();
    const who = screen.getByRole('combobox', { name: 'Field for column “Who”' });
    expect((who as HTMLSelectElement).value).toBe('');
    // rows named only by their e-mail so far
    expect(screen.getAllByRole('listitem')[0].textContent).toContain('anna@northwind.example');
    await userEvent.selectOptions(who, 'name');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Field for column “Firm”' }), 'company');
    expect(last).toEqual(['name', 'email', 'company']);
    const items = screen.getAllByRole('listitem');
    expect(items[0].textContent).toBe('Anna Lindqvist · anna@northwind.example · Northwind');
    // file text stays text
    expect(items[1].textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    expect(items[2].textContent).toContain('Names nobody: this row will be rejected');
  });

  it('says a mapping without a name or e-mail column cannot import', async () => {
    wrap(<Harness initial={[null, null, 'company']} />);
    expect(screen.getByRole('alert').textContent).toMatch(/name or the e-mail/);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Field for column “Mail”' }), 'email');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is keyboard reachable: every select takes focus in order', async () => {
    wrap(<Harness initial={[null, null, null]} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Field for column “Who”' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Field for column “Mail”' }));
  });
});

const SUMMARY: Summary = { added: 21, merged: 3, updated: 1, duplicates: 2, rejected: 2, notes: 5, interactions: 0, purchases: 0, products: 0, complaints: 0, profiles: 1, skipped: 0, deals: 0, dealsUpdated: 0 };
const REJECTED = [
  { line: 7, ...why('namesNobody'), raw: ',,,555-0100' },
  { line: 12, ...why('width', { fields: 4, columns: 3 }), raw: 'a,b,c,d' },
  { line: 15, ...why('cellTooLong', { chars: 100_001, max: 100_000 }), raw: 'x,…' },
];

describe('the import summary', () => {
  it('lists the counts that happened and every rejected row with its line and reason', async () => {
    let downloads = 0;
    wrap(<ImportSummary summary={SUMMARY} rejected={REJECTED} refreshing={false} onDownloadRejects={() => downloads++} />);
    const region = screen.getByRole('region', { name: 'Import finished' });
    expect(within(region).getByText('21 contacts added')).toBeTruthy();
    expect(within(region).getByText('3 matched contacts already in your book')).toBeTruthy();
    expect(within(region).getByText('1 contact gained new details')).toBeTruthy();
    expect(within(region).getByText('2 repeated rows merged into earlier ones')).toBeTruthy();
    expect(within(region).getByText('2 rows rejected')).toBeTruthy();
    expect(within(region).queryByText(/purchase/)).toBeNull();
    const rows = within(screen.getByRole('region', { name: 'Rejected rows' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['7', 'names nobody: no name and no e-mail', ',,,555-0100'],
      ['12', '4 fields for 3 columns', 'a,b,c,d'],
      ['15', 'a cell of 100,001 characters: at most 100,000', 'x,…'],
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Download the rejected rows' }));
    expect(downloads).toBe(1);
  });

  it('speaks Russian with Russian plurals', () => {
    wrap(<ImportSummary summary={{ ...SUMMARY, added: 21, merged: 3, rejected: 5 }} rejected={[]} refreshing onDownloadRejects={() => {}} />, 'ru');
    expect(screen.getByText('Добавлен 21 контакт')).toBeTruthy();
    expect(screen.getByText('3 записи совпали с контактами из базы')).toBeTruthy();
    expect(screen.getByText('5 строк отклонено')).toBeTruthy();
    expect(screen.getByText('Пересчитываем силу связей…')).toBeTruthy();
  });

  it('says in Russian why each row was rejected; a reason it has no words for stays as the file reader gave it', () => {
    const unknown = { line: 20, reason: 'some reason from an older reader', raw: 'y' };
    wrap(<ImportSummary summary={SUMMARY} rejected={[...REJECTED, unknown]} refreshing={false} onDownloadRejects={() => {}} />, 'ru');
    const rows = within(screen.getByRole('region', { name: 'Отклонённые строки' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1].textContent)).toEqual([
      'никого не называет: нет ни имени, ни e-mail',
      'полей: 4, а столбцов: 3',
      'ячейка в 100\u00a0001 символов: не больше 100\u00a0000',
      'some reason from an older reader',
    ]);
  });
});

describe('the import section (in-thread runner)', () => {
  it('picks a file, shows the detection, imports, and summarises', async () => {
    const d = freshDb();
    wrap(<ImportSection runner={createInlineRunner()} />);
    const csv = 'Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage\r\n1,Priya,Sharma,priya@globex.example,Globex,customer\r\n2,,,,Nobody,lead\r\n';
    const file = new File([csv], 'hubspot.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), file);
    expect(await screen.findByText('What Tiewise found in hubspot.csv')).toBeTruthy();
    expect(screen.getByText(/Columns recognised as HubSpot/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const region = await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    expect(within(region).getByText('1 contact added')).toBeTruthy();
    expect(within(region).getByText('1 row rejected')).toBeTruthy();
    await waitFor(() => expect(within(region).getByText('Tie strengths are up to date.')).toBeTruthy());
    expect(await d.contacts.count()).toBe(1);
  });
});

describe('workbooks on the import screen (issue 15)', () => {
  const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/import', name));

  it('an .xlsx: the sheets offered, the data sheet first, another sheet shows its own columns, the chosen one imported', async () => {
    const d = freshDb();
    wrap(<ImportSection runner={createInlineRunner()} />);
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([fixture('amocrm-contacts.xlsx')], 'amocrm-contacts.xlsx'));
    expect(await screen.findByText('What Tiewise found in amocrm-contacts.xlsx', undefined, { timeout: 8000 })).toBeTruthy();
    const sheet = screen.getByRole('combobox', { name: 'Sheet to import' }) as HTMLSelectElement;
    expect([...sheet.options].map((o) => o.text)).toEqual(['Сводка (1 row)', 'Контакты (6 rows)']);
    expect(sheet.value).toBe('1');
    expect(screen.getByText('Excel workbook (.xlsx)')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Field for column “Полное имя контакта”' })).toBeTruthy();
    await userEvent.selectOptions(sheet, '0');
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Field for column “Полное имя контакта”' })).toBeNull());
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sheet to import' }), '1');
    await screen.findByRole('combobox', { name: 'Field for column “Полное имя контакта”' });
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const region = await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    expect(within(region).getByText('4 contacts added')).toBeTruthy();
    expect(within(region).getByText('1 row rejected')).toBeTruthy();
    const olga = (await d.contacts.toArray()).find((c) => c.name === 'Тимофеева Ольга Петровна')!;
    expect(olga.custom).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Сделок', value: '1' })]));
  });

  it('a password-protected workbook is refused with one message', async () => {
    wrap(<ImportSection runner={createInlineRunner()} />);
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([fixture('encrypted.xlsx')], 'encrypted.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This file cannot be imported: this is a password-protected \(encrypted\) Excel workbook/);
  });

  it('says in Russian why a file is refused', async () => {
    wrap(<ImportSection runner={createInlineRunner()} />, 'ru');
    await userEvent.upload(screen.getByLabelText('Выбрать файл для импорта'), new File([fixture('encrypted.xlsx')], 'encrypted.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Этот файл нельзя импортировать: это книга Excel с паролем/);
  });
});

describe('what the file holds (issue 15)', () => {
  it('a Bitrix24 leads export is read as leads and imported as people, not purchases', async () => {
    const d = freshDb();
    wrap(<ImportSection runner={createInlineRunner()} />);
    const csv = '\uFEFFID;Название лида;Имя;Фамилия;Статус;Источник;Название компании;Сумма;Валюта;Товар;Количество;Рабочий e-mail;Клиент;Ответственный;Повторный лид\r\n'
      + '7;Заявка;Виктор;Зуев;Новая;Веб-сайт;ООО «Техмаш»;185 000,00;RUB;Станок;1;zuev@tehmash.example;;Мария Лосева;N\r\n';
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([csv], 'LEAD.csv', { type: 'text/csv' }));
    expect(await screen.findByText('Tiewise reads this file as: Leads (each a person). Change it if that is wrong.')).toBeTruthy();
    expect(screen.getByText(/Leads \(each a person\): columns Название лида/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'This file holds' }) as HTMLSelectElement).value).toBe('leads');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const region = await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    expect(within(region).getByText('1 contact added')).toBeTruthy();
    const [c] = await d.contacts.toArray();
    expect(c.name).toBe('Виктор Зуев');
    expect(c.company).toBe('ООО «Техмаш»');
  });

  it('when the columns fit more than one kind, it asks and waits for the answer', async () => {
    freshDb();
    wrap(<ImportSection runner={createInlineRunner()} />);
    const csv = 'Клиент,Товар,Сумма,Телефон,Компания\nВиктор Зуев,Станок,185000,+7 351 555-10-10,Техмаш\n';
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([csv], 'table.csv', { type: 'text/csv' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not sure what this file holds/);
    const start = screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement;
    expect(start.disabled).toBe(true);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'This file holds' }), 'contacts');
    expect(start.disabled).toBe(false);
    expect(screen.getByRole('heading', { name: 'Which field is each column?' })).toBeTruthy();
  });
});

describe('a vCard file', () => {
  it('is read as vCard and imported, every card counted', async () => {
    const d = freshDb();
    wrap(<ImportSection runner={createInlineRunner()} />);
    const { readFileSync } = await import('node:fs');
    const file = new File([readFileSync('tests/fixtures/import/contacts.vcf')], 'contacts.vcf', { type: 'text/vcard' });
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), file);
    expect(await screen.findByText('What Tiewise found in contacts.vcf')).toBeTruthy();
    expect(screen.getByText('vCard')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const region = await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    expect(within(region).getByText('4 contacts added')).toBeTruthy();
    expect(within(region).getByText('2 rows rejected')).toBeTruthy();
    expect(await d.contacts.count()).toBe(4);
  });
});

describe('an XML address book', () => {
  it("an IP phone's directory is read as one table of contacts and imported", async () => {
    const d = freshDb();
    wrap(<ImportSection runner={createInlineRunner()} />);
    const xml = '<?xml version="1.0" encoding="UTF-8"?>\n<YealinkIPPhoneDirectory><DirectoryEntry><Name>Ada Lind</Name><Telephone>+47 912 34 567</Telephone></DirectoryEntry>' +
      '<DirectoryEntry><Name>Bo Lind</Name><Telephone>+47 912 34 568</Telephone></DirectoryEntry></YealinkIPPhoneDirectory>';
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([xml], 'phonebook.xml', { type: 'text/xml' }));
    expect(await screen.findByText('What Tiewise found in phonebook.xml')).toBeTruthy();
    expect(screen.getByText('XML address book (an IP phone’s directory, a phone book)')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const region = await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    expect(within(region).getByText('2 contacts added')).toBeTruthy();
    expect((await d.contacts.toArray()).map((c) => [c.name, c.phones]).sort()).toEqual([['Ada Lind', ['+47 912 34 567']], ['Bo Lind', ['+47 912 34 568']]]);
  });
});

describe('choices remembered per header signature', () => {
  it('the next file with the same columns imports in one click', async () => {
    const d = freshDb();
    const csv = (name: string) => `Клиент,Товар,Сумма,Телефон,Компания\n${name},Станок,185000,+7 351 555-10-10,Техмаш\n`;
    const first = wrap(<ImportSection runner={createInlineRunner()} />);
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([csv('Виктор Зуев')], 'a.csv', { type: 'text/csv' }));
    await screen.findByRole('alert');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'This file holds' }), 'contacts');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    first.unmount();
    wrap(<ImportSection runner={createInlineRunner()} />);
    await userEvent.upload(screen.getByLabelText('Choose a file to import'), new File([csv('Алина Хасанова')], 'b.csv', { type: 'text/csv' }));
    expect(await screen.findByText(/your choices from then are used/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'This file holds' }) as HTMLSelectElement).value).toBe('contacts');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByRole('region', { name: 'Import finished' }, { timeout: 8000 });
    expect((await d.contacts.toArray()).map((c) => c.name).sort()).toEqual(['Алина Хасанова', 'Виктор Зуев']);
  });
});
