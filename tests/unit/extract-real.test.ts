// The real-structure fixtures (tests/fixtures/real/<site>/<name>.html + .json, the
// brief's convention): real pages' structure with invented people. Each is read the
// way `npm run extract -- --score` reads it (same decoding, same extractor, same
// scorer) and must have 0 wrong values and every expected key right, unless the
// sidecar's `known_unread` says why it is honestly unreadable.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pagesIn, scoreFile, type ScoredPage } from '../../tools/extract';
import { brief, totals } from '../../lib/extract/score';

const DIR = join(process.cwd(), 'tests/fixtures/real');
const names = existsSync(DIR) ? pagesIn(DIR) : [];
const scored: ScoredPage[] = [];

describe('real-structure fixtures', () => {
  if (!names.length) {
    it('has none yet (this passes only while tests/fixtures/real holds no page)', () => {
      expect(names).toEqual([]);
    });
  }

  for (const name of names) {
    it(name, () => {
      const p = scoreFile(DIR, name);
      scored.push(p);
      if (!p.score) throw new Error(`${name}: ${p.error}`);
      const s = p.sidecar!;
      const problems = [...p.score.problems.map((x) => `sidecar: ${x}`)];
      // provenance (the brief's sidecar convention)
      const site = name.split('/')[0];
      if (s.site !== site) problems.push(`sidecar: "site" is ${JSON.stringify(s.site)}, the folder says ${site}`);
      if (typeof s.year !== 'number') problems.push('sidecar: no numeric "year"');
      for (const k of ['lang', 'layout', 'source'] as const) if (typeof s[k] !== 'string' || !s[k]) problems.push(`sidecar: no "${k}"`);
      for (const [k, why] of Object.entries(p.known_unread)) {
        if (!(k in s.expected)) problems.push(`known_unread.${k}: not an expected key`);
        if (typeof why !== 'string' || !why.trim()) problems.push(`known_unread.${k}: says no reason`);
      }
      for (const k of p.score.keys) {
        if (k.verdict === 'wrong') problems.push(`WRONG ${k.key}: got ${brief(k.got)}, expected ${brief(k.expected)}${k.note ? ` (${k.note})` : ''}`);
        else if (k.verdict === 'unread' && !p.known_unread[k.key]) problems.push(`unread ${k.key} (${k.note ?? 'not ok'}), not listed in known_unread`);
      }
      if (problems.length) throw new Error(`${name} (${s.url}):\n  ` + problems.join('\n  '));
    });
  }

  afterAll(() => {
    const t = totals(scored.filter((p) => p.score).map((p) => p.score!));
    console.log(
      `real-structure fixtures: ${t.pages} page(s) scored of ${names.length}: right ${t.right}, wrong ${t.wrong}, unread ${t.unread}; ${t.pctRight.toFixed(1)}% right`,
    );
  });
});
