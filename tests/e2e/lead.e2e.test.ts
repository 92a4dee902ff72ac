import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, loadDemo, type Session } from '@/lib/cli/browser';

// The team lead's flow through the built extension: the demo book loaded from the
// side panel, then dashboard.html — counts, a rule run and undone, a retention dry
// run, one person erased and gone from the panel's search.

const SHOTS = 'tests/e2e/artifacts';

describe('the team lead’s dashboard, in English', () => {
  let s: Session;
  let panel: Page;
  let dash: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    panel = await s.openPanel();
    await loadDemo(panel);
    dash = await s.context.newPage();
    await dash.goto(`chrome-extension://${s.extensionId}/dashboard.html`);
  });
  afterAll(async () => s?.close());

  it('shows the book by network type, with the numbers one click away', async () => {
    await dash.getByText(/contacts in the book/).waitFor();
    const card = dash.getByRole('region', { name: 'Contacts by network type' });
    await card.getByRole('img', { name: /^Contacts by network type: Weak-tie/ }).waitFor();
    await dash.screenshot({ path: join(SHOTS, 'lead-overview.png'), fullPage: true });
    await card.getByRole('button', { name: 'Show the numbers' }).click();
    const table = card.getByRole('table');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toMatch(/Weak-tie prospect\s*\d+/);
    expect(text).toMatch(/Referral advocate\s*\d+/);
    const counts = (await table.locator('td.num').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(36);
    await card.screenshot({ path: join(SHOTS, 'lead-network-table.png') });
  });

  it('erases a person, and the panel’s search no longer finds them', async () => {
    await dash.getByRole('tab', { name: 'Data care' }).click();
    await dash.getByRole('searchbox', { name: 'Find the person' }).fill('John Mil');
    await dash.getByRole('button', { name: 'Choose John Miller' }).click();
    const plan = dash.getByRole('region', { name: /Erasing John Miller deletes/ });
    await plan.waitFor();
    expect(await plan.textContent()).toMatch(/purchases: 3/);
    await dash.screenshot({ path: join(SHOTS, 'lead-erase-plan.png'), fullPage: true });
    await dash.getByRole('button', { name: 'Erase John Miller for good' }).click();
    await dash.getByText('John Miller was erased. Nothing of them remains in this browser.').waitFor();

    await panel.reload();
    await panel.getByRole('searchbox').fill('John Miller');
    await panel.getByText(/No contact matches/).waitFor();
  });

  it('made no network request of its own', () => {
    const own = s.requests.filter((r) => r.from.startsWith(`chrome-extension://${s.extensionId}`) && !r.url.startsWith('chrome-extension://'));
    expect(own).toEqual([]);
  });
});
