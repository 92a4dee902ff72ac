// wordsOf: the one rule for comparing words (lib/model/words.ts), with its quick path for
// Latin and Cyrillic text. The rule it must equal: lower case, ё as е, every run of what
// is neither \p{L}, \p{M} nor \p{N} as one separator.
import { wordsOf } from '@/lib/model/words';

const rule = (s: string, sep = ' ') => s.toLowerCase().replace(/ё/g, 'е').replace(/[\ufe00-\ufe0f]/g, '').replace(/[^\p{L}\p{M}\p{N}]+/gu, sep);

describe('wordsOf', () => {
  it('says what the Unicode rule says for every character of the Basic Multilingual Plane, beside Latin and Cyrillic letters', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      const s = `Ab${String.fromCharCode(cp)}Яё`;
      if (wordsOf(s) !== rule(s) || wordsOf(s, '') !== rule(s, '')) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('reads names, companies and headers as matching needs them', () => {
    expect(wordsOf('Anna-Maria  KOWALSKI ').trim()).toBe('anna maria kowalski');
    expect(wordsOf('ООО «Ромашка», Пётр Ёлкин')).toBe('ооо ромашка петр елкин');
    expect(wordsOf('E-mail 1 - Value', '')).toBe('email1value');
    expect(wordsOf('Øre ½ µ², İstanbul')).toBe(rule('Øre ½ µ², İstanbul'));
    expect(wordsOf('山田 太郎 (Taro)').trim()).toBe('山田 太郎 taro');
    expect(wordsOf('Ἀθῆναι · 😀 ok')).toBe(rule('Ἀθῆναι · 😀 ok'));
    // a Thai or Hindi word's vowel signs are inside it; an emoji's variation selector makes no word
    expect(wordsOf('สุภาวดี ทองคำ')).toBe('สุภาวดี ทองคำ');
    expect(wordsOf('प्रिया शर्मा')).toBe('प्रिया शर्मा');
    expect(wordsOf('🎂Ana ♥️').trim()).toBe('ana');
  });
});
