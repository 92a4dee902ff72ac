import type { Page } from 'playwright-core';
import { launch, loadDemo, serveFixtures, type Session } from '@/tools/browser';
import { genContactsCsv } from '../bench/gen-csv';

// Faults in the real browser: two extension pages writing the same contact at
// once; the settings page closed in the middle of writing a 50,000-row import;
// the service worker stopped while a profile is read.

const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const MARIA = 'https://www.linkedin.com/in/maria-garcia-dev/';

/** Rows of a table of the extension's database, read with the raw IndexedDB API from an extension page. */
async function rows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (table) => {
    const db = await new Promise<IDBDatabase>((ok, bad) => {
      const r = indexedDB.open('tiewise');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => bad(r.error);
    });
    const all = await new Promise<unknown[]>((ok, bad) => {
      const r = db.transaction(table, 'readonly').objectStore(table).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => bad(r.error);
    });
    db.close();
    return all;
  }, table) as Promise<T[]>;
}

async function count(page: Page, table: string): Promise<number> {
  return page.evaluate(async (table) => {
    const db = await new Promise<IDBDatabase>((ok) => { const r = indexedDB.open('tiewise'); r.onsuccess = () => ok(r.result); });
    const n = await new Promise<number>((ok) => { const r = db.transaction(table).objectStore(table).count(); r.onsuccess = () => ok(r.result); });
    db.close();
    return n;
  }, table);
}

describe('two extension pages writing the same contact at once', () => {
  let s: Session;
  let a: Page;
  let b: Page;
  beforeAll(async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    a = await s.openPanel();
    await loadDemo(a);
    b = await s.openPanel();
    const page = await s.context.newPage();
    await page.goto(ANNA);
    for (const p of [a, b]) await p.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor();
  });
  afterAll(async () => s?.close());

  it('a note from one panel and a note and a tag from the other, fired together: every write survives', async () => {
    const ROUNDS = 5;
    const notesBefore = (await rows<{ contactId: string }>(a, 'notes')).filter((n) => n.contactId === 'demo-anna').length;
    const tags = ['strong-tie-champion', 'team', 'weak-tie-prospect', 'referral-advocate', 'team'];
    for (let i = 0; i < ROUNDS; i++) {
      await a.getByRole('textbox', { name: 'Add note' }).fill(`Race ${i}: from panel A`);
      await b.getByRole('textbox', { name: 'Add note' }).fill(`Race ${i}: from panel B`);
      // both writes in flight at the same moment, nothing awaited in between
      await Promise.all([
        a.getByRole('button', { name: 'Add note' }).click(),
        b.getByRole('button', { name: 'Add note' }).click(),
        b.getByRole('region', { name: 'The tie' }).getByLabel('Set the network type yourself').selectOption(tags[i]),
      ]);
      for (const p of [a, b]) await expect.poll(() => p.getByRole('textbox', { name: 'Add note' }).inputValue(), { timeout: 15_000 }).toBe('');
    }
    await expect.poll(async () => (await rows<{ contactId: string }>(a, 'notes')).filter((n) => n.contactId === 'demo-anna').length, { timeout: 15_000 })
      .toBe(notesBefore + 2 * ROUNDS);
    const texts = (await rows<{ contactId: string; text: string }>(b, 'notes')).filter((n) => n.contactId === 'demo-anna').map((n) => n.text);
    for (let i = 0; i < ROUNDS; i++) expect(texts).toEqual(expect.arrayContaining([`Race ${i}: from panel A`, `Race ${i}: from panel B`]));
    const override = (await rows<{ contactId: string; networkType: string }>(a, 'overrides')).find((o) => o.contactId === 'demo-anna');
    expect(override?.networkType).toBe(tags[ROUNDS - 1]);
    const anna = (await rows<{ id: string; name: string; emails: string[] }>(a, 'contacts')).find((c) => c.id === 'demo-anna');
    expect(anna?.name).toBe('Anna Kowalski');
    // each panel shows the other's notes too
    for (const p of [a, b]) await p.getByText(`Race ${ROUNDS - 1}: from panel ${p === a ? 'B' : 'A'}`).first().waitFor();
    console.log(`concurrent: ${3 * ROUNDS} writes to one contact from two pages at once (${ROUNDS} rounds), ${2 * ROUNDS} notes and the last tag kept`);
  });
});

describe('the settings page closed in the middle of writing an import', () => {
  let s: Session;
  afterAll(async () => s?.close());

  it('leaves the book exactly as it was: never half an import', async () => {
    s = await launch({ locale: 'en-US' });
    const panel = await s.openPanel();
    await loadDemo(panel);
    const before = await count(panel, 'contacts');
    const notesBefore = await count(panel, 'notes');
    const ROWS = 50_000;
    const csv = Buffer.from(genContactsCsv(ROWS, 21));
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.getByText('Choose a file to import').first().waitFor();
    await options.locator('input[type=file]').first().setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: csv });
    await options.getByText('What Tiewise found in big.csv').waitFor({ timeout: 120_000 });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    // writing has started (the progress says so, with some rows done): close the page now
    await options.getByText('Saving to your book').waitFor({ timeout: 60_000 });
    const written = await options.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Saving to your book"]');
      return bar && bar.value > 0 ? bar.value : false;
    }, undefined, { timeout: 60_000, polling: 20 });
    const rowsWritten = (await written.jsonValue()) as number;
    const finished = await options.getByRole('region', { name: 'Import finished' }).count();
    expect(finished, 'the import was still being written when the page closed').toBe(0);
    await options.close();
    // the transaction was aborted with its page: every table as before
    await panel.waitForTimeout(500);
    const after = await count(panel, 'contacts');
    console.log(`faults: options page closed mid-import of ${ROWS} rows (${rowsWritten} written in its transaction); contacts ${before} before, ${after} after`);
    expect(after).toBe(before);
    expect(await count(panel, 'notes')).toBe(notesBefore);
  });
});

describe('the service worker stopped while a profile is read', () => {
  let s: Session;
  afterAll(async () => s?.close());

  it('wakes for the read, and the panel gets the tab’s read back from session storage after a stop', async () => {
    s = await launch({ locale: 'en-US' });
    serveFixtures(s, 'en');
    const panel = await s.openPanel();
    await loadDemo(panel);
    const cdp = await s.context.newCDPSession(panel);
    let stops = 0;
    let status = 'unknown';
    let sawStopped = false;
    const script = `chrome-extension://${s.extensionId}/background.js`;
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) {
        if (v.scriptURL !== script) continue;
        status = v.runningStatus;
        if (status === 'stopped') sawStopped = true;
      }
    });
    await cdp.send('ServiceWorker.enable');
    const stop = async () => {
      sawStopped = false;
      await cdp.send('ServiceWorker.stopAllWorkers');
      stops++;
      // it really stopped (Chromium reported the extension's worker version as
      // stopped; a read arriving at once may have woken it again since)
      await expect.poll(() => sawStopped, { timeout: 10_000 }).toBe(true);
    };

    // stopped as the page loads: the content script's message wakes it
    const page = await s.context.newPage();
    const loading = page.goto(ANNA);
    await stop();
    await loading;
    await panel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor({ timeout: 30_000 });
    expect(status).toBe('running'); // woken by the read

    // stopped after the read: its memory is gone, the session store is not
    await stop();
    await panel.reload();
    await panel.getByRole('heading', { level: 2, name: 'Anna Kowalski' }).waitFor({ timeout: 30_000 });

    // and it follows the next person after another stop
    await stop();
    await page.goto(MARIA);
    await panel.getByRole('heading', { level: 2, name: /Maria Garcia/ }).waitFor({ timeout: 30_000 });
    console.log(`faults: service worker stopped ${stops} times around profile reads; the panel recovered each time`);
  });
});
