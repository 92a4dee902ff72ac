// Why a row was refused: one table gives the English text (the command line, the rejects
// file) and the code a page says in its language.
import { dataEn, dataRu } from '@/lib/i18n/data';
import { why, type WhyCode } from '@/lib/import/why';
import { importCsv } from '@/lib/import/csv-kind';

const slots = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();

describe('reasons a row is refused', () => {
  it('every reason is said in English and Russian with the same values', () => {
    const ru = dataRu.reject as Record<string, string>;
    for (const code of Object.keys(dataEn.reject) as WhyCode[]) {
      expect(typeof ru[code], code).toBe('string');
      expect(slots(ru[code]), code).toEqual(slots(dataEn.reject[code]));
    }
  });

  it('the English text has its values in it, numbers written as in English', () => {
    expect(why('cellTooLong', { chars: 200_000, max: 100_000 })).toEqual({ reason: 'a cell of 200,000 characters: at most 100,000', code: 'cellTooLong', params: { chars: 200_000, max: 100_000 } });
    expect(why('headerAgain')).toEqual({ reason: 'the header row again, not a contact', code: 'headerAgain' });
  });

  it("a file's refused rows carry their code and values", () => {
    const r = importCsv('Name,Email,Phone\nAnn Lee,ann@lee.example,1\nBo,bo@x.example\n,,\nName,Email,Phone\n,,555 0100 200\n');
    if (r.kind !== 'contacts') throw new Error(r.kind);
    expect(r.rejected.map((x) => [x.line, x.code, x.params])).toEqual([
      [3, 'width', { fields: 2, columns: 3 }],
      [5, 'headerAgain', undefined],
      [6, 'phoneOnly', { phone: '555 0100 200' }],
    ]);
    expect(r.rejected[0].reason).toBe('2 fields for 3 columns');
    expect(r.rejected[2].reason).toBe('names nobody: a phone number (555 0100 200) but no name and no e-mail');
  });
});
