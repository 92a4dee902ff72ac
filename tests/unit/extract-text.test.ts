import { JSDOM } from 'jsdom';
import { pageLang } from '../../lib/extract/core';
import { clean, hasWordChar, isLetters, isoMonth, labelRe, labelReOnce, parseBirthday, parseCount, parseDate, parseRange, plausible, safeUrl, text } from '../../lib/extract/text';

describe('parseCount', () => {
  it.each([
    ['500+', 500], ['500+ connections', 500], ['1,234', 1234], ['1 234', 1234], ['1\u00a0234', 1234],
    ['1\u2009234', 1234], ['1\u202f234 отслеживающих', 1234], ['1.234', 1234], ['1,2K', 1200], ['1.2K', 1200],
    ['1,2 тыс.', 1200], ['1,2 тыс. друзей', 1200], ['12 млн', 12_000_000], ['3.5M followers', 3_500_000],
    ['12K', 12000], ['1,2 mil', 1200], ['5 mil seguidores', 5000], ['2 tys. obserwujących', 2000], ['245', 245], ['0', 0], ['1,234,567', 1234567], ['87 mutual', 87], ['2,5к', 2500],
  ])('%j → %d', (s, n) => expect(parseCount(s)).toBe(n));
  it.each([[''], ['connections'], [null], ['много']])('%j → null', (s) => expect(parseCount(s)).toBeNull());
});

describe('parseDate and friends', () => {
  it.each([
    ['15 March 1990', { day: 15, month: 3, year: 1990 }],
    ['March 15, 1990', { day: 15, month: 3, year: 1990 }],
    ['15 марта 1990 г.', { day: 15, month: 3, year: 1990 }],
    ['3 мая', { day: 3, month: 5 }],
    ['1 сентября 2001', { day: 1, month: 9, year: 2001 }],
    ['Mar 2021', { month: 3, year: 2021 }],
    ['мар. 2021 г.', { month: 3, year: 2021 }],
    ['февр. 2020 г.', { month: 2, year: 2020 }],
    ['1990-03-15', { day: 15, month: 3, year: 1990 }],
    ['15.03.1990', { day: 15, month: 3, year: 1990 }],
    ['2019', { year: 2019 }],
    ['декабрь 2019', { month: 12, year: 2019 }],
  ])('%j', (s, d) => expect(parseDate(s)).toEqual(d));
  it('rejects non-dates', () => {
    expect(parseDate('Product Manager')).toBeNull();
    expect(parseDate('32 March')).toBeNull();
    expect(parseDate('')).toBeNull();
  });
  it('birthdays need a day and a month', () => {
    expect(parseBirthday('15 марта')).toEqual({ day: 15, month: 3 });
    expect(parseBirthday('March 1990')).toBeNull();
  });
  it('job ranges, present means no end', () => {
    expect(parseRange('Mar 2021 - Present · 3 yrs 4 mos')).toEqual({ start: '2021-03' });
    expect(parseRange('янв. 2021 г. – по настоящее время · 3 г.')).toEqual({ start: '2021-01' });
    expect(parseRange('мая 2018 г. – дек. 2020 г. · 2 г. 8 мес.')).toEqual({ start: '2018-05', end: '2020-12' });
    expect(parseRange('2008 – 2012')).toEqual({ start: '2008', end: '2012' });
    // an ongoing span's end, in every language the readers meet, is no date
    for (const w of ['Present', 'по настоящее время', 'н. в.', 'o momento', 'actualidad', "aujourd'hui", 'heute', 'obecnie', 'дотепер', 'oggi', 'Halen', 'Saat ini', 'heden', '至今', '현재', 'now', 'today']) {
      expect(isoMonth(w), w).toBeNull();
    }
  });
});

describe('safeUrl', () => {
  it('keeps http(s) only', () => {
    expect(safeUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeUrl('/in/x/', 'https://www.linkedin.com/feed/')).toBe('https://www.linkedin.com/in/x/');
    expect(safeUrl('not a url')).toBeNull();
  });
  it('unwraps redirects whose target is a query parameter', () => {
    expect(safeUrl('https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fanna.example.com%2F&urlhash=x')).toBe('https://anna.example.com/');
    expect(safeUrl('https://l.facebook.com/l.php?u=https%3A%2F%2Folga.example.org%2F&h=AT')).toBe('https://olga.example.org/');
    expect(safeUrl('https://vk.com/away.php?to=https%3A%2F%2Fdv.example.ru%2F')).toBe('https://dv.example.ru/');
    expect(safeUrl('https://vk.com/away.php?to=javascript%3Aalert(1)')).toBeNull();
  });
});

describe('text', () => {
  it('collapses whitespace and skips script bodies', () => {
    const d = new JSDOM('<p id=a>  Anna \n\t <b>K</b><script>alert(1)</script>&lt;i&gt;\u00a0x </p>').window.document;
    expect(text(d.getElementById('a'))).toBe('Anna K<i> x');
    expect(clean(' a\u200b b ')).toBe('a b');
  });
});

describe('label patterns and letter checks (compiled without Unicode mode where they can be)', () => {
  it('reads \\p{L} as the letters labels are written in, case-insensitively, and \\p{N} as a digit', () => {
    const followers = labelRe(String.raw`(?<![\p{L}])(?:подписчик\p{L}*|abonné\p{L}*)(?![\p{L}\p{N}])`);
    expect(followers.flags).toBe('i');
    expect(followers.test('356 ПОДПИСЧИКОВ')).toBe(true);
    expect(followers.test('1 200 Abonnés')).toBe(true);
    expect(followers.test('неподписчиков')).toBe(false); // a letter before: another word
    expect(followers.test('подписчик2')).toBe(false); // a digit after: not the label
  });
  it('keeps Unicode mode for a source that needs it', () => {
    expect(labelRe(String.raw`^\p{Lu}`).flags).toBe('iu');
    expect(labelRe('^😀 likes$').flags).toBe('iu');
    expect(labelRe('^😀 likes$').test('😀 likes')).toBe(true);
  });
  it('tells letters and digits of every script, quickly for Latin and Cyrillic', () => {
    for (const t of ['Anna', 'Ёлка', '2024', 'Łódź', '김민준', 'محمد', 'דנה']) expect(hasWordChar(t)).toBe(true);
    for (const t of ['—', '•••', '  ', '🙂', '·']) expect(hasWordChar(t)).toBe(false);
    expect(isLetters('März')).toBe(true);
    expect(isLetters('يناير')).toBe(true);
    expect(isLetters('mar1')).toBe(false);
    expect(plausible('🙂')).toBeNull();
    expect(plausible('王伟')).toBe('王伟');
  });
});

describe('labelReOnce', () => {
  it('builds a pattern once and gives the same one back (a read asks for the same patterns every time)', () => {
    const a = labelReOnce('(?:kontakt\\p{L}*)');
    expect(labelReOnce('(?:kontakt\\p{L}*)')).toBe(a);
    expect(a.test('500+ Kontakte')).toBe(true);
    expect(labelReOnce('(?:abonn\\p{L}*)')).not.toBe(a);
  });
});

describe('the page language (core pageLang)', () => {
  const lang = (head: string, htmlAttrs = '') => pageLang(new JSDOM(`<!doctype html><html${htmlAttrs}><head>${head}</head><body><p>x</p></body></html>`).window.document);
  it('reads <html lang>, then og:locale, then a content-language meta in any case', () => {
    expect(lang('', ' lang="pt-BR"')).toBe('pt');
    expect(lang('<meta property="og:locale" content="ru_RU">')).toBe('ru');
    expect(lang('<meta http-equiv="Content-Language" content="uk">')).toBe('uk');
    expect(lang('<meta http-equiv="content-language" content="de-AT">')).toBe('de');
    expect(lang('<meta name="description" content="en">')).toBeNull();
  });
});

describe('clean', () => {
  // the rule as written once: drop invisible characters, collapse whitespace, trim
  const rule = (s: string) =>
    s.replace(/[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u115f\u1160\u3164\uffa0\u2800]/g, '').replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();

  it('gives what the rule gives, whether the text needs cleaning or not', () => {
    const pieces = ['Анна', 'Smith', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u202f', '\u200b', '\u200e', '\ufeff', '\u3164', '\u2800', '\u200d', 'a', ':', '😀', '\u2028'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let k = rnd(8); k >= 0; k--) s += pieces[rnd(pieces.length)];
      expect(clean(s)).toBe(rule(s));
    }
    expect(clean('Город: Калининград')).toBe('Город: Калининград');
    expect(clean(' Город:\u00a0 Калининград ')).toBe('Город: Калининград');
    expect(clean('\u200b')).toBe('');
  });
});

describe('text: a budget spent on what the page shows', () => {
  it("a saved page's indentation counts as the one space it shows (the count after an indented heading is within 400)", () => {
    const pad = '\n' + ' '.repeat(60);
    const html = `<div><h2>${pad}<span aria-hidden="true">${pad}Activity${pad}</span>${pad}<span class="visually-hidden">${pad}Activity${pad}</span>${pad}</h2>` +
      `${pad}<p>${pad}<span aria-hidden="true">${pad}726 followers${pad}</span>${pad}</p></div>`;
    const el = new JSDOM(html).window.document.querySelector('div')!;
    expect(html.indexOf('726')).toBeGreaterThan(400);
    expect(text(el, 400)).toBe('Activity Activity 726 followers');
  });
});

describe('dates in the sites\' other UI languages', () => {
  it.each([
    ['Haz 2023', { year: 2023, month: 6 }], ['Oca 2020', { year: 2020, month: 1 }], ['Aralık 2019', { year: 2019, month: 12 }],
    ['Des 2021', { year: 2021, month: 12 }], ['Agu 2020', { year: 2020, month: 8 }], ['mei 2026', { year: 2026, month: 5 }],
    ['mrt 2020', { year: 2020, month: 3 }], ['maart 2020', { year: 2020, month: 3 }], ['giu 2019', { year: 2019, month: 6 }],
    ['lug 2018', { year: 2018, month: 7 }], ['ian. 2020', { year: 2020, month: 1 }], ['2023年1月', { year: 2023, month: 1 }],
    ['1997年3月22日', { year: 1997, month: 3, day: 22 }], ['3月22日', { month: 3, day: 22 }], ['2023년 3월', { year: 2023, month: 3 }],
  ])('%j', (s, want) => expect(parseDate(s)).toEqual(want));
  it('a word that only begins with a new language\'s month stem names no month ("desde 2020", "temps plein 2020")', () => {
    expect(parseDate('desde 2020')).toEqual({ year: 2020 });
    expect(parseDate('temps plein 2020')).toEqual({ year: 2020 });
    expect(parseDate('3 个月')).toBeNull();
  });
  it('LinkedIn ranges', () => {
    expect(parseRange('2023年1月 - 至今 · 3 年 1 个月')).toEqual({ start: '2023-01' });
    expect(parseRange('Haz 2023 - Halen · 3 ay')).toEqual({ start: '2023-06' });
    expect(parseRange('Apr 2019 - Des 2021 · 2 thn 9 bln')).toEqual({ start: '2019-04', end: '2021-12' });
    expect(parseRange('2024年1月 - 2024年7月 · 7个月')).toEqual({ start: '2024-01', end: '2024-07' });
  });
});
