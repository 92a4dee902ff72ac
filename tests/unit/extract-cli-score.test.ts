// `npm run extract -- --score <folder>` as a developer runs it: a folder (with a
// sub-folder) of saved pages and sidecars gives a per-page report and the totals;
// a folder that isn't there is exit 2 with one line.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'tools/extract.ts');
const PAGES = join(process.cwd(), 'tests/fixtures/pages');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiewise-score-'));
  mkdirSync(join(dir, 'linkedin'));
  copyFileSync(join(PAGES, 'linkedin/li-new-en.html'), join(dir, 'linkedin/p1.html'));
  writeFileSync(
    join(dir, 'linkedin/p1.json'),
    JSON.stringify({
      url: 'https://www.linkedin.com/in/anna-kowalski-42/',
      site: 'linkedin',
      expected: {
        name: 'Anna Kowalski',
        current_company: 'Initech', // deliberately not what the page shows
        connections: '500+',
        hometown: 'Gdańsk', // the page shows none: unread
        handle: 'anna-kowalski-42',
      },
      known_unread: { hometown: 'not on the page' },
    }),
  );
  copyFileSync(join(PAGES, 'linkedin/li-feed-en.html'), join(dir, 'feed.html'));
  writeFileSync(join(dir, 'feed.json'), JSON.stringify({ url: 'https://www.linkedin.com/feed/', expected: { negative_case: true } }));
  copyFileSync(join(PAGES, 'linkedin/li-feed-en.html'), join(dir, 'orphan.html'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract --score', () => {
  it('prints each page, the wrong value with got vs expected, and the totals', () => {
    const out = execFileSync(TSX, [CLI, '--score', dir], { encoding: 'utf8' });
    expect(out).toMatch(/^feed\.html: right 1, wrong 0, unread 0$/m);
    expect(out).toMatch(/^linkedin\/p1\.html: right 3, wrong 1, unread 1$/m);
    expect(out).toMatch(/WRONG: {2}current_company: got "Northwind Traders", expected "Initech"/);
    expect(out).toMatch(/unread: hometown \(missing; known\)/);
    expect(out).toMatch(/^orphan\.html: not scored: no sidecar/m);
    expect(out).toMatch(/^total: 2 pages \(1 not scored\): right 4, wrong 1, unread 1; 66\.7% right$/m);
  }, 120_000);

  it('exits 2 with one line when the folder cannot be read', () => {
    const r = spawnSync(TSX, [CLI, '--score', join(dir, 'no-such')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot read folder/);
  }, 120_000);
});
