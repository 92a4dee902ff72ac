// `npm run assess -- <file.json>` (docs/assess.md): the model as a command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIOS } from '../fixtures/model/scenarios';

const root = join(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'tiewise-assess-'));
function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'tools/assess.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('assess', () => {
  it('prints the judgement of one scenario: type, stage, score, strength, contributions, reasons, next step', () => {
    const s = SCENARIOS.find((x) => x.id === 'weak-at-championed-account')!;
    const r = run(file('stakeholder.json', JSON.stringify(s.input)));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(expect.arrayContaining(['networkType', 'stage', 'score', 'strength', 'contributions', 'reasons', 'nextStep']));
    expect(o).toMatchObject({
      networkType: 'weak-tie-prospect', stage: 'entering-account', state: 'stakeholder', strength: 'weak',
      nextStep: { code: 'ask-champion-intro', detail: { champion: 'Ivan Petrov', company: 'Acme' } },
    });
    expect(o.reasons).toContainEqual({ code: 'account-champion', detail: { name: 'Ivan Petrov', company: 'Acme' } });
    // contributions add up to the score's logit
    const logit = o.contributions.reduce((z: number, c: { contribution: number }) => z + c.contribution, -2);
    expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(o.score, 2);
  });

  it('takes times as ISO dates or epoch ms, and a UTF-8 BOM', () => {
    const a = { now: Date.UTC(2026, 5, 1), contact: { name: 'Ирина', company: 'Север', relation: 'customer' }, purchases: [{ product: 'Базовый', at: Date.UTC(2026, 4, 1) }] };
    const r = run(file('bom.json', `\uFEFF${JSON.stringify(a)}`));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ networkType: 'referral-advocate', state: 'advocate-candidate', nextStep: { code: 'ask-referral' } });
  });

  it.each([
    ['no file', [], /^assess: usage/],
    ['missing', [join(dir, 'nope.json')], /^assess: cannot read .*no such file$/],
    ['a directory', [dir], /is a directory/],
    ['empty', [file('empty.json', '')], /is empty$/],
    ['not JSON', [file('bad.json', '{"contact": ')], /is not valid JSON/],
    ['an array', [file('arr.json', '[]')], /must hold one JSON object/],
    ['no contact name', [file('noname.json', '{"contact": {}}')], /^assess: invalid input at contact\.name: /],
    ['a bad date', [file('date.json', '{"contact": {"name": "A"}, "notes": [{"text": "x", "at": "yesterday-ish"}]}')], /^assess: invalid input at notes\.0\.at: not a date/],
    ['a bad direction', [file('dir.json', '{"contact": {"name": "A"}, "interactions": [{"kind": "email", "direction": "sideways", "at": 1}]}')], /^assess: invalid input at interactions\.0\.direction/],
  ] as const)('exit 2 with one line on stderr: %s', (_n, args, re) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(re);
  });
});
