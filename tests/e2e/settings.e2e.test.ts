import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { launch, type Session } from '@/tools/browser';
import { genContactsCsv } from '@/tests/bench/gen-csv';

// The settings page through the built extension in headless Chromium: import a
// CSV with unknown columns (the mapping screen), the counts and the rejects, the
// same file again (no duplicates), the contacts in the panel's search, export in
// a CRM's columns, backup and restore. Screenshots go to tests/e2e/artifacts.

const SHOTS = 'tests/e2e/artifacts';

// "Who" and "Firm" are not names any preset or generic rule knows: the mapping screen asks.
const CSV = [
  'Who,Mail,Firm,Telefon,Town',
  'Anna Lindqvist,anna@northwind.example,Northwind Traders,+46 8 555 0101,Stockholm',
  'Иван Петров,ivan@vector.example,"ООО ""Вектор""",+7 926 555-11-22,Москва',
  '"=HYPERLINK(""http://evil.example"",""x"")",formula@example.com,+Plus Corp,,Lyon',
  ',,Nobody Ltd,,',
  'Too,many,fields,in,this,row',
].join('\r\n') + '\r\n';

async function text(d: Download): Promise<string> {
  return readFileSync((await d.path())!, 'utf8');
}

async function importFile(page: Page, name: string, body: string, mapWho = true) {
  await page.getByText('Choose a file to import').or(page.getByText('Import another file')).first().waitFor();
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });
  await page.getByText(`What Tiewise found in ${name}`).waitFor();
  if (mapWho) {
    await page.getByRole('combobox', { name: 'Field for column “Who”' }).selectOption('name');
    await page.getByRole('combobox', { name: 'Field for column “Firm”' }).selectOption('company');
  }
}

describe('the settings page, in English', () => {
  let s: Session;
  let page: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  it('shows the rep profile, import, export and backup sections, and links to the book and dashboard', async () => {
    await page.getByRole('heading', { level: 1, name: 'Tiewise settings' }).waitFor();
    for (const name of ['About you', 'Import', 'Export to CSV', 'Backup']) await page.getByRole('region', { name }).waitFor();
    expect(await page.getByRole('link', { name: 'Open the book' }).getAttribute('href')).toBe('book.html');
    expect(await page.getByRole('link', { name: 'Team dashboard' }).getAttribute('href')).toBe('dashboard.html');
    await page.getByText('No backup yet.').waitFor();
    await page.getByLabel('Your organisation').fill('Northwind Traders');
    await page.getByLabel('Languages').fill('English, Swedish');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved. Tie strengths are up to date.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-settings-en.png'), fullPage: true });
  });

  it('imports a CSV with unknown columns through the mapping screen; shows the counts and every rejected row', async () => {
    await importFile(page, 'team.csv', CSV);
    await page.getByRole('definition').filter({ hasText: 'Your own columns' }).waitFor();
    await page.getByText('Anna Lindqvist').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-import-mapping.png'), fullPage: true });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.getByText('3 contacts added').waitFor();
    await summary.getByText('2 rows rejected').waitFor();
    const rejects = summary.getByRole('region', { name: 'Rejected rows' });
    const rows = await rejects.getByRole('row').allTextContents();
    expect(await rejects.locator('tbody tr td:first-child').allTextContents()).toEqual(['5', '6']);
    expect(rows[1]).toContain('names a company (“Nobody Ltd”), no person');
    expect(rows[2]).toContain('6 fields for 5 columns');
    await summary.getByText('Tie strengths are up to date.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-import-summary.png'), fullPage: true });
    const [dl] = await Promise.all([page.waitForEvent('download'), rejects.getByRole('button', { name: 'Download the rejected rows' }).click()]);
    expect(dl.suggestedFilename()).toBe('team-rejected.csv');
    expect(await text(dl)).toBe('\uFEFFWho,Mail,Firm,Telefon,Town\r\n,,Nobody Ltd,,\r\nToo,many,fields,in,this,row\r\n');
  });

  it('importing the same file again adds nobody', async () => {
    await importFile(page, 'team.csv', CSV);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.getByText('0 contacts added').waitFor();
    await summary.getByText('3 matched contacts already in your book').waitFor();
  });

  it('Cancel while a big file is being written: the worker’s transaction rolls back and the page never stalls', async () => {
    await page.getByText('Import another file').first().waitFor();
    // (the test hands the file to the page through its own script: that is not the import's)
    await page.locator('input[type=file]').first().setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(genContactsCsv(40000)) });
    await page.getByText('What Tiewise found in big.csv').waitFor();
    await page.evaluate(`window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    // the first chunk stored, out of the whole file's rows: the writing has begun
    await page.getByText(/^[1-9][\d,]* of [\d,]+ saved$/).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alert').getByText('Import cancelled. Your book is exactly as it was.').waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Export 3 contacts' }).waitFor();
    // the file was read, planned and written in the worker: no task on the page's thread held it over 50 ms
    expect(await page.evaluate('window.__long')).toEqual([]);
  });

  it('the imported contacts are in the panel’s search', async () => {
    const panel = await s.openPanel();
    await panel.getByRole('searchbox').fill('Петров');
    await panel.getByRole('button', { name: /Иван Петров/ }).waitFor();
    await panel.getByRole('searchbox').fill('anna@north');
    await panel.getByRole('button', { name: /Anna Lindqvist · Northwind Traders/ }).waitFor();
    await panel.close();
  });

  it('exports the book in HubSpot’s columns, UTF-8 with BOM, formulas neutralised', async () => {
    const section = page.getByRole('region', { name: 'Export to CSV' });
    await section.getByRole('combobox', { name: 'Columns of' }).selectOption('hubspot');
    const [dl] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Export 3 contacts' }).click()]);
    expect(dl.suggestedFilename()).toMatch(/^tiewise-hubspot-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await text(dl);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Record ID,First Name,Last Name,Email/);
    expect(csv).toContain('Иван,Петров,ivan@vector.example');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`'+Plus Corp`);
  });

  it('backs up, then restores the backup over a changed book', async () => {
    const section = page.getByRole('region', { name: 'Backup' });
    const [dl] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Download a backup' }).click()]);
    const backup = await text(dl);
    expect(JSON.parse(backup)).toMatchObject({ format: 'tiewise-backup', version: 1 });
    expect(JSON.parse(backup).tables.contacts).toHaveLength(3);
    await section.getByText(/Last backup: /).waitFor();

    // change the book: one more contact
    await importFile(page, 'one.csv', 'Name,Email\r\nExtra Person,extra@example.com\r\n', false);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('1 contact added').waitFor();
    await page.getByRole('button', { name: 'Export 4 contacts' }).waitFor();

    await section.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    const ask = section.getByRole('alertdialog');
    await ask.getByText(/Replace your whole book with this backup from .* \(3 contacts\)\?/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-backup-restore.png'), fullPage: true });
    await ask.getByRole('button', { name: 'Replace my book' }).click();
    await section.getByText('Restored: 3 contacts.').waitFor();
    await page.getByRole('button', { name: 'Export 3 contacts' }).waitFor();
  });

  it('refuses a file that is not a backup, and changes nothing', async () => {
    const section = page.getByRole('region', { name: 'Backup' });
    await section.locator('input[type=file]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"contacts": []}') });
    await section.getByText(/not a Tiewise backup/).waitFor();
    await page.getByRole('button', { name: 'Export 3 contacts' }).waitFor();
  });

  it('made no network request of its own', () => {
    const own = s.requests.filter((r) => r.from.startsWith(`chrome-extension://${s.extensionId}`) && !r.url.startsWith('chrome-extension://') && !r.url.startsWith('blob:'));
    expect(own).toEqual([]);
  });
});

describe('the settings page, in Russian', () => {
  let s: Session;
  afterAll(async () => s?.close());
  it('speaks Russian, with Russian plurals in the summary', async () => {
    s = await launch({ locale: 'ru-RU' });
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.getByRole('heading', { level: 1, name: 'Настройки Tiewise' }).waitFor();
    const csv = 'ФИО,Почта,Компания,Город\r\nИван Петров,ivan@vector.example,Вектор,Москва\r\nОльга Смирнова,olga@vector.example,Вектор,Казань\r\n,,,Тула\r\n';
    await page.locator('input[type=file]').first().setInputFiles({ name: 'клиенты.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Что Tiewise нашёл в клиенты.csv').waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-import-mapping-ru.png'), fullPage: true });
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByText('Добавлено 2 контакта').waitFor();
    await page.getByText('1 строка отклонена').waitFor();
    await page.screenshot({ path: join(SHOTS, 'data-settings-ru.png'), fullPage: true });
  });
});
