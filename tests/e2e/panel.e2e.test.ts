import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, loadDemo, serveFixtures, type Session } from '@/lib/cli/browser';
import { seedHeavy, timePanelOpen } from './heavy';

// The rep's flow through the built extension in headless Chromium: profile pages
// served under their real host names, the panel opened as a page beside them.

const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const MARIA = 'https://www.linkedin.com/in/maria-garcia-dev/';
const FEED = 'https://www.linkedin.com/feed/';
const OLGA = 'https://www.facebook.com/olga.smirnova';
const SHOTS = 'tests/e2e/artifacts';

async function visit(s: Session, url: string): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(url);
  return page;
}

describe('the panel, in English', () => {
  let s: Session;
  let panel: Page;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await panel?.screenshot({ path: join(SHOTS, `failed-${ctx.task.name.slice(0, 30)}.png`) }).catch(() => undefined);
  });
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    s.serve(FEED, '<!doctype html><html lang="en"><head><title>Feed | LinkedIn</title></head><body><main><h1>Home</h1></main></body></html>');
    panel = await s.openPanel();
  });
  afterAll(async () => s?.close());

  it('asks for a profile first, and offers the demo book on an empty book', async () => {
    await panel.getByText(/Open a person’s profile/).waitFor();
    await loadDemo(panel);
  });

  it('shows the person read from the page merged with their CRM record', async () => {
    const page = await visit(s, ANNA);
    await panel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor();
    await panel.getByText(/half marathon/).waitFor();
    expect(await panel.getByRole('region', { name: /Purchases/ }).textContent()).toContain('CloudDesk Pro');
    expect(await panel.getByRole('list', { name: 'Profiles' }).textContent()).toMatch(/LinkedIn\s+read/);
    await panel.screenshot({ path: join(SHOTS, 'panel-en-anna.png'), fullPage: true });
  });

  it('adds a note that is still there after a reload', async () => {
    await panel.getByRole('textbox', { name: 'Add note' }).fill('Asked about the SSO pack — send pricing Friday.');
    await panel.getByRole('button', { name: 'Add note' }).click();
    await panel.getByText('Asked about the SSO pack — send pricing Friday.').first().waitFor();
    // the box empties once the write has committed (the list may show it a moment earlier)
    await expect.poll(() => panel.getByRole('textbox', { name: 'Add note' }).inputValue()).toBe('');
    await panel.reload();
    await panel.getByText('Asked about the SSO pack — send pricing Friday.').first().waitFor();
    await s.context.pages().find((p) => p.url() === ANNA)?.close();
  });

  it('keeps the user\'s tag over the computed one, across a reload, until cleared', async () => {
    const page = await visit(s, ANNA);
    const tie = panel.getByRole('region', { name: 'The tie' });
    await tie.locator('.tag').getByText('Referral advocate').waitFor();
    await tie.getByLabel('Set the network type yourself').selectOption('strong-tie-champion');
    await tie.getByText(/Your tag, set .*The model says: Referral advocate/).waitFor();
    await panel.reload();
    await panel.getByRole('region', { name: 'The tie' }).locator('.tag').getByText('Strong-tie champion').waitFor();
    await panel.getByRole('region', { name: 'The tie' }).getByText(/Your tag/).waitFor();
    await panel.getByRole('region', { name: 'The tie' }).getByLabel('Set the network type yourself').selectOption('');
    await panel.getByRole('region', { name: 'The tie' }).getByText('Computed from the record.').waitFor();
    await page.close();
  });

  it('support: search the book, open a customer, see what they bought and their complaints', async () => {
    await panel.getByRole('radio', { name: 'Support' }).click();
    await panel.getByRole('searchbox', { name: 'Search the book' }).fill('john');
    await panel.getByRole('button', { name: /John Miller/ }).click();
    await panel.getByRole('heading', { level: 2, name: 'John Miller' }).waitFor();
    const regions = await panel.locator('section h3 > span:first-child').allTextContents();
    expect(regions.slice(0, 3)).toEqual(['Purchases', 'Complaints', 'Interactions']);
    expect(await panel.getByRole('region', { name: 'Purchases' }).textContent()).toContain('Scanner Dock');
    expect(await panel.getByRole('region', { name: 'Complaints' }).textContent()).toMatch(/in progress\s*Dock firmware update fails/);
    await panel.screenshot({ path: join(SHOTS, 'panel-en-support-john.png'), fullPage: true });
    await panel.getByRole('button', { name: /Back to the page/ }).click();
    await panel.getByRole('radio', { name: 'Sales' }).click();
  });

  it('opens a contact with 200 notes and 500 purchases in full (time printed)', async () => {
    await seedHeavy(panel, 'demo-olga', 200, 500);
    const ms = await timePanelOpen(s, panel, OLGA, async (p) => {
      await p.getByRole('region', { name: 'Notes' }).getByText('201 notes', { exact: true }).waitFor();
      await p.getByRole('region', { name: 'Purchases' }).getByText('503 purchases', { exact: true }).waitFor();
    });
    console.log(`panel-open: ${ms} ms from page load to the merged contact (201 notes, 503 purchases)`);
    expect(ms).toBeGreaterThan(0);
  });

  it('says a feed is not a profile', async () => {
    const page = await visit(s, FEED);
    await panel.getByText(/not a person’s profile/).waitFor();
    await page.close();
  });

  it('offers to add an unknown profile to the book, then shows it as a contact', async () => {
    const page = await visit(s, MARIA);
    await panel.getByRole('button', { name: 'Add to book' }).click();
    await panel.getByRole('heading', { level: 2, name: /Maria Garcia/ }).waitFor();
    await panel.getByRole('region', { name: 'Notes' }).waitFor();
    await page.close();
  });

  it('made no network request of its own', () => {
    const own = s.requests.filter((r) => r.from.startsWith(`chrome-extension://${s.extensionId}`) && !r.url.startsWith('chrome-extension://'));
    expect(own).toEqual([]);
  });
});

describe('the panel, in Russian', () => {
  let s: Session;
  afterAll(async () => s?.close());
  it('speaks Russian from the first screen', async () => {
    s = await launch({ locale: 'ru-RU' });
    serveFixtures(s, 'ru');
    const panel = await s.openPanel();
    await panel.getByText(/Откройте профиль человека/).waitFor();
    await loadDemo(panel);
    await visit(s, ANNA);
    await panel.getByRole('region', { name: 'Заметки' }).waitFor();
    expect(await panel.getByRole('region', { name: 'Заметки' }).textContent()).toMatch(/3 заметки/);
    await panel.screenshot({ path: join(SHOTS, 'panel-ru-anna.png'), fullPage: true });
  });
});

describe('the built manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  it('asks for the fewest permissions and exposes nothing to the sites', () => {
    expect(manifest.permissions.sort()).toEqual(['sidePanel', 'storage']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined(); // the default CSP: no remote code
    expect(manifest.content_scripts[0].matches.every((m: string) => /^https:\/\/\*\.(linkedin\.com|facebook\.com|vk\.com|vk\.ru)\/\*$/.test(m))).toBe(true);
  });
});
