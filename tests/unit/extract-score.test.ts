// The scorer of real-pages.md (lib/extract/score.ts) on small invented results: each
// rule gives right when it should, wrong when an ok value differs, unread when the
// field is not ok.
import { expectedBirthday, expectedCount, handleOf, photoKey, scorePage, totals, parseSidecar, type Sidecar } from '../../lib/extract/score';
import { emptyFields, type Extraction, type Fields } from '../../lib/extract/types';

function res(fields: Partial<Record<keyof Fields, unknown>>, over: Partial<Extraction> = {}): Extraction {
  const f = emptyFields() as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) f[k] = v === 'unreadable' ? { status: 'unreadable' } : { status: 'ok', value: v, via: 't' };
  return { site: 'linkedin', kind: 'profile', profileUrl: 'https://www.linkedin.com/in/jane-roe-7/', lang: 'en', fields: f as Fields, ...over };
}
const car = (expected: Record<string, unknown>, url = 'https://www.linkedin.com/in/jane-roe-7/'): Sidecar => ({ url, expected });
/** the verdict of the one key of `expected` */
function verdict(r: Extraction, expected: Record<string, unknown>): string {
  const s = scorePage(r, car(expected));
  expect(s.problems).toEqual([]);
  expect(s.keys).toHaveLength(1);
  return s.keys[0].verdict;
}

describe('scorer: text fields', () => {
  it('folds case, whitespace, dashes and invisible characters', () => {
    expect(verdict(res({ name: 'Jane\u00a0 Roe\u200b' }), { name: ' jane roe' })).toBe('right');
    expect(verdict(res({ headline: 'CEO – Acme' }), { headline: 'ceo - acme' })).toBe('right');
  });
  it('another text is wrong, not ok is unread', () => {
    expect(verdict(res({ name: 'John Doe' }), { name: 'Jane Roe' })).toBe('wrong');
    expect(verdict(res({ name: 'Jane Roe Smith' }), { name: 'Jane Roe' })).toBe('wrong');
    expect(verdict(res({ name: 'unreadable' }), { name: 'Jane Roe' })).toBe('unread');
    expect(verdict(res({}), { name: 'Jane Roe' })).toBe('unread');
  });
  it('maps current_company to company, location and hometown to theirs', () => {
    expect(verdict(res({ company: 'Acme Ltd' }), { current_company: 'acme ltd' })).toBe('right');
    expect(verdict(res({ company: 'Acme Ltd' }), { current_company: 'Initech' })).toBe('wrong');
    expect(verdict(res({ location: 'Kazan' }), { location: 'Kazan' })).toBe('right');
    expect(verdict(res({ location: 'Kazan' }), { hometown: 'Kazan' })).toBe('unread');
  });
  it('about_startswith: the About read starts with it', () => {
    expect(verdict(res({ about: 'I build bridges.\nAnd roads.' }), { about_startswith: 'I build  bridges. and' })).toBe('right');
    expect(verdict(res({ about: 'Skills: welding' }), { about_startswith: 'I build bridges' })).toBe('wrong');
    expect(verdict(res({ about: 'I build' }), { about_startswith: 'I build bridges' })).toBe('wrong');
  });
});

describe('scorer: counts', () => {
  it('reads the expected count as shown', () => {
    expect(expectedCount('500+')).toBe(500);
    expect(expectedCount('1,234')).toBe(1234);
    expect(expectedCount('1 234')).toBe(1234);
    expect(expectedCount('1\u00a0234')).toBe(1234);
    expect(expectedCount('1.234')).toBe(1234);
    expect(expectedCount('1.2K')).toBe(1200);
    expect(expectedCount(356)).toBe(356);
    expect(expectedCount('many')).toBeNull();
  });
  it('compares numbers', () => {
    expect(verdict(res({ connections: 500 }), { connections: '500+' })).toBe('right');
    expect(verdict(res({ followers: 1234 }), { followers: '1,234' })).toBe('right');
    expect(verdict(res({ followers: 1 }), { followers: '1,234' })).toBe('wrong');
    expect(verdict(res({ connections: 594 }), { connections: '500+' })).toBe('wrong');
  });
});

describe('scorer: lists', () => {
  it('schools: every expected school is among those read', () => {
    const r = res({ education: [{ school: 'MIT' }, { school: 'Kazan State University', degree: 'BSc' }] });
    expect(verdict(r, { schools: ['kazan state university'] })).toBe('right');
    expect(verdict(r, { schools: ['MIT', 'Kazan State University'] })).toBe('right');
    expect(verdict(r, { schools: ['MIT', 'Harvard'] })).toBe('wrong');
  });
  it('languages: every expected language is among those read', () => {
    expect(verdict(res({ languages: ['English', 'Polish'] }), { languages: ['polish'] })).toBe('right');
    expect(verdict(res({ languages: ['English'] }), { languages: ['English', 'Polish'] })).toBe('wrong');
    expect(verdict(res({}), { languages: ['English'] })).toBe('unread');
  });
  it('experience_first: company contained, title equal', () => {
    const r = res({ experience: [{ title: 'Engineer', company: 'Acme Ltd · Full-time' }, { title: 'Intern', company: 'Initech' }] });
    expect(verdict(r, { experience_first: { title: 'engineer', company: 'Acme Ltd' } })).toBe('right');
    expect(verdict(r, { experience_first: { company: 'Acme' } })).toBe('right');
    expect(verdict(r, { experience_first: { title: 'Intern', company: 'Acme Ltd' } })).toBe('wrong');
    expect(verdict(r, { experience_first: { title: 'Intern', company: 'Initech' } })).toBe('wrong');
    expect(verdict(res({ experience: [{ company: 'Acme Ltd' }] }), { experience_first: { title: 'Engineer', company: 'Acme' } })).toBe('wrong');
  });
});

describe('scorer: handle, birthday, photo', () => {
  it('takes the handle from the canonical profileUrl', () => {
    expect(handleOf('https://www.linkedin.com/in/jane-roe-7/')).toBe('jane-roe-7');
    expect(handleOf('https://www.facebook.com/profile.php?id=100004')).toBe('100004');
    expect(handleOf('https://www.facebook.com/jane.roe')).toBe('jane.roe');
    expect(handleOf('https://vk.com/id42')).toBe('id42');
    expect(handleOf('https://www.linkedin.com/in/%D0%B0%D0%BD%D0%BD%D0%B0/')).toBe('анна');
    expect(verdict(res({}), { handle: 'Jane-Roe-7' })).toBe('right');
    expect(verdict(res({}, { profileUrl: 'https://www.linkedin.com/in/someone-else/' }), { handle: 'jane-roe-7' })).toBe('wrong');
    expect(verdict(res({}, { profileUrl: null }), { handle: 'jane-roe-7' })).toBe('unread');
  });
  it('reads birthdays in the obvious forms', () => {
    const want = { day: 12, month: 3, year: 1990 };
    for (const s of ['12 March 1990', 'March 12, 1990', '12 марта 1990 г.', '12.03.1990', '1990-03-12', '12 mars 1990', '12 marca 1990', '12 березня 1990 р.']) {
      expect(expectedBirthday(s), s).toEqual(want);
    }
    expect(expectedBirthday('12 March')).toEqual({ day: 12, month: 3 });
    // months that end in "r" keep it (the year's "r." is Polish, after a number)
    for (const [s, month] of [['9 November 1995', 11], ['1 September 1990', 9], ['3 October 1990', 10], ['24 December 1990', 12]] as const) {
      expect(expectedBirthday(s), s).toEqual({ day: +s.split(' ')[0], month, year: +s.split(' ')[2] });
    }
    expect(expectedBirthday('12 marca 1990r.')).toEqual(want);
    expect(expectedBirthday({ day: 1, month: 2 })).toEqual({ day: 1, month: 2 });
    expect(expectedBirthday('sometime')).toBeNull();
    expect(expectedBirthday('31 Foo 1990')).toBeNull();
  });
  it('compares birthdays, a year the page does not show is wrong', () => {
    expect(verdict(res({ birthday: { day: 12, month: 3, year: 1990 } }), { birthday: '12 March 1990' })).toBe('right');
    expect(verdict(res({ birthday: { day: 12, month: 3 } }), { birthday: '12 March' })).toBe('right');
    expect(verdict(res({ birthday: { day: 3, month: 12, year: 1990 } }), { birthday: '12 March 1990' })).toBe('wrong');
    expect(verdict(res({ birthday: { day: 12, month: 3, year: 2024 } }), { birthday: '12 March' })).toBe('wrong');
    expect(verdict(res({ birthday: { day: 12, month: 3, year: 1991 } }), { birthday: '12 March 1990' })).toBe('wrong');
  });
  it('photo: same host and path, whatever the scheme, signature or size', () => {
    const a = 'https://media.licdn.com/dms/image/v2/D4E03AQx/profile-displayphoto-shrink_400_400/0/170?e=1&v=beta&t=abc';
    const b = 'http://media.licdn.com/dms/image/v2/D4E03AQx/profile-displayphoto-shrink_800_800/0/170?e=2&t=zzz';
    expect(photoKey(a)).toBe(photoKey(b));
    expect(photoKey('https://scontent.xx.fbcdn.net/v/t1.6435-1/c0.0.160.160a/p160x160/123_456_n.jpg?oh=1')).toBe(
      photoKey('https://scontent.xx.fbcdn.net/v/t1.6435-1/s320x320/123_456_n.jpg?oh=2'),
    );
    expect(verdict(res({ photoUrl: b }), { photo_url: a })).toBe('right');
    expect(verdict(res({ photoUrl: 'https://media.licdn.com/dms/image/v2/OTHER/x/0/170' }), { photo_url: a })).toBe('wrong');
    expect(verdict(res({ photoUrl: 'https://cdn.example.com/dms/image/v2/D4E03AQx/profile-displayphoto-shrink_400_400/0/170' }), { photo_url: a })).toBe('wrong');
  });
});

describe('scorer: null, negative cases, kinds', () => {
  it('null expected: must not be ok', () => {
    expect(verdict(res({}), { about: null })).toBe('right');
    expect(verdict(res({ about: 'unreadable' }), { about: null })).toBe('right');
    expect(verdict(res({ about: 'Skills: welding' }), { about: null })).toBe('wrong');
    expect(verdict(res({}, { profileUrl: 'https://www.linkedin.com/in/x-y-z/' }), { handle: null })).toBe('wrong');
  });
  it('negative_case: right when not a profile or nothing read', () => {
    expect(verdict(res({ name: 'Feed Person' }, { kind: 'not-profile' }), { negative_case: true })).toBe('right');
    expect(verdict(res({}, { kind: 'profile' }), { negative_case: true })).toBe('right');
    expect(verdict(res({ name: 'Outdated browser' }), { negative_case: true })).toBe('wrong');
  });
  it('a profile page reported as another kind is one wrong, the rest unread', () => {
    const s = scorePage(res({ name: 'Jane Roe' }, { kind: 'login-wall' }), car({ name: 'Jane Roe', headline: 'CEO' }));
    expect([s.right, s.wrong, s.unread]).toEqual([0, 1, 2]);
    expect(s.keys[0]).toMatchObject({ key: 'kind', verdict: 'wrong', got: 'login-wall' });
  });
  it('reports keys it does not know and values of the wrong shape, without counting them', () => {
    const s = scorePage(res({ connections: 5 }), car({ nmae: 'Jane', connections: 'lots', schools: 'MIT', birthday: 'soon' }));
    expect(s.problems).toHaveLength(4);
    expect(s.keys).toEqual([]);
  });
});

describe('scorer: totals and sidecars', () => {
  it('sums pages and gives % right over every scored key', () => {
    const a = scorePage(res({ name: 'Jane Roe', headline: 'X' }), car({ name: 'Jane Roe', headline: 'Y', location: 'Kazan' }));
    const b = scorePage(res({ name: 'Jane Roe' }), car({ name: 'Jane Roe' }));
    const t = totals([a, b]);
    expect(t).toMatchObject({ pages: 2, right: 2, wrong: 1, unread: 1 });
    expect(t.pctRight).toBeCloseTo(50);
    expect(totals([]).pctRight).toBe(0);
  });
  it('checks a sidecar has a url and an expected object', () => {
    expect(typeof parseSidecar({ expected: {} })).toBe('string');
    expect(typeof parseSidecar({ url: 'https://vk.com/id1' })).toBe('string');
    expect(typeof parseSidecar({ url: 'https://vk.com/id1', expected: {}, known_unread: [] })).toBe('string');
    expect(parseSidecar({ url: 'https://vk.com/id1', expected: { name: 'A' } })).toMatchObject({ url: 'https://vk.com/id1' });
  });
});
