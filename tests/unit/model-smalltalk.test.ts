import type { Contact, Note } from '../../lib/domain/entities';
import { emptyFields, type FieldValues } from '../../lib/extract/types';
import { BIRTHDAY_DAYS, daysUntilBirthday, parseMonth, smallTalk } from '../../lib/model/smalltalk';
import type { ProfileRead } from '../../lib/model/tie';
import { DAY } from '@/lib/domain/time';

const NOW = Date.UTC(2025, 5, 1, 15); // 1 June 2025, 15:00 UTC
const src = { kind: 'user' as const, at: 0 };
const contact = (more: Partial<Contact> = {}): Contact => ({
  id: 'c', name: 'Olga Smirnova', emails: [], phones: [], tags: [], nameKeys: [], source: src, createdAt: 0, updatedAt: 0, ...more,
});
const note = (id: string, daysAgo: number, text: string): Note => ({ id, contactId: 'c', text, createdAt: NOW - daysAgo * DAY, updatedAt: 0, source: src });
function read(values: Partial<FieldValues>, network: ProfileRead['network'] = 'vk'): ProfileRead {
  const fields = emptyFields();
  for (const [k, v] of Object.entries(values)) (fields as Record<string, unknown>)[k] = { status: 'ok', value: v, via: 't' };
  return { network, url: `https://${network}.com/olga`, readAt: NOW - DAY, extraction: { site: network, kind: 'profile', profileUrl: null, lang: 'ru', fields } };
}

describe('smallTalk', () => {
  const profile = read({
    hometown: 'Тверь',
    location: 'Москва, Россия',
    education: [{ school: 'МГУ' }],
    interests: ['Хоккей', 'jazz', 'фотография'],
    experience: [
      { company: 'Globex', title: 'CTO', start: 'апр. 2025' },
      { company: 'Tiewise GmbH', start: '2019-01', end: '2024-12' },
    ],
    birthday: { day: 10, month: 6 },
    mutual: 12,
    languages: ['Русский', 'Исландский'],
  });
  const topics = smallTalk(
    {
      contact: contact({ interests: ['sailing'] }),
      notes: [note('n1', 100, 'Plays tennis on weekends'), note('n2', 5, 'Сын занимается футболом, сама увлекается рыбалкой')],
      profiles: [profile],
      rep: { company: 'Tiewise', city: 'Moscow', schools: ['MGU'], languages: ['Russian', 'Icelandic'] },
    },
    NOW,
  );
  const byKind = (k: string) => topics.filter((t) => t.kind === k).map((t) => t.value);

  it('leads with shared ground, then timely topics', () => {
    expect(topics.slice(0, 6).map((t) => t.kind)).toEqual([
      'shared-employer', 'shared-school', 'shared-city', 'shared-language', 'birthday', 'job-change',
    ]);
  });

  it('reads each topic with its source', () => {
    expect(byKind('shared-employer')).toEqual(['Tiewise GmbH']);
    expect(byKind('shared-school')).toEqual(['МГУ']);
    expect(byKind('shared-city')).toEqual(['Москва, Россия']);
    expect(byKind('shared-language')).toEqual(['Исландский']); // Russian is the rep's first language
    expect(topics.find((t) => t.kind === 'birthday')).toMatchObject({ value: '10.06', days: 9, source: { kind: 'profile', network: 'vk' } });
    expect(topics.find((t) => t.kind === 'job-change')).toMatchObject({ value: 'CTO @ Globex', days: 61 });
    expect(byKind('mutual')).toEqual(['12']);
    expect(byKind('hometown')).toEqual(['Тверь']);
    expect(byKind('sport')).toEqual(['Хоккей', 'футболом', 'tennis']);
    expect(byKind('hobby')).toEqual(['фотография', 'рыбалкой']);
    expect(byKind('interest')).toEqual(['jazz', 'sailing']);
    expect(topics.find((t) => t.value === 'футболом')!.source).toEqual({ kind: 'note', noteId: 'n2', at: NOW - 5 * DAY });
    expect(topics.find((t) => t.value === 'sailing')!.source).toEqual({ kind: 'contact', contactId: 'c', field: 'interests' });
  });

  it('says nothing it does not know', () => {
    expect(smallTalk({ contact: contact() }, NOW)).toEqual([]);
  });

  it('an old job or a far birthday is not news', () => {
    const t = smallTalk({ contact: contact({ birthday: { day: 1, month: 9 } }), profiles: [read({ experience: [{ company: 'X', start: '2020-01' }] })] }, NOW);
    expect(t).toEqual([]);
  });
});

describe('dates', () => {
  it('parses the month formats profiles show', () => {
    expect(parseMonth('2025-04')).toBe(Date.UTC(2025, 3, 1));
    expect(parseMonth('04.2025')).toBe(Date.UTC(2025, 3, 1));
    expect(parseMonth('Apr 2025')).toBe(Date.UTC(2025, 3, 1));
    expect(parseMonth('апрель 2025 г.')).toBe(Date.UTC(2025, 3, 1));
    expect(parseMonth('2019')).toBe(Date.UTC(2019, 0, 1));
    expect(parseMonth('present')).toBeNull();
  });
  it('counts days to a birthday across the new year and on 29 February', () => {
    expect(daysUntilBirthday({ day: 1, month: 6 }, NOW)).toBe(0);
    expect(daysUntilBirthday({ day: 2, month: 1 }, Date.UTC(2025, 11, 30))).toBe(3);
    expect(daysUntilBirthday({ day: 29, month: 2 }, Date.UTC(2025, 1, 20))).toBe(9); // 1 March 2025
    expect(daysUntilBirthday({ day: 31, month: 5 }, NOW)).toBeGreaterThan(BIRTHDAY_DAYS);
  });
});
