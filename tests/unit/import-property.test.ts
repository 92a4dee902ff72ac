// Property: whatever the rows (good, broken, blank, duplicated, multi-line), every
// row is accounted for, reading in chunks changes nothing, and a good row after a
// broken one is still read on its own physical line.
import fc from 'fast-check';
import { ContactImport, importContactsCsv } from '../../lib/import/contacts';

const HEADER = 'Name,Email,Company';
const cell = fc.string({ unit: fc.constantFrom('a', 'Я', ' ', '@', '.', ','), maxLength: 6 });
const line = fc.oneof(
  fc.tuple(cell, cell, cell).map((cs) => ({ text: cs.map((c) => `"${c}"`).join(','), lines: 1, good: cs.some((c) => c.trim() !== '') })),
  fc.tuple(cell, cell).map(([a, b]) => ({ text: `"${a}\n${b}",x@y.example,Co`, lines: 2, good: true })),
  cell.map((c) => ({ text: `"${c},open,quote`, lines: 1, good: false, opensQuote: true })),
  fc.constant({ text: 'too,many,fields,here', lines: 1, good: false, opensQuote: false }),
  fc.constant({ text: '', lines: 1, good: false }),
);

describe('property: every row accounted for', () => {
  it('rows = accepted + duplicates + rejected; chunking changes nothing; good rows keep their lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (rows, chunk) => {
        const text = [HEADER, ...rows.map((r) => r.text), 'Last Row,last@example.com,Co'].join('\n');
        const whole = importContactsCsv(text);
        expect(whole.rows).toBe(whole.accepted + whole.duplicates.length + whole.rejected.length);
        const imp = new ContactImport();
        for (let i = 0; i < text.length; i += chunk) imp.push(text.slice(i, i + chunk));
        expect(imp.end()).toEqual(whole);
        // physical line of every good row up to the first unclosed quote (after it, a later
        // quote may legitimately close it: that is valid CSV, just not what was meant),
        // and always of the last row, which has no quote to pair with
        let at = 2;
        let ambiguous = false;
        const goodLines: number[] = [];
        for (const r of rows) {
          if ('opensQuote' in r && r.opensQuote) ambiguous = true;
          if (r.good && !ambiguous) goodLines.push(at);
          at += r.lines;
        }
        const seen = new Set([...whole.recordLines, ...whole.duplicates.map((d) => d.line), ...whole.rejected.map((x) => x.line)]);
        for (const l of goodLines) expect(seen.has(l), `line ${l}`).toBe(true);
        expect(whole.recordLines.includes(at) || whole.duplicates.some((d) => d.line === at)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
