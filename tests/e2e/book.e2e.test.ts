import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, loadDemo, type Session } from '@/tools/browser';

// The book page in the built extension: the demo book loaded through the panel,
// then a group filled in bulk, a smart group built in the rule editor, exported,
// and the downloaded file read back.

const SHOTS = 'tests/e2e/artifacts';

function csvRows(text: string): string[][] {
  // the book's export quotes only when needed; the demo has no commas inside the fields read here
  return text.replace(/^\uFEFF/, '').trim().split(/\r\n/).map((l) => l.split(','));
}

describe('the book, in English', () => {
  let s: Session;
  let book: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    const panel = await s.openPanel();
    await loadDemo(panel);
    await panel.getByRole('link', { name: 'Open the book' }).waitFor();
    book = await s.context.newPage();
    await book.setViewportSize({ width: 1400, height: 900 });
    await book.goto(`chrome-extension://${s.extensionId}/book.html`);
    await book.getByRole('button', { name: 'Open Anna Kowalski' }).waitFor();
  });
  afterAll(async () => s?.close());

  it('lists every contact and searches across scripts as you type', async () => {
    await book.getByRole('status').filter({ hasText: /^36 contacts$/ }).waitFor();
    const search = book.getByRole('searchbox', { name: 'Search the book' });
    await search.fill('ivan');
    await book.getByRole('button', { name: 'Open Иван Петров' }).waitFor();
    await book.getByRole('button', { name: 'Open Irina Ivanova' }).waitFor();
    await search.fill('ivan petr');
    await book.getByRole('status').filter({ hasText: /^1 contact$/ }).waitFor();
    await book.getByRole('button', { name: 'Open Иван Петров' }).waitFor();
    await search.fill('смирнова');
    await book.getByRole('button', { name: 'Open Ольга Смирнова' }).waitFor();
    await search.fill('');
    await book.getByRole('status').filter({ hasText: /^36 contacts$/ }).waitFor();
  });

  it('creates a group and adds contacts to it in bulk, with shift-click and "select all matching"', async () => {
    await book.getByRole('textbox', { name: 'New group name' }).fill('Berlin people');
    await book.getByRole('button', { name: 'Create group' }).click();
    await book.getByRole('button', { name: /^Berlin people ?,/ }).waitFor();

    await book.getByRole('textbox', { name: 'City' }).fill('Berlin');
    const status = book.getByRole('status').filter({ hasText: /contacts$/ });
    await status.filter({ hasText: /^\d+ contacts$/ }).waitFor();
    const boxes = book.getByRole('checkbox', { name: /^Select (?!all shown)/ });
    await boxes.nth(0).click();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    await book.getByText('3 selected').waitFor();
    const matching = Number((await status.textContent())!.match(/(\d+) contacts/)![1]);
    expect(matching).toBeGreaterThan(3);
    await book.getByRole('button', { name: `Select all ${matching} matching` }).click();
    await book.getByText(`${matching} selected`).waitFor();
    await book.getByRole('combobox', { name: 'Group', exact: true }).last().selectOption({ label: 'Berlin people' });
    await book.getByRole('button', { name: 'Add to group' }).click();
    await book.getByText(`${matching} contacts added to “Berlin people”.`).waitFor();
    await book.getByRole('button', { name: /^Berlin people ?,/ }).filter({ hasText: `${matching} contacts` }).waitFor();
    // clearing the filter clears the selection too: it was a selection of that list
    await book.getByRole('button', { name: 'Clear filters' }).click();
    await book.getByRole('button', { name: 'Clear selection' }).waitFor({ state: 'detached' });
  });

  it('builds a smart group in the rule editor, exports it and reads the file back', async () => {
    await book.getByRole('button', { name: 'New smart group' }).click();
    const dialog = book.getByRole('dialog', { name: 'Smart group' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Northwind customers');
    await dialog.getByRole('combobox', { name: 'Field 1' }).selectOption('company');
    await dialog.getByRole('textbox', { name: 'Value 1' }).fill('Northwind Traders');
    await dialog.getByRole('button', { name: 'Add condition' }).click();
    await dialog.getByRole('combobox', { name: 'Field 2' }).selectOption('relation');
    await dialog.getByRole('combobox', { name: 'Value 2' }).selectOption('customer');
    const count = dialog.getByRole('status');
    await count.filter({ hasText: /contacts match now/ }).waitFor();
    const n = Number((await count.textContent())!.match(/(\d+)/)![1]);
    expect(n).toBeGreaterThan(1);
    await dialog.getByRole('button', { name: 'Save smart group' }).click();
    await book.getByRole('button', { name: /^Northwind customers ?,/ }).filter({ hasText: `${n} contacts` }).waitFor();
    await book.getByRole('status').filter({ hasText: `Northwind customers: ${n} contacts` }).waitFor();
    await book.screenshot({ path: join(SHOTS, 'book-en-smart-group.png') });

    await book.getByRole('button', { name: 'Export Northwind customers' }).click();
    const exp = book.getByRole('dialog', { name: /Export Northwind customers/ });
    await exp.getByRole('checkbox', { name: 'Relation' }).check();
    const [download] = await Promise.all([
      book.waitForEvent('download'),
      exp.getByRole('button', { name: `Download ${n} contacts` }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tiewise-northwind-customers-\d{4}-\d\d-\d\d\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [head, ...rows] = csvRows(text);
    expect(head.slice(0, 3)).toEqual(['Name', 'Email', 'Company']);
    expect(head).toContain('Relation');
    expect(rows).toHaveLength(n);
    const company = head.indexOf('Company');
    const relation = head.indexOf('Relation');
    for (const r of rows) {
      expect(r[company]).toBe('Northwind Traders');
      expect(r[relation]).toBe('customer');
    }
    expect(rows.map((r) => r[0])).toContain('Anna Kowalski');

    await exp.getByRole('radio', { name: 'JSON' }).check();
    const [json] = await Promise.all([
      book.waitForEvent('download'),
      exp.getByRole('button', { name: `Download ${n} contacts` }).click(),
    ]);
    const records = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { name: string; company: string }[];
    expect(records).toHaveLength(n);
    expect(records.every((r) => r.company === 'Northwind Traders')).toBe(true);
    await exp.getByRole('button', { name: 'Close' }).click();
  });

  it('opens a contact’s full record beside the list', async () => {
    await book.getByRole('button', { name: 'Open Anna Kowalski' }).click();
    const record = book.getByRole('complementary', { name: 'Contact record' });
    await record.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor();
    await record.getByText(/half marathon/).waitFor();
    await book.screenshot({ path: join(SHOTS, 'book-en-record.png') });
    await record.getByRole('button', { name: 'Back to the book' }).click();
  });

  it('deletes a group and brings it back with undo', async () => {
    await book.getByRole('button', { name: /^Berlin people ?,/ }).click();
    await book.getByRole('button', { name: 'Delete Berlin people' }).click();
    await book.getByText('Group “Berlin people” deleted.').waitFor();
    await book.getByRole('button', { name: /^Berlin people ?,/ }).waitFor({ state: 'detached' });
    await book.getByRole('button', { name: 'Undo' }).click();
    await book.getByRole('button', { name: /^Berlin people ?,/ }).waitFor();
    await book.screenshot({ path: join(SHOTS, 'book-en.png') });
  });
});

describe('the book, in Russian', () => {
  let s: Session;
  afterAll(async () => s?.close());
  it('speaks Russian, with Russian plurals', async () => {
    s = await launch({ locale: 'ru-RU' });
    const panel = await s.openPanel();
    await loadDemo(panel);
    const book = await s.context.newPage();
    await book.goto(`chrome-extension://${s.extensionId}/book.html`);
    await book.getByRole('status').filter({ hasText: /^36 контактов$/ }).waitFor();
    await book.getByRole('searchbox', { name: 'Поиск по книге' }).fill('petrov');
    await book.getByRole('status').filter({ hasText: /^1 контакт$/ }).waitFor();
    await book.getByRole('button', { name: 'Открыть: Иван Петров' }).waitFor();
    await book.getByRole('searchbox', { name: 'Поиск по книге' }).fill('');
    await book.screenshot({ path: join(SHOTS, 'book-ru.png') });
  });
});
