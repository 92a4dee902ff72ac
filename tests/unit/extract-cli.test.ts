// `npm run extract` on saved pages as they come: decoded as a browser decodes them
// (BOM, then <meta charset> / http-equiv, then UTF-8), so a windows-1251 page reads
// the same as its UTF-8 copy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHtml, extractHtml, sniffEncoding } from '../../tools/extract';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const CLI = join(process.cwd(), 'tools/extract.ts');
const URL_ = 'https://vk.com/id3001002';
// a VK page of 2019's layout in Russian (its text is all in windows-1251's repertoire)
const PAGE = readFileSync(join(process.cwd(), 'tests/fixtures/pages/vk/vk-old-ru.html'), 'utf8');
const NAME = 'Елена Соколова';

/** windows-1251 bytes of `s` (ASCII, Cyrillic and the punctuation the page uses). */
function cp1251(s: string): Uint8Array {
  const extra: Record<string, number> = { 'Ё': 0xa8, 'ё': 0xb8, '\u00a0': 0xa0, '—': 0x97, '–': 0x96, '«': 0xab, '»': 0xbb, '…': 0x85, '№': 0xb9, '·': 0xb7, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95 };
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (extra[ch] !== undefined) out.push(extra[ch]);
    else throw new Error(`not in windows-1251: U+${c.toString(16)}`);
  }
  return Uint8Array.from(out);
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const DECL = /<meta http-equiv="content-type" content="text\/html; charset=windows-1251">/i;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tiewise-extract-'));
  expect(PAGE).toMatch(DECL);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract: decoding a saved page', () => {
  const reference = () => extractHtml(PAGE, URL_);

  it('reads a windows-1251 page (http-equiv content-type) as its UTF-8 copy, end to end', () => {
    const file = join(dir, 'vk-1251.html');
    writeFileSync(file, cp1251(PAGE));
    const out = JSON.parse(execFileSync(TSX, [CLI, '--url', URL_, file], { encoding: 'utf8' }));
    expect(out.fields.name).toMatchObject({ status: 'ok', value: NAME });
    expect(out).toEqual(JSON.parse(JSON.stringify(reference())));
  }, 120_000);

  it('reads <meta charset="windows-1251"> and its aliases (cp1251)', () => {
    for (const label of ['windows-1251', 'cp1251', 'WINDOWS-1251']) {
      const bytes = cp1251(PAGE.replace(DECL, `<meta charset="${label}">`));
      expect(sniffEncoding(bytes)).toEqual({ encoding: 'windows-1251', source: 'meta' });
      expect(extractHtml(decodeHtml(bytes), URL_).fields.name).toMatchObject({ status: 'ok', value: NAME });
    }
  });

  it('finds a declaration after a long <head> prologue (past the first 1024 bytes)', () => {
    const late = PAGE.replace(DECL, '').replace('<head>', `<head>\n<!-- saved from url=(0024)${URL_} -->\n<style>${'.x{color:red}\n'.repeat(200)}</style>\n<meta charset="windows-1251">`);
    const bytes = cp1251(late);
    expect(Buffer.from(bytes).indexOf('<meta charset')).toBeGreaterThan(1024);
    expect(sniffEncoding(bytes).encoding).toBe('windows-1251');
    expect(extractHtml(decodeHtml(bytes), URL_).fields.name).toMatchObject({ status: 'ok', value: NAME });
  });

  it('a BOM wins over the <meta>', () => {
    const body = PAGE; // still declares windows-1251
    const le = new Uint8Array(2 + body.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < body.length; i++) {
      const c = body.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
    }
    expect(sniffEncoding(le)).toEqual({ encoding: 'UTF-16LE', source: 'bom' });
    expect(decodeHtml(le)).toBe(body);
    const u8 = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(body)]);
    expect(sniffEncoding(u8)).toEqual({ encoding: 'UTF-8', source: 'bom' });
    expect(decodeHtml(u8)).toBe(body);
  });

  it('without a BOM or a declaration, UTF-8', () => {
    const bytes = utf8(PAGE.replace(DECL, ''));
    expect(sniffEncoding(bytes)).toEqual({ encoding: 'UTF-8', source: 'default' });
    expect(extractHtml(decodeHtml(bytes), URL_).fields.name).toMatchObject({ status: 'ok', value: NAME });
  });

  it('a page re-saved as UTF-8 that kept its windows-1251 declaration is not garbled', () => {
    const bytes = utf8(PAGE);
    expect(sniffEncoding(bytes)).toEqual({ encoding: 'UTF-8', source: 'utf-8 bytes' });
    expect(decodeHtml(bytes)).toBe(PAGE);
    // while real windows-1251 bytes are not valid UTF-8, so the declaration stands
    expect(sniffEncoding(cp1251(PAGE)).source).toBe('meta');
  });

  it('an ASCII-only page keeps its declared single-byte encoding (the same text either way)', () => {
    const bytes = utf8('<html><head><meta charset="windows-1252"><title>x</title></head><body>plain</body></html>');
    expect(sniffEncoding(bytes)).toEqual({ encoding: 'windows-1252', source: 'meta' });
  });
});
