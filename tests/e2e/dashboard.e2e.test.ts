import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, loadDemo, type Session } from '@/tools/browser';

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

  it('creates a rule, runs it, sees who got what, and undoes the whole run', async () => {
    await dash.getByRole('tab', { name: 'Rules' }).click();
    await dash.getByRole('textbox', { name: 'Rule name' }).fill('Tag Globex');
    await dash.getByRole('textbox', { name: 'Value' }).fill('Globex');
    await dash.getByRole('textbox', { name: 'Tag' }).fill('globex-deal');
    await dash.getByRole('button', { name: 'Save rule' }).click();
    await dash.getByText('When company is “Globex”, then add tag “globex-deal”').waitFor();
    await dash.getByRole('button', { name: 'Run all rules now' }).click();
    await dash.getByText(/^The rules made \d+ changes\.$/).waitFor();
    const made = Number((await dash.getByText(/^The rules made \d+ changes\.$/).textContent())!.match(/\d+/)![0]);
    expect(made).toBeGreaterThanOrEqual(5); // Ivan and the generated Globex contacts
    await dash.getByText('Иван Петров: add tag “globex-deal” (rule “Tag Globex”)').waitFor();
    await dash.screenshot({ path: join(SHOTS, 'lead-rules.png'), fullPage: true });
    await dash.getByRole('button', { name: /^Undo all \d+ changes of the run/ }).click();
    await dash.getByText(`${made} changes undone.`).waitFor();
    await expect.poll(() => dash.getByText('undone', { exact: true }).count()).toBe(made);
    // a second run does not redo what was undone
    await dash.getByRole('button', { name: 'Run all rules now' }).click();
    await dash.getByText('The rules changed nothing: every match was done already.').waitFor();
  });

  it('dry-runs the retention policy: exactly what would go, before anything goes', async () => {
    await dash.getByRole('tab', { name: 'Data care' }).click();
    await dash.getByRole('textbox', { name: /Drop contacts with no interaction/ }).fill('3');
    await dash.getByRole('button', { name: /^Dry run/ }).click();
    const plan = dash.getByRole('region', { name: /^Dry run/ });
    await plan.getByText(/contacts would be erased with everything about them/).waitFor();
    const listed = await plan.getByRole('listitem').count();
    expect(listed).toBeGreaterThan(0);
    expect(await plan.textContent()).not.toMatch(/Anna Kowalski|Ольга Смирнова/); // customers stay
    await dash.screenshot({ path: join(SHOTS, 'lead-retention.png'), fullPage: true });
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
