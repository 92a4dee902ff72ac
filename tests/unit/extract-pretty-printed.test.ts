// A saved page as a pretty-printing saver writes it (BeautifulSoup's prettify, an editor's "format
// document"): the same elements with runs of indentation between every two tags. A real 2021 Facebook
// About page saved that way lost its friends count (the text a count link was read to was all
// indentation). Every real-structure fixture, indented so, must read as it does saved as it was:
// the same status for every field, the same values but for the spaces the indentation puts between
// two tags (a browser shows those spaces too).
import { readdirSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../lib/extract/extract';
import type { Site } from '../../lib/extract/types';
import { realPage } from '../fixtures/real/pages';

const INDENT = '\n' + '\t'.repeat(80);
/** Indentation between every two tags (never inside a script, a style, a title, a textarea or a pre). */
const prettyPrinted = (html: string) => html.replace(/(<(script|style|textarea|pre|title)\b[\s\S]*?<\/\2>)|>(?=<)/gi, (m, keep?: string) => (keep ? m : `>${INDENT}`));
const read = (html: string, url: string) => extractPage(new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document, url);
const shape = (r: ReturnType<typeof read>) => ({
  kind: r.kind,
  fields: Object.fromEntries(Object.entries(r.fields ?? {}).map(([k, f]) => [k, `${f.status} ${JSON.stringify((f as { value?: unknown }).value ?? null).replace(/\s+/g, '')}`])),
});

describe('a saved page pretty-printed reads as the page saved as it was', () => {
  for (const site of ['linkedin', 'facebook', 'vk'] as Site[]) {
    for (const file of readdirSync(`tests/fixtures/real/${site}`).filter((f) => f.endsWith('.html'))) {
      it(`${site}/${file}`, () => {
        const p = realPage(site, file);
        expect(shape(read(prettyPrinted(p.html), p.url))).toEqual(shape(read(p.html, p.url)));
      });
    }
  }
});
