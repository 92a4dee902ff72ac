import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, loadDemo, serveFixtures, type Session } from '@/lib/cli/browser';

// A read that says nothing never blanks one that said something, through the built
// extension: the page at Anna's URL still shows another person after the content
// script's retries; the panel keeps Anna's last good read and says how old it is.

const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const SHOTS = 'tests/e2e/artifacts';
const HEADLINE = 'Product Manager at Northwind Traders';

describe('a failed read never blanks a good one', () => {
  let s: Session;
  let panel: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    panel = await s.openPanel();
    await panel.getByText(/Open a person’s profile/).waitFor();
    await loadDemo(panel);
  });
  afterAll(async () => s?.close());

  it('keeps the last good read and says "could not read now"', async () => {
    const good = await s.context.newPage();
    await good.goto(ANNA);
    await panel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor();
    await panel.locator('.headline').getByText(HEADLINE).waitFor();
    await expect.poll(() => panel.getByRole('list', { name: 'Profiles' }).textContent()).toMatch(/LinkedIn\s+read/);
    await good.close();

    // the same URL now shows someone else (the site kept the previous person's page)
    s.serve(ANNA, readFileSync('tests/fixtures/pages/linkedin/li-nav-b-en.html', 'utf8'));
    const bad = await s.context.newPage();
    await bad.goto(ANNA);
    await panel.getByText(/LinkedIn: could not read name/).waitFor({ timeout: 15_000 });
    // Anna's record and her last good headline stay, marked as an older read
    await panel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor();
    await panel.locator('.headline').getByText(HEADLINE).waitFor();
    await panel.locator('.headline').getByText(/could not read now; last read/).waitFor();
    await expect.poll(() => panel.getByRole('list', { name: 'Profiles' }).textContent()).toMatch(/LinkedIn\s+could not read now; last read/);
    await panel.screenshot({ path: join(SHOTS, 'panel-en-stale-read.png'), fullPage: true });
    await bad.close();
  });
});
