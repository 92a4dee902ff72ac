import fc from 'fast-check';
import type { Contact } from '../../lib/domain/entities';
import { emptyFields, type Extraction } from '../../lib/extract/types';
import {
  AUTO_LINK_THRESHOLD, DUPLICATE_THRESHOLD, MatchIndex, SUGGEST_THRESHOLD, findCandidates, findDuplicates,
  matchInputFromExtraction, mergePlan, namesNoOrganisation, normCity, normCompany, scoreMatch,
} from '../../lib/model/identity';
import { compareNames, foldWord, nameKeys, parseName } from '../../lib/model/names';

let seq = 0;
function contact(name: string, more: Partial<Contact> = {}): Contact {
  seq++;
  return {
    id: more.id ?? `c${seq}`, name, emails: [], phones: [], tags: [], nameKeys: nameKeys(name),
    source: { kind: 'user', at: 0 }, createdAt: 1000 + seq, updatedAt: 1000 + seq, ...more,
  };
}

const kind = (a: string, b: string) => compareNames(parseName(a), parseName(b)).kind;

describe('names: one loose key for both scripts', () => {
  it.each([
    ['Иван Петров', 'Ivan Petrov', 'translit'],
    ['Юлия Смирнова', 'Yulia Smirnova', 'translit'],
    ['Юлия Смирнова', 'Julia Smirnova', 'translit'],
    ['Юлия Смирнова', 'Iuliia Smirnova', 'translit'],
    ['Дмитрий Орлов', 'Dmitry Orlov', 'translit'],
    ['Дмитрий Орлов', 'Dmitrii Orlov', 'translit'],
    ['Дмитрий Орлов', 'Dmitriy Orlov', 'translit'],
    ['Алексей Щукин', 'Alexey Shchukin', 'translit'],
    ['Алексей Щукин', 'Aleksei Schukin', 'translit'],
    ['Михаил Хабаров', 'Mihail Habarov', 'translit'],
    ['Елена Соколова', 'Yelena Sokolova', 'translit'],
    ['Евгений Цветков', 'Yevgeny Tsvetkov', 'translit'],
    ['Alexander Smirnov', 'Aleksandr Smirnov', 'translit'],
    ['José García', 'Jose Garcia', 'exact'],
    ['Zoë Müller', 'Zoe Muller', 'exact'],
    ['IVAN  PETROV', 'ivan petrov', 'exact'],
    ['Petrov, Ivan', 'Ivan Petrov', 'exact'],
    ['Petrov Ivan', 'Ivan Petrov', 'exact'],
    ['Иван Петрович Петров', 'Ivan Petrov', 'translit'],
    ['Петров Иван Петрович', 'Ivan Petrov', 'translit'],
    ['Bill Gates', 'William Gates', 'nickname'],
    ['Gates, William H.', 'Bill Gates', 'nickname'],
    ['Bob Dylan', 'Robert Dylan', 'nickname'],
    ['Kate Volkova', 'Ekaterina Volkova', 'nickname'],
    ['Катя Волкова', 'Katherine Volkova', 'nickname'],
    ['Sasha Ivanov', 'Александр Иванов', 'nickname'],
    ['Dima Kozlov', 'Dmitry Kozlov', 'nickname'],
    ['Vanya Orlov', 'Ivan Orlov', 'nickname'],
    ['Lena Sokolova', 'Елена Соколова', 'nickname'],
    ['Юлия Ким', 'Julia Kim', 'translit'],
    ['A. Kowalski', 'Adam Kowalski', 'initial'],
    ['A.K. Kowalski', 'Adam Kowalski', 'initial'],
    ['Dr. Adam Kowalski', 'Adam Kowalski', 'exact'],
    ['Konstantin Shevchenko', 'Konstantin Shevchenka', 'fuzzy'],
  ])('%s ~ %s (%s)', (a, b, k) => {
    expect(kind(a, b)).toBe(k);
    expect(kind(b, a)).toBe(k);
  });

  it.each([
    ['Ivan Petrov', 'Ivan Petrenko'],
    ['Ivan Petrov', 'Ivan Petrova'],
    ['Ivan Petrov', 'Igor Petrov'],
    ['Anna Smirnova', 'Maria Smirnova'],
    ['Иван Петров', 'Иван Сидоров'],
    ['B. Kowalski', 'Adam Kowalski'],
    ['John Smith', 'Jane Smith'],
  ])('%s and %s stay apart', (a, b) => {
    expect(kind(a, b)).toBe('none');
  });

  it('folds translit variants to one key', () => {
    const k = (s: string) => parseName(s).full.map((t) => t.key).join(' ');
    expect(k('Юлия')).toBe(k('Yulia'));
    expect(k('Юлия')).toBe(k('Iuliia'));
    expect(k('Julia')).toBe(k('Yuliya'));
    expect(k('Щукин')).toBe(k('Shchukin'));
    expect(foldWord('dmitriy')).toBe(foldWord('dmitrii'));
  });

  it('keeps name keys few and shared across scripts and orders', () => {
    expect(nameKeys('Иван Петров')).toEqual(nameKeys('Ivan Petrov'));
    expect(new Set(nameKeys('Petrov, Ivan'))).toEqual(new Set(nameKeys('Ivan Petrov')));
    expect(nameKeys('Ivan Petrov').length).toBeLessThanOrEqual(6);
    expect(nameKeys('Bill Gates')).toContain('s:gates|v'); // William's initial, folded w→v
    expect(nameKeys('William Gates')).toContain('s:gates|v');
    expect(nameKeys('')).toEqual([]);
  });

  it('nameKeys never throws and stays small (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const ks = nameKeys(s);
        expect(Array.isArray(ks)).toBe(true);
        // two keys per word, plus a few pair keys
        expect(ks.length).toBeLessThanOrEqual(parseName(s).full.length + 8);
      }),
    );
  });
});

describe('normalising companies and cities', () => {
  it('drops legal forms and quotes, in both scripts', () => {
    expect(normCompany('ООО «Яндекс»')).toBe(normCompany('Yandex LLC'));
    expect(normCompany('Acme, Inc.')).toBe(normCompany('ACME'));
  });
  it('a company that names no organisation ("Self-employed", "Student", "Частное лицо") has no key; one that holds such a word has', () => {
    for (const s of ['Self-employed', 'Self Employed', 'Freelance', 'Student', 'Retired', 'Частное лицо', 'Самозанятый', 'Selbstständig', 'Autónomo']) expect(normCompany(s), s).toBe('');
    expect(normCompany('The Independent')).toBe('independent');
    expect(normCompany('Home Depot')).not.toBe('');
    expect(normCompany('Self Storage Inc')).not.toBe('');
  });
  it('a name of legal forms alone has no key but names no "no organisation" either, whichever is asked first (one cache serves both)', () => {
    expect(normCompany('LLC')).toBe('');
    expect(namesNoOrganisation('LLC')).toBe(false);
    expect(namesNoOrganisation('Ltd.')).toBe(false);
    expect(normCompany('Ltd.')).toBe('');
    expect(namesNoOrganisation('Self-employed')).toBe(true);
    expect(normCompany('Self-employed')).toBe('');
    expect(namesNoOrganisation('')).toBe(false);
    expect(namesNoOrganisation('Initech')).toBe(false);
  });
  it('resolves city aliases', () => {
    expect(normCity('Moscow, Russia')).toBe(normCity('Москва'));
    expect(normCity('Санкт-Петербург')).toBe(normCity('St. Petersburg'));
    expect(normCity('Kiev')).toBe(normCity('Kyiv, Ukraine'));
  });
});

describe('scoreMatch', () => {
  it('a linked canonical URL is certain', () => {
    const c = contact('Someone Else');
    const r = scoreMatch({ name: 'Ivan Petrov', profileUrls: ['https://www.linkedin.com/in/ipetrov/'] }, c, {
      contactUrls: ['https://linkedin.com/in/ipetrov'],
    });
    expect(r.score).toBe(1);
    expect(r.reasons[0].code).toBe('linked-url');
  });

  it('combines name, company and city as a noisy-OR, with reasons', () => {
    const c = contact('Иван Петров', { company: 'ООО «Ромашка»', city: 'Москва' });
    const r = scoreMatch({ name: 'Ivan Petrov', company: 'Romashka LLC', location: 'Moscow, Russia' }, c);
    // 1 − (1 − 0.58)(1 − 0.35)(1 − 0.2) = 0.7816
    expect(r.score).toBeCloseTo(0.7816, 4);
    expect(r.reasons.map((x) => x.code)).toEqual(['name-translit', 'company', 'city']);
    expect(r.score).toBeLessThan(AUTO_LINK_THRESHOLD); // a name is never enough to link alone
  });

  it('an e-mail shown on the profile can auto-link', () => {
    const c = contact('Ivan Petrov', { emails: ['Ivan.Petrov@romashka.ru'] });
    const r = scoreMatch({ name: 'Ivan Petrov', emails: ['ivan.petrov@romashka.ru'] }, c);
    expect(r.score).toBeGreaterThanOrEqual(AUTO_LINK_THRESHOLD);
    expect(r.reasons[0].code).toBe('email');
  });

  it('matches phones across formats', () => {
    const c = contact('Иван Петров', { phones: ['8 (916) 123-45-67'] });
    expect(scoreMatch({ name: 'Ivan Petrov', phones: ['+7 916 123 45 67'] }, c).reasons.map((r) => r.code)).toContain('phone');
  });

  it('website domain ↔ e-mail domain is a weak signal; free mail is none', () => {
    const c = contact('Ivan Petrov', { emails: ['ivan@romashka.ru', 'ivan@gmail.com'] });
    const r = scoreMatch({ name: 'Ivan Petrov', websites: ['https://www.romashka.ru/team'] }, c);
    expect(r.reasons.map((x) => x.code)).toContain('website-domain');
    const r2 = scoreMatch({ name: 'Ivan Petrov', websites: ['https://gmail.com'] }, c);
    expect(r2.reasons.map((x) => x.code)).not.toContain('website-domain');
  });

  it('different names are pushed down; different companies only a little', () => {
    const c = contact('Ivan Petrenko', { company: 'Acme', city: 'Moscow' });
    const r = scoreMatch({ name: 'Ivan Petrov', company: 'Acme', location: 'Moscow' }, c);
    expect(r.score).toBeLessThan(SUGGEST_THRESHOLD);
    expect(r.reasons.map((x) => x.code)).toContain('name-differs');
    const moved = scoreMatch({ name: 'Ivan Petrov', company: 'Globex' }, contact('Ivan Petrov', { company: 'Acme' }));
    expect(moved.score).toBeGreaterThan(SUGGEST_THRESHOLD);
  });

  it('works from an Extraction', () => {
    const fields = emptyFields();
    fields.name = { status: 'ok', value: 'Юлия Щукина', via: 'h1' };
    fields.company = { status: 'ok', value: 'Globex', via: 'x' };
    fields.websites = { status: 'ok', value: ['mailto:yulia@globex.com', 'https://globex.com'], via: 'x' };
    const x: Extraction = { site: 'vk', kind: 'profile', profileUrl: 'https://vk.com/yulia', lang: 'ru', fields };
    const input = matchInputFromExtraction(x);
    expect(input.emails).toEqual(['yulia@globex.com']);
    const r = scoreMatch(input, contact('Iuliia Shchukina', { company: 'Globex Inc.', emails: ['yulia@globex.com'] }));
    expect(r.score).toBeGreaterThan(0.95);
  });

  it('scores stay in [0,1] and are symmetric for contact pairs (property)', () => {
    const names = ['Ivan Petrov', 'Иван Петров', 'Petrov, I.', 'Bill Gates', 'William Gates', 'Юлия Ким', 'Julia Kim', 'Anna', ''];
    const companies = [undefined, 'Acme', 'ACME Inc.', 'Globex'];
    const cities = [undefined, 'Moscow', 'Москва', 'Berlin'];
    const arb = fc.record({
      name: fc.constantFrom(...names),
      company: fc.constantFrom(...companies),
      location: fc.constantFrom(...cities),
      emails: fc.subarray(['a@x.com', 'b@y.com']),
    });
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        const r1 = scoreMatch(a, b);
        const r2 = scoreMatch(b, a);
        expect(r1.score).toBeGreaterThanOrEqual(0);
        expect(r1.score).toBeLessThanOrEqual(1);
        expect(r1.score).toBeCloseTo(r2.score, 6);
      }),
    );
  });
});

describe('candidates through the blocking index', () => {
  const book = [
    contact('Иван Петров', { id: 'ru-ivan', company: 'Ромашка', city: 'Москва' }),
    contact('Ivan Petrenko', { id: 'ivan-petrenko', company: 'Ромашка' }),
    contact('Igor Petrov', { id: 'igor' }),
    contact('William Gates', { id: 'bill', company: 'Microsoft' }),
    contact('Adam Kowalski', { id: 'adam' }),
    contact('Maria Lopez', { id: 'maria', emails: ['maria@lopez.es'] }),
  ];
  const idx = new MatchIndex(book);

  it('finds the translit match first, and not the lookalike', () => {
    const c = idx.candidates({ name: 'Ivan Petrov', company: 'Romashka' });
    expect(c[0].contact.id).toBe('ru-ivan');
    expect(c.map((x) => x.contact.id)).not.toContain('ivan-petrenko');
    expect(c.map((x) => x.contact.id)).not.toContain('igor');
  });

  it('finds nicknames, initials and reversed order', () => {
    expect(idx.candidates({ name: 'Bill Gates' })[0].contact.id).toBe('bill');
    expect(idx.candidates({ name: 'A. Kowalski' })[0].contact.id).toBe('adam');
    expect(idx.candidates({ name: 'Kowalski, Adam' })[0].contact.id).toBe('adam');
    expect(idx.candidates({ name: 'Петров Иван' })[0].contact.id).toBe('ru-ivan');
  });

  it('finds by e-mail even when the name differs', () => {
    const c = idx.candidates({ name: 'M. L.', emails: ['MARIA@lopez.es'] });
    expect(c[0].contact.id).toBe('maria');
    expect(c[0].autoLink).toBe(true);
  });

  it('updates and removes', () => {
    const i2 = new MatchIndex(book);
    i2.update({ ...book[4], name: 'Adam Nowak', nameKeys: nameKeys('Adam Nowak') });
    expect(i2.candidates({ name: 'Adam Kowalski' })).toEqual([]);
    expect(i2.candidates({ name: 'Adam Nowak' })[0].contact.id).toBe('adam');
    i2.remove('adam');
    expect(i2.candidates({ name: 'Adam Nowak' })).toEqual([]);
    expect(i2.size).toBe(book.length - 1);
  });

  it('findCandidates works with any lookup (the DB layer passes its index)', () => {
    const asked: string[][] = [];
    const r = findCandidates(
      { name: 'Bill Gates' },
      { byNameKeys: (ks) => (asked.push(ks), idx.byNameKeys(ks)) },
    );
    expect(r[0].contact.id).toBe('bill');
    expect(asked[0].every((k) => k.startsWith('s:'))).toBe(true);
  });

  it('the index returns what a full scan returns (property)', () => {
    const pool = ['Ivan Petrov', 'Иван Петров', 'Ivan Petrenko', 'Bill Gates', 'William Gates', 'Adam Kowalski', 'A. Kowalski', 'Юлия Ким', 'Julia Kim', 'Kim Julia', 'Dima Orlov', 'Дмитрий Орлов'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }), fc.constantFrom(...pool), (names, q) => {
        const cs = names.map((n, i) => contact(n, { id: `p${i}` }));
        const viaIndex = new MatchIndex(cs).candidates({ name: q }).map((c) => c.contact.id).sort();
        const scan = cs.filter((c) => scoreMatch({ name: q }, c).score >= SUGGEST_THRESHOLD).map((c) => c.id).sort();
        expect(viaIndex).toEqual(scan);
      }),
    );
  });
});

describe('duplicates and merge plans', () => {
  it('reports the same person from LinkedIn and VK, never all pairs', () => {
    const cs = [
      contact('Ivan Petrov', { id: 'a', company: 'Acme', createdAt: 5 }),
      contact('Иван Петров', { id: 'b', company: 'Акме', createdAt: 9 }),
      contact('Ivan Petrenko', { id: 'c', company: 'Acme' }),
      contact('Olga Ivanova', { id: 'd', emails: ['olga@x.ru'] }),
      contact('O. Ivanova', { id: 'e', emails: ['OLGA@x.ru'] }),
    ];
    const d = findDuplicates(cs);
    expect(d.map((p) => `${p.a}-${p.b}`)).toEqual(['d-e', 'a-b']);
    expect(d.every((p) => p.score >= DUPLICATE_THRESHOLD)).toBe(true);
  });

  it('merge keeps the CRM contact, fills blanks, unites lists, records conflicts', () => {
    const a = contact('A. Kowalski', { id: 'a', createdAt: 1, emails: ['a@k.pl'], city: 'Warsaw', company: 'Acme', lastContactAt: 50 });
    const b = contact('Adam Kowalski', { id: 'b', createdAt: 9, crmId: 'crm-1', emails: ['A@K.pl', 'adam@home.pl'], company: 'Globex', lastContactAt: 70 });
    const plan = mergePlan(a, b, 1234);
    expect(plan.survivorId).toBe('b');
    expect(plan.reassign).toEqual({ from: 'a', to: 'b' });
    expect(plan.merged.city).toBe('Warsaw');
    expect(plan.merged.company).toBe('Globex');
    expect(plan.merged.emails).toEqual(['A@K.pl', 'adam@home.pl']);
    expect(plan.merged.createdAt).toBe(1);
    expect(plan.merged.updatedAt).toBe(1234);
    expect(plan.merged.lastContactAt).toBe(70);
    expect(plan.merged.name).toBe('Adam Kowalski');
    expect(plan.conflicts).toContainEqual({ field: 'company', kept: 'Globex', dropped: 'Acme' });
    expect(plan.merged.nameKeys).toEqual(expect.arrayContaining(nameKeys('Adam Kowalski')));
  });

  it('without a CRM id, the older contact survives and a fuller name is kept', () => {
    const a = contact('Adam Kowalski', { id: 'a', createdAt: 10 });
    const b = contact('A. Kowalski', { id: 'b', createdAt: 2 });
    const plan = mergePlan(a, b, 0);
    expect(plan.survivorId).toBe('b');
    expect(plan.merged.name).toBe('Adam Kowalski');
    expect(plan.reasons[0].code).toBe('survivor-older');
  });
});
