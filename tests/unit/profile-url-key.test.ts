// One canonical profile URL for the whole project: two different people never share
// a key; every way of arriving at one person gives the same key (issue 12).
import fc from 'fast-check';
import { canonicalProfileUrl, profileUrlKey } from '@/lib/extract/urls';
import { keysOf, DuplicateIndex } from '@/lib/import/dedupe';
import { scoreMatch } from '@/lib/model/identity';
import { readChunks } from '@/lib/import/read';
import { planImport } from '@/lib/import/apply';

// ---- people, as each network tells them apart ----------------------------------

type Person =
  | { site: 'linkedin'; handle: string } // vanity handle: case-insensitive
  | { site: 'linkedin-id'; id: string } // member id ("ACoAAB…"): case-sensitive
  | { site: 'facebook-id'; id: string }
  | { site: 'facebook-name'; name: string }
  | { site: 'vk-id'; id: string }
  | { site: 'vk-name'; name: string };

/** What makes two people the same person on their network. */
function identity(p: Person): string {
  switch (p.site) {
    case 'linkedin': return 'li:' + p.handle.normalize('NFC').toLowerCase();
    case 'linkedin-id': return 'lid:' + p.id;
    case 'facebook-id': return 'fb:' + p.id;
    case 'facebook-name': return 'fbn:' + p.name.toLowerCase();
    case 'vk-id': return 'vk:' + p.id;
    case 'vk-name': return 'vkn:' + p.name.toLowerCase();
  }
}

const latin = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const cyr = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
const chars = (alphabet: string) => fc.constantFrom(...alphabet.split(''));
const str = (alphabet: string, min: number, max: number) =>
  fc.array(chars(alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));
const digits = (min: number, max: number) =>
  fc.tuple(fc.constantFrom(...'123456789'.split('')), str('0123456789', min - 1, max - 1)).map(([a, b]) => a + b);

const person: fc.Arbitrary<Person> = fc.oneof(
  // vanity handles: Latin, Cyrillic, digits and hyphens; composed and decomposed accents
  fc.tuple(str(latin + cyr + '0123456789-', 3, 30), fc.constantFrom('', 'é', 'e\u0301', 'ü'))
    .map(([h, acc]) => ({ site: 'linkedin' as const, handle: h + acc }))
    .filter((p) => p.handle.length >= 3),
  str(latin + '0123456789_-', 30, 36).map((s) => ({ site: 'linkedin-id' as const, id: 'ACoAA' + s })),
  digits(6, 17).map((id) => ({ site: 'facebook-id' as const, id })),
  fc.tuple(str('abcdefghijklmnopqrstuvwxyz', 3, 20), str('abcdefghijklmnopqrstuvwxyz0123456789', 2, 10))
    .map(([a, b]) => ({ site: 'facebook-name' as const, name: `${a}.${b}` })),
  digits(1, 10).map((id) => ({ site: 'vk-id' as const, id })),
  fc.tuple(str('abcdefghijklmnopqrstuvwxyz', 3, 12), str('abcdefghijklmnopqrstuvwxyz0123456789_', 0, 10))
    .map(([a, b]) => ({ site: 'vk-name' as const, name: a + b }))
    .filter((p) => !/^id\d/.test(p.name) && !['feed', 'friends', 'groups', 'search', 'login', 'settings', 'apps', 'audio', 'video', 'photos', 'music'].includes(p.name)),
);

// ---- the ways a user (or a CRM export) arrives at one person ----------------------

const anyCase = (s: string, flips: boolean[]) => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');
const pctEncode = (s: string, lower: boolean) => {
  const e = encodeURIComponent(s);
  return lower ? e.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()) : e;
};

const way = fc.record({
  flips: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  scheme: fc.constantFrom('https://', 'http://', '', '//'),
  slash: fc.boolean(),
  tracking: fc.constantFrom('', '?trk=public_profile_browsemap', '?utm_source=crm&utm_medium=x', '?ref=bookmarks', '?originalSubdomain=de'),
  fragment: fc.constantFrom('', '#experience', '#'),
  encoding: fc.constantFrom('raw', 'upper', 'lower'),
  liHost: fc.constantFrom('www.linkedin.com', 'linkedin.com', 'de.linkedin.com', 'ru.linkedin.com', 'se.linkedin.com', 'm.linkedin.com'),
  liTail: fc.constantFrom('', 'details/experience/', 'overlay/contact-info/', 'recent-activity/all/', 'details/skills/'),
  fbHost: fc.constantFrom('www.facebook.com', 'facebook.com', 'm.facebook.com', 'mbasic.facebook.com', 'web.facebook.com', 'touch.facebook.com', 'de-de.facebook.com', 'fb.com'),
  fbIdForm: fc.constantFrom('profile.php', 'profile.php-extra-first', 'people', 'bare', 'profile-path'),
  fbTab: fc.constantFrom('', 'about', 'friends', 'photos'),
  vkHost: fc.constantFrom('vk.com', 'www.vk.com', 'm.vk.com', 'vk.ru', 'm.vk.ru', 'new.vk.com'),
  vkQuery: fc.constantFrom('', '?w=wall1_2', '?z=photo1_2%2Falbum1_0', '?from=profile'),
});
type Way = typeof way extends fc.Arbitrary<infer T> ? T : never;

function urlOf(p: Person, w: Way): string {
  const s = w.scheme;
  const q = w.tracking;
  switch (p.site) {
    case 'linkedin': {
      const h = anyCase(p.handle, w.flips);
      const seg = w.encoding === 'raw' ? h : pctEncode(h, w.encoding === 'lower');
      return `${s}${w.liHost}/in/${seg}${w.slash || w.liTail ? '/' : ''}${w.liTail}${q}${w.fragment}`;
    }
    case 'linkedin-id':
      return `${s}${w.liHost}/in/${p.id}${w.slash ? '/' : ''}${w.liTail && '/' + w.liTail}${q}${w.fragment}`;
    case 'facebook-id':
      switch (w.fbIdForm) {
        case 'profile.php': return `${s}${w.fbHost}/profile.php?id=${p.id}${w.fbTab ? '&sk=' + w.fbTab : ''}${q.replace('?', '&')}${w.fragment}`;
        case 'profile.php-extra-first': return `${s}${w.fbHost}/profile.php?sk=about&id=${p.id}${w.fragment}`;
        case 'people': return `${s}${w.fbHost}/people/Some-Name/${p.id}${w.slash ? '/' : ''}${q}`;
        case 'bare': return `${s}${w.fbHost}/${p.id}${w.slash ? '/' : ''}${q}${w.fragment}`;
        case 'profile-path': return `${s}${w.fbHost}/profile/${p.id}${w.slash ? '/' : ''}${q}`;
      }
      break;
    case 'facebook-name':
      return `${s}${w.fbHost}/${anyCase(p.name, w.flips)}${w.fbTab ? '/' + w.fbTab : ''}${w.slash ? '/' : ''}${q}${w.fragment}`;
    case 'vk-id':
      return `${s}${w.vkHost}/id${p.id}${w.slash ? '/' : ''}${w.vkQuery}${w.fragment}`;
    case 'vk-name':
      return `${s}${w.vkHost}/${anyCase(p.name, w.flips)}${w.slash ? '/' : ''}${w.vkQuery}${w.fragment}`;
  }
  throw new Error('unreachable');
}

describe('profileUrlKey: one key per person', () => {
  it('every way of arriving at one person gives the same key, and it is a canonical profile URL', () => {
    fc.assert(
      fc.property(person, way, way, (p, w1, w2) => {
        const a = profileUrlKey(urlOf(p, w1));
        const b = profileUrlKey(urlOf(p, w2));
        expect(a).not.toBeNull();
        expect(a).toBe(b);
        expect(canonicalProfileUrl(urlOf(p, w1))?.profileUrl).toBe(a);
      }),
      { numRuns: 3000 },
    );
  });

  it('two different people never share a key', () => {
    fc.assert(
      fc.property(person, person, way, way, (p, q, w1, w2) => {
        fc.pre(identity(p) !== identity(q));
        expect(profileUrlKey(urlOf(p, w1))).not.toBe(profileUrlKey(urlOf(q, w2)));
      }),
      { numRuns: 3000 },
    );
  });

  it('ids that differ only in a digit are different people (the profile.php bug)', () => {
    fc.assert(
      fc.property(digits(6, 17), fc.nat(), fc.constantFrom(...'0123456789'.split('')), (id, at, d) => {
        const i = at % id.length;
        const other = id.slice(0, i) + d + id.slice(i + 1);
        fc.pre(other !== id && other[0] !== '0');
        const a = `https://www.facebook.com/profile.php?id=${id}`;
        const b = `https://www.facebook.com/profile.php?id=${other}`;
        expect(profileUrlKey(a)).not.toBe(profileUrlKey(b));
      }),
    );
  });

  it('an id and a short name are never one key (only the page can tell they are one person)', () => {
    expect(profileUrlKey('https://vk.com/id1234567')).not.toBe(profileUrlKey('https://vk.com/dvolkov'));
    expect(profileUrlKey('https://www.facebook.com/100004567890123')).toBe('https://www.facebook.com/profile.php?id=100004567890123');
  });

  it('other URLs keep what names the person: the query, but not the fragment or tracking', () => {
    expect(profileUrlKey('https://crm.example/people?id=1')).not.toBe(profileUrlKey('https://crm.example/people?id=2'));
    expect(profileUrlKey('https://crm.example/people?id=1&utm_source=x#top')).toBe(profileUrlKey('https://CRM.example/people/?id=1'));
    expect(profileUrlKey('https://crm.example/contact?ref=17')).not.toBe(profileUrlKey('https://crm.example/contact?ref=18'));
    expect(profileUrlKey('https://user:secret@crm.example/p/1')).toBeNull();
    expect(profileUrlKey('javascript:alert(1)')).toBeNull();
    expect(profileUrlKey('not a url')).toBeNull();
  });
});

describe('two Facebook people with profile.php ids', () => {
  const A = 'https://www.facebook.com/profile.php?id=100001234567';
  const B = 'https://www.facebook.com/profile.php?id=100009999999';

  it('are two contacts when one CSV holds both, with no duplicate reported', async () => {
    const csv = `Name,Facebook\nAnna One,${A}\nBoris Two,${B}\n`;
    const bytes = new TextEncoder().encode(csv);
    async function* chunks() { yield bytes; }
    const read = await readChunks(chunks(), { format: 'csv' });
    if (read.kind !== 'contacts') throw new Error(`read as ${read.kind}`);
    expect(read.accepted).toBe(2);
    expect(read.duplicates).toEqual([]);
    const plan = planImport(read, { contacts: [], profiles: [] }, { fileName: 'two.csv', now: 1 });
    expect(plan.contactsAdd.map((c) => c.name).sort()).toEqual(['Anna One', 'Boris Two']);
    expect(plan.profilesAdd.map((p) => p.url).sort()).toEqual([A, B]);
  });

  it('do not repeat each other in the in-file duplicate index', () => {
    const idx = new DuplicateIndex<number>();
    idx.add(keysOf({ name: 'Anna One', profileUrl: A } as never), 1);
    expect(idx.find(keysOf({ name: 'Boris Two', profileUrl: B } as never))).toBeUndefined();
    expect(idx.find(keysOf({ name: 'Anna', profileUrl: A + '&sk=about' } as never))?.by).toBe('profileUrl');
  });

  it('are not scored as one person', () => {
    const r = scoreMatch({ name: 'Anna One', profileUrls: [A] }, { name: 'Boris Two', profileUrls: [B] });
    expect(r.reasons.map((x) => x.code)).not.toContain('linked-url');
    expect(r.score).toBeLessThan(0.35);
    expect(scoreMatch({ name: 'Anna One', profileUrls: [A] }, { name: 'A. One', profileUrls: ['https://m.facebook.com/profile.php?sk=about&id=100001234567'] }).score).toBe(1);
  });
});
