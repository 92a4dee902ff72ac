// The content scripts read the live sites only (wxt.config.ts defines __TIEWISE_LIVE__ for them):
// the hooks of layouts a site no longer serves — LinkedIn's 2010–2016 public hResume and hCard
// pages, its 2017–2021 logged-in layouts (the pv- top card, Accomplishments, …-section anchors) — are left out of them, and read by
// the CLI and the tests from saved copies. Every other LinkedIn page we hold must read exactly as
// the reader with those hooks reads it; on those old pages the content script reads no value the
// reader of every layout does not.
import { readdirSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { Extraction } from '../../lib/extract/types';
import { builtAs } from './built-as';

type Reader = (doc: Document, url: string) => Extraction;

/** lib/extract/linkedin.ts as the content script's build makes it (live), or as the tests and the CLI read it. */
const readerFor = (live: boolean): Promise<Reader> =>
  builtAs('__TIEWISE_LIVE__', live || undefined, async () => (await import('../../lib/extract/linkedin')).extractLinkedIn);

const pagesOf = (dir: string, sidecar: (html: string) => string) =>
  readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => {
    const html = `${dir}/${f}`;
    return { html, url: (JSON.parse(readFileSync(sidecar(html), 'utf8')) as { url: string }).url };
  });
const pages = [
  ...pagesOf('tests/fixtures/real/linkedin', (h) => h.replace(/\.html$/, '.json')),
  ...pagesOf('tests/fixtures/pages/linkedin', (h) => h.replace(/\.html$/, '.expected.json')),
].filter((p) => !p.html.includes('salesnav'));
/** the saved copies of pages LinkedIn no longer serves */
const GONE = /li-201[45]-public-hcard|li-2021-client|li-old-/;
const read = (reader: Reader, p: (typeof pages)[number]) =>
  reader(new JSDOM(readFileSync(p.html, 'utf8'), { url: p.url, virtualConsole: new VirtualConsole() }).window.document, p.url);

describe('the LinkedIn content script reads every page LinkedIn serves as the reader of every layout does', () => {
  let all: Reader;
  let live: Reader;
  beforeAll(async () => {
    all = await readerFor(false);
    live = await readerFor(true);
  });

  for (const p of pages.filter((x) => !GONE.test(x.html))) {
    it(p.html.replace('tests/fixtures/', ''), () => {
      expect(read(live, p)).toEqual(read(all, p));
    });
  }

  it('the pages of layouts gone (2014–2015 hCard, 2019–2021 logged-in) are read by the reader of every layout; the content script reads less of them, never another value', () => {
    const okFields = (r: Extraction) => Object.entries(r.fields).filter(([, f]) => f.status === 'ok');
    const gone = pages.filter((x) => GONE.test(x.html));
    expect(gone.length).toBe(5);
    for (const p of gone) {
      const a = read(all, p);
      const l = read(live, p);
      expect(okFields(l).length, p.html).toBeLessThan(okFields(a).length);
      for (const [k, f] of okFields(l)) expect((f as { value: unknown }).value, `${p.html} ${k}`).toEqual((a.fields[k as keyof typeof a.fields] as { value?: unknown }).value);
    }
  });
});
