// Facebook's two content scripts (entrypoints/facebook*.content.ts) are each built with one
// set of layouts (lib/extract/facebook.ts LAYOUT): www's with Comet's and the classic
// timeline's, the mobile hosts' with m.'s and mbasic's. Every Facebook page we hold, read by
// the script its address gets, must read exactly as the reader of every layout reads it
// (the CLI's and the other tests'): leaving a layout out loses nothing on its hosts' pages.
import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { FACEBOOK_MOBILE_HOSTS } from '../../lib/extract/urls';
import type { Extraction } from '../../lib/extract/types';
import { builtAs } from './built-as';

type Reader = (doc: Document, url: string) => Extraction;

/** lib/extract/facebook.ts as the build for `layout` makes it (undefined: every layout, as the tests and the CLI). */
const readerFor = (layout: 'desktop' | 'mobile' | undefined): Promise<Reader> =>
  builtAs('__TIEWISE_FACEBOOK__', layout, async () => (await import('../../lib/extract/facebook')).extractFacebook);

const pages = [
  ...readdirSync('tests/fixtures/real/facebook').filter((f) => f.endsWith('.html')).map((f) => {
    const html = `tests/fixtures/real/facebook/${f}`;
    return { html, url: (JSON.parse(readFileSync(html.replace(/\.html$/, '.json'), 'utf8')) as { url: string }).url };
  }),
  ...readdirSync('tests/fixtures/pages/facebook').filter((f) => f.endsWith('.html')).map((f) => {
    const html = `tests/fixtures/pages/facebook/${f}`;
    return { html, url: (JSON.parse(readFileSync(html.replace(/\.html$/, '.expected.json'), 'utf8')) as { url: string }).url };
  }),
];
const read = (reader: Reader, p: (typeof pages)[number]) =>
  reader(new JSDOM(readFileSync(p.html, 'utf8'), { url: p.url, virtualConsole: new VirtualConsole() }).window.document, p.url);

describe('each Facebook content script reads its hosts’ pages as the reader of every layout does', () => {
  let all: Reader;
  const by: Partial<Record<'desktop' | 'mobile', Reader>> = {};
  beforeAll(async () => {
    all = await readerFor(undefined);
    by.desktop = await readerFor('desktop');
    by.mobile = await readerFor('mobile');
  });

  it('holds pages of both kinds of host', () => {
    const mobile = pages.filter((p) => FACEBOOK_MOBILE_HOSTS.includes(new URL(p.url).hostname));
    expect(mobile.length).toBeGreaterThanOrEqual(6);
    expect(pages.length - mobile.length).toBeGreaterThanOrEqual(15);
  });

  for (const p of pages) {
    const layout = FACEBOOK_MOBILE_HOSTS.includes(new URL(p.url).hostname) ? 'mobile' : 'desktop';
    it(`${p.html.replace('tests/fixtures/', '')} (${layout})`, () => {
      const want = read(all, p);
      expect(read(by[layout]!, p)).toEqual(want);
    });
  }

  it('a build leaves the other layouts out: the desktop script reads no m. page, the mobile script no Comet page', () => {
    const m = pages.find((p) => p.html.endsWith('fb-2021-m-pl.html'))!;
    const comet = pages.find((p) => p.html.endsWith('fb-2024-comet-en.html'))!;
    const okFields = (r: Extraction) => Object.values(r.fields).filter((f) => f.status === 'ok').length;
    // (proof that the builds differ: else the test above would prove nothing)
    expect(okFields(read(by.desktop!, m))).toBeLessThan(okFields(read(all, m)));
    expect(okFields(read(by.mobile!, comet))).toBeLessThan(okFields(read(all, comet)));
  });
});
