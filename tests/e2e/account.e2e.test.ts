import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, loadDemo, serveFixtures, type Session } from '@/tools/browser';

// Issue 20 in the built extension: the tie's state and the account view, in
// English and Russian, with screenshots to look at (tests/e2e/artifacts/).

const ANNA = 'https://www.linkedin.com/in/anna-kowalski-42/';
const SHOTS = 'tests/e2e/artifacts';

for (const [locale, lang, names] of [
  ['en-US', 'en', { tie: 'The tie', account: 'Account: Northwind Traders', state: 'customer with an open complaint', stage: 'The account is at Stage 4 · closing and referrals', lacks: /Single-threaded: Anna Kowalski/ }],
  ['ru-RU', 'ru', { tie: 'Связь', account: 'Компания: Northwind Traders', state: 'клиент с открытой жалобой', stage: /Компания на этапе:/, lacks: /Всё держится на одном человеке: Anna Kowalski/ }],
] as const) {
  describe(`issue 20 in the panel (${lang})`, () => {
    let s: Session;
    let panel: Page;
    beforeAll(async () => {
      s = await launch({ locale });
      serveFixtures(s, lang);
      panel = await s.openPanel();
      await loadDemo(panel);
    });
    afterAll(async () => s?.close());

    it('shows the tie with its state, and the account view with the account\'s stage and what it lacks', async () => {
      const page = await s.context.newPage();
      await page.goto(ANNA);
      const tie = panel.getByRole('region', { name: names.tie });
      await tie.getByText(names.state).waitFor();
      const account = panel.getByRole('region', { name: names.account });
      await account.getByText(names.stage).waitFor();
      await account.getByText(names.lacks).waitFor();
      expect(await account.getByRole('listitem').count()).toBeGreaterThan(2);
      await account.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: join(SHOTS, `issue20-account-${lang}.png`), fullPage: true });
      await page.close();
    });
  });
}
