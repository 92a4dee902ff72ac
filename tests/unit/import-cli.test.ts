// `npm run import-check -- <file>`: the JSON of docs/import.md on stdout, exit codes.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const fixture = (name: string) => join(root, 'tests/fixtures/import', name);
function run(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'lib/cli/import-check.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('import-check', () => {
  it('prints exactly the contract\'s keys, first five records', () => {
    const r = run(fixture('linkedin-connections.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(['preset', 'encoding', 'bom', 'delimiter', 'headerLine', 'rows', 'accepted', 'duplicates', 'rejected', 'records']);
    expect(o).toMatchObject({ preset: 'linkedin-connections', encoding: 'utf-8', bom: false, delimiter: ',', headerLine: 4, rows: 7, accepted: 6, duplicates: [{ line: 10, sameAs: 5 }], rejected: [] });
    expect(o.duplicates[0]).toEqual({ line: 10, sameAs: 5 });
    expect(o.records).toHaveLength(5);
    expect(o.records[0].name).toBe('Anna Lindqvist');
  });
  it('--all prints every accepted record', () => {
    expect(JSON.parse(run(fixture('linkedin-connections.csv'), '--all').stdout).records).toHaveLength(6);
  });
  it('exit 0 when every row is bad', () => {
    const r = run(fixture('all-bad.csv'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, accepted: 0, rejected: [{ line: 2 }, { line: 3, reason: 'unclosed quote', raw: '"unclosed,x@example.com,1' }] });
  });
  it.each([
    ['missing', fixture('nope.csv'), /no such file/],
    ['a directory', fixture(''), /is a directory/],
    ['empty', fixture('empty.csv'), /is empty/],
  ])('exit 2 with one line on stderr: %s', (_, file, msg) => {
    const r = run(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('a JSON file: same shape, delimiter and headerLine null', () => {
    const o = JSON.parse(run(fixture('tiewise.json')).stdout);
    expect(o).toMatchObject({ kind: 'json', preset: 'generic', encoding: 'utf-8', delimiter: null, headerLine: null, rows: 13, accepted: 7, duplicates: [{ line: 6, sameAs: 3 }] });
    expect(o.rejected).toHaveLength(5);
  });
  it('a purchases CSV says its kind', () => {
    expect(JSON.parse(run(fixture('purchases.csv')).stdout)).toMatchObject({ kind: 'purchases', preset: 'generic', rows: 6, accepted: 2 });
  });
});
