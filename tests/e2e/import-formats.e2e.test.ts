import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Session } from '@/tools/browser';
import { genContactsXlsx } from '../bench/gen-xlsx';

// Issue 15 through the built extension in headless Chromium: an Excel workbook (two
// sheets; the mapping screen offers both) and a vCard imported on the settings page,
// the columns that have no field of their own shown on the contact in the book
// ("From your CRM"), and written back by the CSV export. Screenshots go to
// tests/e2e/artifacts.

const SHOTS = 'tests/e2e/artifacts';
const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/import', name));

async function pick(page: Page, name: string, mimeType: string) {
  await page.getByText('Choose a file to import').or(page.getByText('Import another file')).first().waitFor();
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType, buffer: fixture(name) });
  await page.getByText(`What Tiewise found in ${name}`).waitFor();
}

describe('importing a workbook and a vCard', () => {
  let s: Session;
  let page: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    page = await s.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  it('an .xlsx: both sheets offered, the contacts sheet shown first, imported with its rejects', async () => {
    await pick(page, 'hubspot-contacts.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const facts = page.locator('.detected');
    await facts.getByRole('definition').filter({ hasText: 'Excel workbook (.xlsx)' }).waitFor();
    await facts.locator('.fact').filter({ hasText: /^SheetContacts$/ }).waitFor();
    await facts.locator('.fact').filter({ hasText: /^Header in row1$/ }).waitFor();
    await facts.getByRole('definition').filter({ hasText: 'HubSpot' }).waitFor();
    const sheet = page.getByRole('combobox', { name: 'Sheet to import' });
    expect(await sheet.locator('option').allTextContents()).toEqual(['Contacts (4 rows)', 'Companies (2 rows)']);
    await page.getByRole('combobox', { name: 'Field for column “Favourite colour”' }).waitFor();
    await page.getByText('Megan Holloway').first().waitFor();
    // the birthday column's date serials shown as the dates they will be
    await page.getByRole('row', { name: /Date of birth/ }).getByText('1986-02-14', { exact: true }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'import-xlsx-mapping.png'), fullPage: true });
    // the other sheet has its own columns; back to the contacts
    await sheet.selectOption({ label: 'Companies (2 rows)' });
    await page.getByText('Kestrel Bio').first().waitFor();
    await page.locator('.fact').filter({ hasText: /^SheetCompanies$/ }).waitFor();
    await sheet.selectOption({ label: 'Contacts (4 rows)' });
    await page.getByRole('combobox', { name: 'Field for column “Favourite colour”' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.getByText('3 contacts added').waitFor();
    await summary.getByText('1 row rejected').waitFor();
    const rejects = summary.getByRole('region', { name: 'Rejected rows' });
    // the spreadsheet's own row number
    expect(await rejects.locator('tbody tr td:first-child').allTextContents()).toEqual(['4']);
    await page.screenshot({ path: join(SHOTS, 'import-xlsx-summary.png'), fullPage: true });
  });

  it('a 3,000-row workbook (its sheet deflated past the size where unzipping goes async) imports in the extension\'s worker', async () => {
    await page.getByText('Import another file').waitFor();
    const buffer = await genContactsXlsx(3000);
    await page.locator('input[type=file]').first().setInputFiles({ name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.getByText('What Tiewise found in big.xlsx').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.or(page.getByRole('alert')).first().waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(SHOTS, 'import-xlsx-3000.png'), fullPage: true });
    await summary.getByText(/^2,?9\d\d contacts added$/).waitFor();
  }, 150_000);

  it('a .vcf: its cards imported', async () => {
    await pick(page, 'contacts.vcf', 'text/vcard');
    await page.locator('.detected').getByRole('definition').filter({ hasText: 'vCard' }).waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.getByText('4 contacts added').waitFor();
    await page.screenshot({ path: join(SHOTS, 'import-vcf-summary.png'), fullPage: true });
  });

  it('the columns without a field of their own are on the contact in the book', async () => {
    const book = await s.context.newPage();
    await book.setViewportSize({ width: 1400, height: 900 });
    await book.goto(`chrome-extension://${s.extensionId}/book.html`);
    await book.getByRole('searchbox', { name: 'Search the book' }).fill('Megan');
    await book.getByRole('button', { name: 'Open Megan Holloway' }).click();
    const crm = book.getByRole('region', { name: 'From your CRM' });
    await crm.waitFor();
    const facts = async () => (await crm.locator('.fact').allTextContents()).map((x) => x.trim());
    expect(await facts()).toEqual(expect.arrayContaining(['CountryUnited States', 'Create Date2024-03-15T14:05', 'Open deals3', 'Favourite colourteal']));
    await book.screenshot({ path: join(SHOTS, 'import-xlsx-book-record.png'), fullPage: true });
    await book.getByRole('searchbox', { name: 'Search the book' }).fill('Harriet');
    await book.getByRole('button', { name: 'Open Harriet K. Osei' }).click();
    await crm.getByText('Purchasing').waitFor();
    expect(await facts()).toEqual(expect.arrayContaining(['DepartmentPurchasing', 'CountryUnited Kingdom']));
    await book.screenshot({ path: join(SHOTS, 'import-vcf-book-record.png'), fullPage: true });
    await book.close();
  });

  it('the CSV export writes them back', async () => {
    const section = page.getByRole('region', { name: 'Export to CSV' });
    const button = section.getByRole('button', { name: /^Export \d+ contacts$/ });
    const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const csv = readFileSync((await dl.path())!, 'utf8').slice(1);
    const [head, ...lines] = csv.split('\r\n');
    const cols = head.split(',');
    for (const c of ['Create Date', 'Open deals', 'Favourite colour', 'Department']) expect(cols).toContain(c);
    const megan = lines.find((l) => l.includes('megan.holloway@brightpath.example'))!.split(',');
    expect(megan[cols.indexOf('Favourite colour')]).toBe('teal');
    expect(megan[cols.indexOf('Open deals')]).toBe('3');
    const harriet = lines.find((l) => l.includes('Harriet'))!;
    expect(harriet).toContain('Purchasing');
  });
});
