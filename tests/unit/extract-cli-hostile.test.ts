// `npm run extract` on pages made to hurt it (issue 14, "from a hostile-input run"):
// bounded time and memory, exit 2 with one clear line beyond the named limits
// (LIMITS in tools/extract.ts) — never a crash, never a silent `not-profile` — and
// no link kept with `user:password@` in it.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domDepth, extractHtml, LimitError, LIMITS, PageReader, readPage, scoreFile } from '../../tools/extract';
import { safeUrl } from '../../lib/extract/text';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'tools/extract.ts');
const FB = 'https://www.facebook.com/some.person.here';
const fixture = (p: string) => readFileSync(join(process.cwd(), 'tests/fixtures/pages', p), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A page nesting `n` divs inside its body. */
const deep = (n: number) => `<!doctype html><html><head><title>Deep Person</title></head><body>${'<div>'.repeat(n)}Deep Person${'</div>'.repeat(n)}</body></html>`;
/** A dense page (a profile's body repeated) of about `mb` MB. */
function dense(mb: number): string {
  const src = fixture('linkedin/li-new-en.html');
  const body = src.slice(src.indexOf('>', src.indexOf('<body')) + 1, src.lastIndexOf('</body>'));
  const parts: string[] = [];
  for (let n = 0; n < mb * 2 ** 20; n += body.length + 19) parts.push(`<section>${body}</section>`);
  return `<!doctype html><html><head><title>Dense</title></head><body>${parts.join('\n')}</body></html>`;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiewise-hostile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract: limits', () => {
  it('names its limits', () => {
    expect(LIMITS).toEqual({ maxBytes: 25 * 2 ** 20, maxDepth: 512, maxSeconds: 120, maxHeapMb: 3072 });
  });

  it('a 50 MB page: exit 2 with one line naming the size limit, at once, nothing on stdout', () => {
    const file = join(dir, 'big.html');
    const row = '<div class="x"><span>Lorem ipsum dolor</span><a href="/in/x/">link</a></div>\n';
    writeFileSync(file, '<html><body>' + row.repeat(Math.ceil((50 * 2 ** 20) / row.length)) + '</body></html>');
    const t = Date.now();
    const r = spawnSync(TSX, [CLI, '--url', FB, file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^extract: .*big\.html: the page is 50\.0 MB, beyond the 25\.0 MB limit\n$/);
    expect(Date.now() - t).toBeLessThan(20_000);
  }, 120_000);

  it('a 200,000-deep DOM: exit 2 naming the depth limit, not a not-profile with exit 0', () => {
    const file = join(dir, 'deep.html');
    writeFileSync(file, deep(200_000));
    const r = spawnSync(TSX, [CLI, '--url', FB, file], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^extract: .*deep\.html: the page nests elements 200002 deep, beyond the limit of 512 \(the most a browser builds\)\n$/);
  }, 120_000);

  it('measures depth as the parser builds it, and real-shaped pages are far inside the limit', () => {
    expect(domDepth(deep(600))).toBe(602); // html > body > 600 divs
    expect(domDepth('<p>a<p>b<p>c')).toBe(3); // implied end tags: siblings, not nesting
    expect(domDepth(`<template>${'<i>'.repeat(700)}</template>`)).toBeGreaterThan(700); // template contents count
    for (const p of ['linkedin/li-new-en.html', 'facebook/fb-new-en.html', 'vk/vk-old-ru.html']) expect(domDepth(fixture(p)), p).toBeLessThan(100);
  });

  it('a page just inside the depth limit is read; one past it is refused, also when scored', () => {
    expect(readPage(utf8(deep(500)), FB).site).toBe('facebook'); // read, not refused
    expect(() => readPage(utf8(deep(600)), FB)).toThrow(LimitError);
    mkdirSync(join(dir, 'score'), { recursive: true });
    writeFileSync(join(dir, 'score/deep.html'), deep(600));
    writeFileSync(join(dir, 'score/deep.json'), JSON.stringify({ url: FB, expected: { name: 'Deep Person' } }));
    const s = scoreFile(join(dir, 'score'), 'deep.html');
    expect(s.score).toBeNull();
    expect(s.error).toMatch(/nests elements 602 deep, beyond the limit of 512/);
  }, 120_000);

  it('a page that runs over the time limit is stopped with a message; a reader with time to spare reads the next', async () => {
    const reader = new PageReader({ maxSeconds: 0.2 });
    try {
      expect(await reader.read(utf8(dense(2)), 'https://www.linkedin.com/in/anna-kowalski-42/')).toEqual({ limit: 'reading the page took longer than 0.2 s' });
      const slow = new PageReader({ maxSeconds: 60 });
      try {
        const r = await slow.read(utf8(fixture('vk/vk-old-ru.html')), 'https://vk.com/id3001002');
        expect('ok' in r && r.ok.fields.name).toMatchObject({ status: 'ok', value: 'Елена Соколова' });
      } finally {
        slow.close();
      }
    } finally {
      reader.close();
    }
  }, 120_000);

  it('a page that needs more than the memory limit is stopped with a message, not a crash; the reader recovers', async () => {
    const reader = new PageReader({ maxHeapMb: 160 });
    try {
      expect(await reader.read(utf8(dense(6)), 'https://www.linkedin.com/in/anna-kowalski-42/')).toEqual({ limit: 'reading the page needed more than 160 MB of memory' });
      const r = await reader.read(utf8(fixture('vk/vk-old-ru.html')), 'https://vk.com/id3001002');
      expect('ok' in r && r.ok.kind).toBe('profile');
    } finally {
      reader.close();
    }
  }, 180_000);
});

describe('extract: links with credentials', () => {
  it('safeUrl drops a URL carrying user:password@ or a disguised host', () => {
    expect(safeUrl('https://anna:hunter2@anna.example.com/')).toBeNull();
    expect(safeUrl('https://anna@anna.example.com/')).toBeNull();
    expect(safeUrl('https://www.linkedin.com@evil.example/in/anna/')).toBeNull();
    expect(safeUrl('//anna:hunter2@anna.example.com/x', 'https://vk.com/id1')).toBeNull();
    // inside a redirect wrapper too
    expect(safeUrl('https://l.facebook.com/l.php?u=https%3A%2F%2Fanna%3Ahunter2%40anna.example.com%2F&h=AT')).toBeNull();
    expect(safeUrl('https://vk.com/away.php?to=https%3A%2F%2Fu%3Ap%40site.example%2F')).toBeNull();
    // while a plain one stays, and an @ in the path is no credential
    expect(safeUrl('https://anna.example.com/@anna')).toBe('https://anna.example.com/@anna');
  });

  it('no credential from a page reaches the result (websites, photo)', () => {
    const cases: [string, string, [string, string][]][] = [
      [
        'linkedin/li-new-en.html',
        'https://www.linkedin.com/in/anna-kowalski-42/',
        [
          ['https%3A%2F%2Fanna-kowalski%2Eexample%2Ecom%2F', 'https%3A%2F%2Fanna%3Ahunter2%40anna-kowalski%2Eexample%2Ecom%2F'],
          ['https://media.licdn.com/dms/image/v2/D4E03AQ_anna', 'https://cdn:hunter2@media.licdn.com/dms/image/v2/D4E03AQ_anna'],
        ],
      ],
      [
        'vk/vk-old-ru.html',
        'https://vk.com/id3001002',
        [
          ['https%3A%2F%2Felena-sokolova.example.ru%2F', 'https%3A%2F%2Felena%3Ahunter2%40elena-sokolova.example.ru%2F'],
          ['>elena-sokolova.example.ru<', '>elena:hunter2@elena-sokolova.example.ru<'],
        ],
      ],
    ];
    for (const [name, url, swaps] of cases) {
      const clean = fixture(name);
      let html = clean;
      for (const [from, to] of swaps) {
        expect(html, `${name}: ${from}`).toContain(from);
        html = html.replaceAll(from, to);
      }
      // the clean page has the website (and LinkedIn's the photo); the one with credentials keeps none
      const before = extractHtml(clean, url);
      expect(before.fields.websites.status, name).toBe('ok');
      const after = extractHtml(html, url);
      expect(JSON.stringify(after), name).not.toMatch(/hunter2|:\/\/\w+(?::\w+)?@/);
      expect(after.kind, name).toBe('profile');
    }
  });

  it('the command prints no credential either', () => {
    const file = join(dir, 'creds.html');
    const page = fixture('linkedin/li-new-en.html');
    expect(page).toContain('https://media.licdn.com/dms/image/v2/D4E03AQ_anna');
    writeFileSync(file, page.replaceAll('https://media.licdn.com/dms/image/v2/D4E03AQ_anna', 'https://cdn:hunter2@media.licdn.com/dms/image/v2/D4E03AQ_anna'));
    const out = execFileSync(TSX, [CLI, '--url', 'https://www.linkedin.com/in/anna-kowalski-42/', file], { encoding: 'utf8' });
    expect(JSON.parse(out).kind).toBe('profile');
    expect(out).not.toContain('hunter2');
  }, 120_000);
});
