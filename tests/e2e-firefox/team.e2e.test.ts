import 'fake-indexeddb/auto';
import { resolve, join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { fixture, fixtureIndex } from '@/tools/browser';
import { addContact } from '@/lib/db/contacts';
import { addNote } from '@/lib/db/notes';
import { startCouch, type Couch } from '../sync/couch';
import { teammate, type Teammate } from '../sync/client';
import { clickButton, GECKO_ID, launchFirefox, setViewport, waitText, type FirefoxSession } from './firefox';

// The team book in Firefox (MV2 background page, PouchDB on Firefox's IndexedDB):
// Olga in Firefox with the built add-on, Ivan as a teammate's book in Node (the same
// engine), one pouchdb-server. Olga grants the server's origin as the optional
// permission it is (through Firefox's own permission store: headless Firefox shows no
// prompt), connects in Settings → Team, sees Ivan's note in her panel "by ivan", and
// her note reaches Ivan.

const SHOTS = resolve('tests/e2e/artifacts');
const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';

const text = (p: Page, t: string) => waitText(p, t, 30_000);
/** Types into the text box a visible label names (as a user does: focus, keys). */
async function fill(p: Page, label: string, value: string) {
  const id = await p.evaluate((l) => [...document.querySelectorAll('label')].find((x) => x.textContent?.trim() === l)?.htmlFor ?? '', label);
  expect(id, label).not.toBe('');
  await p.type(`[id="${id}"]`, value);
}

describe('the team book in Firefox', () => {
  let couch: Couch;
  let s: FirefoxSession;
  let ivan: Teammate;
  let panel: Page;

  beforeAll(async () => {
    couch = await startCouch();
    await couch.addUser('olga', 'pw-olga');
    await couch.addUser('ivan', 'pw-ivan');
    await couch.createTeamDb('sales');
    ivan = await teammate(couch, 'sales', 'ivan', 'pw-ivan');
    s = await launchFirefox();
    const anna = fixtureIndex().find((f) => f.url === ANNA && f.kind === 'profile' && f.lang === 'en') ?? fixtureIndex().find((f) => f.url === ANNA)!;
    s.serve(ANNA, fixture(anna.file));
  });
  afterAll(async () => {
    await s?.close();
    await couch?.dispose();
  });

  it('connects in Settings → Team after the origin is granted', async () => {
    await s.chrome(`
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const { WebExtensionPolicy } = globalThis;
      const ext = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension;
      await ExtensionPermissions.add(${JSON.stringify(GECKO_ID)}, { permissions: [], origins: ['http://127.0.0.1/*'] }, ext);
      return true;`);
    const options = await s.window();
    await s.gotoExt(options, 'options.html');
    await text(options, 'What is shared');
    await fill(options, 'Server address', couch.url);
    await fill(options, 'Database', 'sales');
    await fill(options, 'User name', 'olga');
    await fill(options, 'Password', 'pw-olga');
    await clickButton(options, 'Connect');
    await text(options, 'Connected');
    await options.screenshot({ path: join(SHOTS, 'firefox-team-connected.png'), fullPage: true });
    await options.close();
  });

  it('a teammate\'s note shows in the panel with who wrote it; a note written here reaches the teammate', async () => {
    const c = await addContact({ name: 'Anna Kowalski', company: 'Northwind Traders', source: { kind: 'user', at: 1 } }, ivan.db);
    await ivan.db.profiles.put({ id: 'p-anna', contactId: c.id, network: 'linkedin', url: ANNA, linkedAt: 1 });
    await addNote(c.id, 'Prefers calls after 4pm', Date.now(), ivan.db);
    await ivan.sync();

    panel = await s.window();
    await setViewport(panel, { width: 420, height: 900 });
    await s.gotoExt(panel, 'sidepanel.html');
    const page = await s.window();
    await page.goto(ANNA);
    await panel.bringToFront();
    await text(panel, 'Prefers calls after 4pm');
    await text(panel, 'by ivan');
    await panel.screenshot({ path: join(SHOTS, 'firefox-team-note-by-ivan.png'), fullPage: true });

    await panel.type('textarea[id^="note-"]', 'Met her at the Berlin fair');
    await clickButton(panel, 'Add note');
    await text(panel, 'Met her at the Berlin fair');
    // the panel pulses a sync every 4 s: the note reaches the server, then Ivan
    const until = Date.now() + 30_000;
    let got: string | undefined;
    while (Date.now() < until && !got) {
      await new Promise((r) => setTimeout(r, 2000));
      await ivan.sync();
      got = (await ivan.db.notes.where('contactId').equals(c.id).toArray()).find((n) => n.text === 'Met her at the Berlin fair')?.source.by;
    }
    expect(got).toBe('olga');
  });
});
