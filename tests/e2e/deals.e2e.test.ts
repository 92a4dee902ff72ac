import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Session } from '@/tools/browser';
import { DAY } from '@/lib/domain/time';

// Deals in the built extension: a Bitrix24 deals export (Russian headers, ";",
// UTF-8 with BOM) imported through the settings page becomes people with their
// deals; in the panel the contact shows the deal (stage, amount, product; the won
// one marked), the won deal among the purchases, and the tag and state it moves;
// the book filters by that state. Screenshots go to tests/e2e/artifacts.

const SHOTS = 'tests/e2e/artifacts';
// the won deal closed ten days ago (the fixture's dates are fixed; the panel judges at today's date)
const dmy = (t: number) => new Date(t).toISOString().slice(0, 10).split('-').reverse().join('.');
const WON_AT = Date.now() - 10 * DAY;
const DEALS = Buffer.from(readFileSync('tests/fixtures/import/bitrix24-deals.csv', 'utf8').replaceAll('14.11.2025', dmy(WON_AT)));

describe('a Bitrix24 deals export, end to end', () => {
  let s: Session;
  let page: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  });
  afterAll(async () => s?.close());

  it('imports people with their deals: the counts say how many deals and that the won one is a purchase', async () => {
    await page.getByText('Choose a file to import').first().waitFor();
    await page.locator('input[type=file]').first().setInputFiles({ name: 'DEAL_20251201.csv', mimeType: 'text/csv', buffer: DEALS });
    await page.getByText('What Tiewise found in DEAL_20251201.csv').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const summary = page.getByRole('region', { name: 'Import finished' });
    await summary.getByText('3 contacts added').waitFor();
    await summary.getByText('4 deals and leads added').waitFor();
    await summary.getByText('1 purchase added').waitFor();
    await summary.getByText('1 row rejected').waitFor();
    await summary.getByText('Tie strengths are up to date.').waitFor();
    await page.screenshot({ path: join(SHOTS, 'deals-import-summary.png'), fullPage: true });
  });

  it('the panel shows the contact\'s deals, the won one marked and among the purchases; the tag follows the won deal', async () => {
    const panel = await s.openPanel();
    await panel.setViewportSize({ width: 420, height: 1400 });
    await panel.getByRole('searchbox').fill('Зуев');
    await panel.getByRole('button', { name: /Виктор Зуев/ }).click();
    const deals = panel.getByRole('region', { name: 'Deals' });
    const won = deals.getByRole('listitem', { name: 'Deal: Поставка станков ТС-16' });
    await won.getByText('✓ won').waitFor();
    await won.getByText('Сделка успешна').waitFor();
    await won.getByText('Станок ТС-16').waitFor();
    await won.getByText(/370,000/).waitFor();
    await won.getByText(/counted as a purchase/).waitFor();
    const open = deals.getByRole('listitem', { name: 'Deal: Сервисный контракт 2026' });
    await open.getByText('Подготовка документов').waitFor();
    await open.getByText('open', { exact: true }).waitFor();
    const purchases = panel.getByRole('region', { name: 'Purchases' });
    await purchases.getByRole('cell', { name: 'Станок ТС-16' }).waitFor();
    const tie = panel.getByRole('region', { name: 'The tie' });
    await tie.getByText(/deal won/).first().waitFor();
    await tie.getByText(/Referral advocate/i).first().waitFor();
    // the next step after a won deal: a reference or referral ask
    await tie.getByText('“Поставка станков ТС-16” is won: ask them to be a reference (a case study, a call with a prospect) and for a referral.').waitFor();
    await panel.screenshot({ path: join(SHOTS, 'deals-panel-en.png'), fullPage: true });
    await panel.close();
  });

  it('the book filters by state: "deal lost" is the lost deal\'s contact', async () => {
    const book = await s.context.newPage();
    await book.goto(`chrome-extension://${s.extensionId}/book.html`);
    await book.getByRole('button', { name: 'Open Виктор Зуев' }).waitFor();
    await book.getByRole('combobox', { name: 'State' }).selectOption({ label: 'deal lost' });
    await book.getByRole('button', { name: 'Open Дарья Орлова' }).waitFor();
    expect(await book.getByRole('button', { name: /^Open / }).allTextContents()).toEqual(['Дарья Орлова']);
    await book.screenshot({ path: join(SHOTS, 'deals-book-state.png') });
    await book.close();
  });
});
