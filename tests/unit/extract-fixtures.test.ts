// Every saved page under tests/fixtures/pages/<site>/X.html is read with jsdom under
// the URL its X.expected.json names, and compared field by field with what a person
// wrote down from the page by hand (status always; value when ok; `via` is not compared).
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractPage } from '../../lib/extract/extract';
import { FIELD_NAMES } from '../../lib/extract/types';
import { ExtractionSchema } from '../../lib/extract/schema';
import { largePages } from '../fixtures/pages/generate-large';
import { loadFixtures } from '../fixtures/pages/load';

function dom(html: string, url: string) {
  return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
}

const all = loadFixtures();

describe('fixtures', () => {
  it('has at least 8 fixtures for every site', () => {
    for (const s of ['linkedin', 'facebook', 'vk']) expect(all.filter((f) => f.name.startsWith(s + '/')).length).toBeGreaterThanOrEqual(8);
  });

  it('serves no two fixtures of one language under one URL (the e2e server picks one per URL)', () => {
    const seen = new Map<string, string>();
    for (const f of all) {
      const key = `${f.expected.lang} ${f.expected.url}`;
      expect(seen.get(key), `${f.name} and ${seen.get(key)}`).toBeUndefined();
      seen.set(key, f.name);
    }
  });

  for (const { name, html, expected } of all) {
    it(name, () => {
      const got = extractPage(dom(html, expected.url).window.document, expected.url);
      const problems: string[] = [];
      const parsed = ExtractionSchema.safeParse(got);
      if (!parsed.success) problems.push(`result does not match ExtractionSchema: ${parsed.error.message}`);
      for (const k of ['site', 'kind', 'profileUrl', 'lang'] as const) {
        if (got[k] !== expected[k]) problems.push(`${k}: expected ${JSON.stringify(expected[k])}, got ${JSON.stringify(got[k])}`);
      }
      for (const f of FIELD_NAMES) {
        const want = expected.fields[f];
        const have = got.fields[f] as { status: string; value?: unknown; via?: string };
        if (!want) {
          problems.push(`${f}: not written down in the expected file`);
          continue;
        }
        if (have.status !== want.status) {
          problems.push(`${f}: expected ${want.status}${want.status === 'ok' ? ' ' + JSON.stringify(want.value) : ''}, got ${have.status}${have.status === 'ok' ? ` ${JSON.stringify(have.value)} (via ${have.via})` : ''}`);
        } else if (want.status === 'ok') {
          try {
            expect(have.value).toEqual(want.value);
          } catch {
            problems.push(`${f}: expected ${JSON.stringify(want.value)}, got ${JSON.stringify(have.value)} (via ${have.via})`);
          }
        }
      }
      if (problems.length) throw new Error(`${name} (${expected.url}):\n  ` + problems.join('\n  '));
    });
  }

  for (const { name, html, url, base } of largePages()) {
    it(`reads ${name}, ~3 MB, like the clean page it grew from`, () => {
      expect(html.length).toBeGreaterThan(3_000_000);
      const big = extractPage(dom(html, url).window.document, url);
      const small = extractPage(dom(base, url).window.document, url);
      expect(big).toEqual(small);
      expect(big.fields.name.status).toBe('ok');
    });
  }
});
