import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, loadDemo, serveFixtures, type Session } from '@/tools/browser';
import { startCouch, type Couch } from '../sync/couch';

// The team book end to end: two browser profiles with the built extension, one
// CouchDB-protocol server (pouchdb-server on 127.0.0.1). Olga writes a note, Ivan's
// panel shows it with her name; both edit it with the server down, and on
// reconnecting the panel asks which version stands; Olga erases the person, and
// Ivan's book and the server keep nothing readable of them.
//
// Headless Chromium cannot answer the browser's permission prompt (tests/e2e/team.e2e.test.ts
// tests the prompt's call), so this build is given the test server's origin up front.

const SHOTS = 'tests/e2e/artifacts';
const OUT = resolve('.output-team-e2e');
const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';

describe('the team book, two browsers, one server (Chromium)', () => {
  let couch: Couch;
  let olga: Session;
  let ivan: Session;
  let olgaPanel: Page;
  let ivanPanel: Page;

  beforeAll(async () => {
    couch = await startCouch();
    await couch.addUser('olga', 'pw-olga');
    await couch.addUser('ivan', 'pw-ivan');
    await couch.createTeamDb('sales');
    execFileSync(process.execPath, [resolve('node_modules/wxt/bin/wxt.mjs'), 'build'], {
      env: { ...process.env, TIEWISE_OUT_DIR: OUT, TIEWISE_TEST_HOST_PERMISSIONS: 'http://127.0.0.1/*' }, stdio: 'ignore',
    });
    olga = await launch({ locale: 'en-US', extensionDir: join(OUT, 'chrome-mv3') });
    ivan = await launch({ locale: 'en-US', extensionDir: join(OUT, 'chrome-mv3') });
    serveFixtures(olga, 'en');
    serveFixtures(ivan, 'en');
  }, 240_000);
  afterAll(async () => {
    await olga?.close();
    await ivan?.close();
    await couch?.dispose();
  });

  async function connect(s: Session, user: string, password: string) {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    const team = page.getByRole('region', { name: 'Team' });
    await team.getByLabel('Server address').fill(couch.url);
    await team.getByLabel('Database').fill('sales');
    await team.getByLabel('User name').fill(user);
    await team.getByLabel('Password').fill(password);
    await team.getByRole('button', { name: 'Connect' }).click();
    await team.getByText(/Connected/).first().waitFor({ timeout: 30_000 });
    return page;
  }

  it('connects both; a note written in one browser appears in the other\'s panel, with who wrote it', async () => {
    olgaPanel = await olga.openPanel();
    await loadDemo(olgaPanel);
    const settings = await connect(olga, 'olga', 'pw-olga');
    await settings.screenshot({ path: join(SHOTS, 'team-settings-connected.png'), fullPage: true });
    await settings.close();
    await (await connect(ivan, 'ivan', 'pw-ivan')).close();

    await (await olga.context.newPage()).goto(ANNA);
    await olgaPanel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor();
    await olgaPanel.getByRole('textbox', { name: 'Add note' }).fill('Her team moves to Warsaw in March');
    await olgaPanel.getByRole('button', { name: 'Add note' }).click();
    await expect.poll(() => olgaPanel.getByRole('textbox', { name: 'Add note' }).inputValue()).toBe('');

    ivanPanel = await ivan.openPanel();
    await (await ivan.context.newPage()).goto(ANNA);
    // the demo book and the note come from Olga's browser, through the server
    await ivanPanel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor({ timeout: 30_000 });
    const note = ivanPanel.getByRole('region', { name: 'Notes' }).getByRole('listitem').filter({ hasText: 'Her team moves to Warsaw in March' });
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toMatch(/by olga/);
    await ivanPanel.screenshot({ path: join(SHOTS, 'team-note-by-olga.png'), fullPage: true });
  });

  it('both edit the note while the server is down: on reconnecting, the panel asks which version stands', async () => {
    await couch.stop();
    const edit = async (panel: Page, text: string) => {
      const notes = panel.getByRole('region', { name: 'Notes' });
      await notes.getByRole('button', { name: /^Edit: Her team moves to Warsaw/ }).click();
      await notes.getByRole('textbox', { name: 'Edit note' }).fill(text);
      await notes.getByRole('button', { name: 'Save' }).click();
      await notes.getByText(text).first().waitFor();
    };
    await edit(olgaPanel, 'Her team moves to Warsaw in April');
    await edit(ivanPanel, 'Her team moves to Gdańsk in March');
    await couch.start();
    for (const panel of [olgaPanel, ivanPanel]) {
      await panel.getByRole('region', { name: 'Two versions' }).waitFor({ timeout: 45_000 });
    }
    const ask = ivanPanel.getByRole('region', { name: 'Two versions' });
    expect(await ask.textContent()).toMatch(/olga: Her team moves to Warsaw in April/);
    expect(await ask.textContent()).toMatch(/ivan: Her team moves to Gdańsk in March/);
    await ivanPanel.screenshot({ path: join(SHOTS, 'team-conflict.png'), fullPage: true });
    await ask.getByRole('button', { name: /Keep olga’s version of text/ }).click();
    for (const panel of [olgaPanel, ivanPanel]) {
      await panel.getByRole('region', { name: 'Two versions' }).waitFor({ state: 'detached', timeout: 30_000 });
      await panel.getByRole('region', { name: 'Notes' }).getByText('Her team moves to Warsaw in April').waitFor({ timeout: 30_000 });
      expect(await panel.getByRole('region', { name: 'Notes' }).getByText('Her team moves to Gdańsk in March').count()).toBe(0);
    }
  });

  it('erasing the person in one browser erases them in the other and on the server', async () => {
    const dash = await olga.context.newPage();
    await dash.goto(`chrome-extension://${olga.extensionId}/dashboard.html`);
    await dash.getByRole('tab', { name: 'Data care' }).click();
    await dash.getByRole('searchbox', { name: 'Find the person' }).fill('Anna Kow');
    await dash.getByRole('button', { name: 'Choose Anna Kowalski' }).click();
    await dash.getByRole('button', { name: 'Erase Anna Kowalski for good' }).click();
    await dash.getByText(/Anna Kowalski was erased/).waitFor();
    // Ivan's panel: she is no longer in his book
    await expect.poll(async () => {
      await ivanPanel.reload();
      await ivanPanel.waitForTimeout(1500);
      return ivanPanel.getByRole('region', { name: 'Notes' }).getByText(/Warsaw/).count();
    }, { timeout: 45_000, interval: 3000 }).toBe(0);
    await ivanPanel.screenshot({ path: join(SHOTS, 'team-erased-in-other-browser.png'), fullPage: true });
    // the server: nothing readable left about her
    const readable = async () => {
      const rows = ((await couch.admin$('GET', '/sales/_all_docs?include_docs=true')).json as { rows: { doc: unknown }[] }).rows;
      return rows.map((r) => JSON.stringify(r.doc)).filter((d) => /Anna Kowalski|moves to Warsaw|anna-kowalski-42/.test(d));
    };
    await expect.poll(readable, { timeout: 30_000 }).toEqual([]);
  });

  it('the extension talks to the configured server only', () => {
    // what the extension itself asked for (the served site pages fetch their own images)
    const ours = [...olga.requests, ...ivan.requests].filter((r) => r.from === 'worker' || r.from.startsWith('chrome-extension://'));
    const hosts = new Set(ours.map((r) => new URL(r.url).origin).filter((o) => o.startsWith('http')));
    expect([...hosts]).toEqual([couch.url]);
  });
});
