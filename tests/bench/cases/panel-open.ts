import { loadDemo, serveFixtures } from '@/tools/browser';
import { seedHeavy, timePanelOpen } from '../../e2e/heavy';
import { alternate, inFreshBrowser, result, type BenchCase } from '../harness';

// Opening a profile whose contact has 200 notes and 500 purchases, from the
// page load to the merged contact in the panel, against the same flow with an
// empty book (the panel then shows "add to book"), each side in a fresh browser
// with the built extension, the order alternating.

const OLGA = 'https://www.facebook.com/olga.smirnova';

const panelOpen: BenchCase = {
  id: 'panel-open',
  needs: ['extension'],
  async run() {
    const samples = await alternate(
      () => inFreshBrowser(async (s) => {
        serveFixtures(s, 'en');
        const panel = await s.openPanel();
        await loadDemo(panel);
        await seedHeavy(panel, 'demo-olga', 200, 500);
        await panel.goto(panel.url());
        return timePanelOpen(s, panel, OLGA, async (p) => {
          await p.getByRole('region', { name: 'Notes' }).getByText('201 notes', { exact: true }).waitFor();
          await p.getByRole('region', { name: 'Purchases' }).getByText('503 purchases', { exact: true }).waitFor();
        });
      }),
      () => inFreshBrowser(async (s) => {
        serveFixtures(s, 'en');
        const panel = await s.openPanel();
        const logs: string[] = [];
        panel.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
        panel.on('pageerror', (e) => logs.push(`error: ${e.message}`));
        s.worker.on('console', (m) => logs.push(`background ${m.type()}: ${m.text()}`));
        try {
          return await timePanelOpen(s, panel, OLGA, (p) => p.getByRole('button', { name: 'Add to book' }).waitFor());
        } catch (e) {
          // twice in four full runs (each time right after panel-big), never alone in 40: what the panel showed
          // and what the background holds: each tab's read and the last profile tab (its session store)
          const held = await s.worker.evaluate(async () => JSON.stringify(await (globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } }).chrome.storage.session.get(null)).slice(0, 1500)).catch((x: unknown) => String(x));
          process.stderr.write(`  panel-open: no "Add to book"; the panel shows: ${JSON.stringify((await panel.locator('body').innerText()).slice(0, 600))}; its console and the background's: ${JSON.stringify(logs.slice(-20))}; tabs: ${JSON.stringify(s.context.pages().map((p) => p.url()))}; the background's session store: ${held}\n`);
          throw e;
        }
      }),
      { rounds: 3 },
    );
    return [result({
      name: 'panel: page load → merged contact (200 notes, 500 purchases) vs empty book',
      samples, unit: 'ms', better: 'lower', target: 2, where: 'chromium+extension, fresh browser per side',
      baselineIs: 'the same flow with an empty book (the panel shows "Add to book"): the extension\'s fixed cost of reading the page and rendering the panel',
    })];
  },
};
export default panelOpen;
