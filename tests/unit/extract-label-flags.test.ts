// A reader's label patterns are compiled on the page's thread the first time a read meets
// them (most of a page's first read). V8 takes several times as long to compile a
// case-insensitive pattern in Unicode mode (`iu`) as without it (`i`), and the labels are
// written in letters whose case folding is the same either way (Latin, Greek, Cyrillic):
// so no label is compiled in Unicode mode unless its source needs it (lib/extract/text.ts
// labelRe does the same for built patterns).
import { UI_LABELS as FACEBOOK } from '../../lib/extract/facebook';
import { UI_LABELS as LINKEDIN } from '../../lib/extract/linkedin';
import { UI_LABELS as VK } from '../../lib/extract/vk';

function patterns(x: unknown, out: RegExp[] = []): RegExp[] {
  if (x instanceof RegExp) out.push(x);
  else if (Array.isArray(x)) for (const y of x) patterns(y, out);
  else if (x && typeof x === 'object') for (const y of Object.values(x)) patterns(y, out);
  return out;
}

/** Syntax that means something else, or is an error, outside Unicode mode. */
const NEEDS_UNICODE = /\\[pP]\{|\\u\{|[\u{10000}-\u{10FFFF}]/u;

describe('label patterns', () => {
  for (const [site, labels] of [['facebook', FACEBOOK], ['linkedin', LINKEDIN], ['vk', VK]] as const) {
    it(`${site}: none in Unicode mode without a need for it`, () => {
      const all = patterns(labels);
      expect(all.length).toBeGreaterThan(10);
      const needless = all.filter((re) => re.flags.includes('u') && !NEEDS_UNICODE.test(re.source)).map((re) => re.source.slice(0, 60));
      expect(needless).toEqual([]);
    });
  }
});
