import { launch, loadDemo, serveFixtures } from '@/lib/cli/browser';
import { seedHeavy, timePanelOpen } from '../../e2e/heavy';
import { result, type BenchCase } from '../harness';

// Opening a profile whose contact has 200 notes and 500 purchases, from the
// page load to the merged contact in the panel, against the same flow with an
// empty book (the panel then shows "add to book") in the same run, in the real
// browser with the built extension.

const OLGA = 'https://www.facebook.com/olga.smirnova';
const ROUNDS = 3;

const panelOpen: BenchCase = {
  id: 'panel-open',
  async run() {
    const s = await launch();
    try {
      serveFixtures(s, 'en');
      const panel = await s.openPanel();
      const empty: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        empty.push(await timePanelOpen(s, panel, OLGA, (p) => p.getByRole('button', { name: 'Add to book' }).waitFor()));
      }
      await panel.goto(panel.url());
      await loadDemo(panel);
      await seedHeavy(panel, 'demo-olga', 200, 500);
      const heavy: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        heavy.push(await timePanelOpen(s, panel, OLGA, async (p) => {
          await p.getByRole('region', { name: 'Notes' }).getByText('201 notes', { exact: true }).waitFor();
          await p.getByRole('region', { name: 'Purchases' }).getByText('503 purchases', { exact: true }).waitFor();
        }));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      return [result({
        name: 'panel: page load → merged contact (200 notes, 500 purchases) vs empty book',
        value: med(heavy), baseline: med(empty), unit: 'ms', better: 'lower', target: 2, where: 'chromium+extension',
      })];
    } finally {
      await s.close();
    }
  },
};
export default panelOpen;
