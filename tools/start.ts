// `npm start`: after `wxt build`, opens Chromium with the extension loaded in a
// fresh, separate profile, serves the demo profile pages under their real host
// names (so the manifest's match patterns fire), loads the demo book and shows
// the panel beside a profile. Your own browser profile is never touched.
//   npm start                 a window (needs a display)
//   npm start -- --headless   no window: takes screenshots into .output/demo/
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, serveFixtures } from './browser';
import type { Page } from 'playwright-core';

const headless = process.argv.includes('--headless');
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'No display found, so no browser window can open.\n' +
      '  • Run it with a virtual display:  xvfb-run -a npm start   (Debian: apt-get install xvfb xauth)\n' +
      '  • Or headless, with screenshots:  npm start -- --headless   (writes .output/demo/*.png)',
  );
  process.exit(1);
}

/** The demo people: their pages ship as fixtures and the demo book links them. */
const DEMO_PAGES = [
  'https://www.linkedin.com/in/anna-kowalski-42/',
  'https://www.facebook.com/olga.smirnova',
  'https://vk.com/dvolkov',
  'https://www.linkedin.com/in/maria-garcia-dev/',
];

let session;
try {
  session = await launch({ headless, locale: process.env.TIEWISE_LANG });
} catch (e) {
  console.error(`Could not start Chromium: ${(e as Error).message.split('\n')[0]}`);
  console.error('Install Debian\'s chromium (apt-get install chromium) or point TIEWISE_CHROMIUM at a Chrome/Chromium binary.');
  process.exit(1);
}

serveFixtures(session, (process.env.TIEWISE_LANG ?? 'en').slice(0, 2));

const panel = await session.openPanel();
const demoButton = panel.getByRole('button', { name: /demo book|демо-баз/i });
await demoButton.click();
await demoButton.waitFor({ state: 'detached' });

const pages: Page[] = [];
for (const url of DEMO_PAGES) {
  const p = await session.context.newPage();
  await p.goto(url);
  pages.push(p);
}
await pages[0].bringToFront();
// the panel follows the tab looked at last: wait until it shows the first demo person (on a
// busy machine 800 ms was not always enough, and the screenshot caught the last tab's)
await panel.getByText('Anna Kowalski', { exact: true }).first().waitFor({ timeout: 15_000 }).catch(() => pages[0].waitForTimeout(800));
await panel.bringToFront();

console.log(`Tiewise is loaded (extension id ${session.extensionId}).`);
console.log('Demo profile tabs are open; the Tiewise tab shows the panel for the last profile tab you looked at.');
console.log('In a window, the toolbar button opens the real side panel too.');

if (headless) {
  const out = resolve('.output/demo');
  mkdirSync(out, { recursive: true });
  await panel.setViewportSize({ width: 400, height: 1000 });
  await panel.waitForTimeout(500);
  await panel.screenshot({ path: join(out, 'panel.png'), fullPage: true });
  console.log(`Screenshot: ${join(out, 'panel.png')}`);
  await session.close();
} else {
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  await new Promise<void>((done) => {
    session.context.on('close', () => done());
    process.on('SIGINT', () => void session.close().then(() => done()));
  });
}
