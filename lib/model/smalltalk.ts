// Small talk: what to open a conversation with, each topic with where it was read
// from and when (transparency: every fact shows its source).
import type { Contact, Note } from '../domain/entities';
import type { Birthday, Job } from '../extract/types';
import { normCity, normCompany } from './identity';
import { GENERIC_MARKERS, PERSONAL_TOPICS, findTopics, languageCode } from './keywords';
import { foldText } from './names';
import { field, type ProfileRead, type RepContext } from './tie';
import { DAY } from '../domain/time';

export type TopicKind =
  | 'hometown' | 'city' | 'school' | 'sport' | 'hobby' | 'interest' | 'job-change' | 'birthday'
  | 'shared-employer' | 'shared-school' | 'shared-city' | 'shared-language' | 'mutual';

export type TopicSource =
  | { kind: 'profile'; network: ProfileRead['network']; url: string; readAt: number | null }
  | { kind: 'note'; noteId: string; at: number }
  /** a field of the CRM record itself (imported or typed by the user) */
  | { kind: 'contact'; contactId: string; field: string };

export interface Topic {
  kind: TopicKind;
  value: string;
  source: TopicSource;
  /** for job-change and birthday: days since / until */
  days?: number;
}

export interface SmallTalkInput {
  contact: Contact;
  notes?: Note[];
  profiles?: ProfileRead[];
  rep?: RepContext;
}

/** A job started within this many days counts as a recent job change. */
export const JOB_CHANGE_DAYS = 90;
/** A birthday within this many days is worth mentioning. */
export const BIRTHDAY_DAYS = 14;

/** Shared ground first (it opens a prospect call), then what is timely, then the rest. */
const ORDER: TopicKind[] = [
  'shared-employer', 'shared-school', 'shared-city', 'shared-language', 'birthday', 'job-change', 'mutual',
  'hometown', 'sport', 'hobby', 'interest', 'school', 'city',
];

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  янв: 1, фев: 2, мар: 3, апр: 4, мая: 5, май: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
};

/** "2024-05", "05.2024", "May 2024", "май 2024 г." → epoch ms of the month's first day (UTC). */
export function parseMonth(s: string): number | null {
  const t = s.toLowerCase();
  let m = /(\d{4})[-./](\d{1,2})/.exec(t);
  if (m) return Date.UTC(+m[1], +m[2] - 1, 1);
  m = /(\d{1,2})[-./](\d{4})/.exec(t);
  if (m) return Date.UTC(+m[2], +m[1] - 1, 1);
  m = /([a-zа-яё]{3})[a-zа-яё.]*\s+(\d{4})/.exec(t);
  if (m && MONTHS[m[1]]) return Date.UTC(+m[2], MONTHS[m[1]] - 1, 1);
  m = /^\s*(\d{4})\s*$/.exec(t);
  if (m) return Date.UTC(+m[1], 0, 1);
  return null;
}

/** Days from `now` until the next birthday (0 = today), in UTC. */
export function daysUntilBirthday(b: Pick<Birthday, 'day' | 'month'>, now: number): number {
  const d = new Date(now);
  const today = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  for (const y of [d.getUTCFullYear(), d.getUTCFullYear() + 1]) {
    // 29 February outside a leap year: celebrated on 1 March
    let at = Date.UTC(y, b.month - 1, b.day);
    if (new Date(at).getUTCMonth() !== b.month - 1) at = Date.UTC(y, 2, 1);
    if (at >= today) return Math.round((at - today) / DAY);
  }
  return 366;
}

const SPORT_WORDS = { sport: PERSONAL_TOPICS.sport };
const HOBBY_WORDS = { hobby: PERSONAL_TOPICS.hobby.filter((w) => !GENERIC_MARKERS.has(w)) };

export function smallTalk(input: SmallTalkInput, now: number): Topic[] {
  const { contact, rep } = input;
  const reads = input.profiles ?? [];
  const out: Topic[] = [];
  const fromRead = (r: ProfileRead): TopicSource => ({ kind: 'profile', network: r.network, url: r.url, readAt: r.readAt ?? null });
  const fromContact = (f: string): TopicSource => ({ kind: 'contact', contactId: contact.id, field: f });

  // what the profile and the record say
  for (const x of field(reads, 'hometown')) out.push({ kind: 'hometown', value: x.value, source: fromRead(x.read) });
  if (contact.hometown) out.push({ kind: 'hometown', value: contact.hometown, source: fromContact('hometown') });
  for (const x of field(reads, 'location')) out.push({ kind: 'city', value: x.value, source: fromRead(x.read) });
  if (contact.city) out.push({ kind: 'city', value: contact.city, source: fromContact('city') });
  for (const x of field(reads, 'education')) for (const s of x.value) out.push({ kind: 'school', value: s.school, source: fromRead(x.read) });
  for (const x of field(reads, 'interests'))
    for (const i of x.value) out.push({ kind: interestKind(i), value: i, source: fromRead(x.read) });
  for (const i of contact.interests ?? []) out.push({ kind: interestKind(i), value: i, source: fromContact('interests') });

  // a recent job change: the newest job's start within JOB_CHANGE_DAYS
  for (const x of field(reads, 'experience')) {
    const job = newestJob(x.value);
    const start = job?.start ? parseMonth(job.start) : null;
    if (job && start !== null && !job.end) {
      const days = Math.floor((now - start) / DAY);
      if (days >= 0 && days <= JOB_CHANGE_DAYS)
        out.push({ kind: 'job-change', value: job.title ? `${job.title} @ ${job.company}` : job.company, source: fromRead(x.read), days });
    }
  }

  // a birthday soon
  const birthdays = [...field(reads, 'birthday').map((x) => ({ b: x.value, source: fromRead(x.read) }))];
  if (contact.birthday) birthdays.push({ b: contact.birthday, source: fromContact('birthday') });
  for (const { b, source } of birthdays) {
    const days = daysUntilBirthday(b, now);
    if (days <= BIRTHDAY_DAYS) out.push({ kind: 'birthday', value: `${pad(b.day)}.${pad(b.month)}`, source, days });
  }

  // "12 (Olivia Brown, Mark Lee)": the names the same page showed are whom to ask
  for (const x of field(reads, 'mutual')) {
    if (x.value <= 0) continue;
    const names = x.read.extraction?.fields.mutualNames;
    const named = names?.status === 'ok' && names.value.length ? ` (${names.value.join(', ')})` : '';
    out.push({ kind: 'mutual', value: String(x.value) + named, source: fromRead(x.read) });
  }

  // sports and hobbies the rep wrote down, newest note first
  for (const n of [...(input.notes ?? [])].sort((a, b) => b.createdAt - a.createdAt)) {
    const src: TopicSource = { kind: 'note', noteId: n.id, at: n.createdAt };
    for (const t of findTopics(n.text, SPORT_WORDS, true)) out.push({ kind: 'sport', value: t.word, source: src });
    for (const t of findTopics(n.text, HOBBY_WORDS, true)) out.push({ kind: 'hobby', value: t.word, source: src });
  }

  // what the rep shares with the person
  if (rep) {
    const repEmployers = new Set([rep.company, ...(rep.employers ?? [])].filter((x): x is string => !!x).map((c) => normCompany(c)));
    const employers: { value: string; source: TopicSource }[] = [
      ...(contact.company ? [{ value: contact.company, source: fromContact('company') }] : []),
      ...field(reads, 'company').map((x) => ({ value: x.value, source: fromRead(x.read) })),
      ...field(reads, 'experience').flatMap((x) => x.value.map((j) => ({ value: j.company, source: fromRead(x.read) }))),
    ];
    for (const e of employers) if (repEmployers.has(normCompany(e.value))) out.push({ kind: 'shared-employer', ...e });
    const schools = new Set((rep.schools ?? []).map(foldText));
    for (const x of field(reads, 'education'))
      for (const s of x.value) if (schools.has(foldText(s.school))) out.push({ kind: 'shared-school', value: s.school, source: fromRead(x.read) });
    const cities = new Set([rep.city, rep.hometown].filter((x): x is string => !!x).map((c) => normCity(c)));
    for (const t of out.filter((t) => t.kind === 'city' || t.kind === 'hometown'))
      if (cities.has(normCity(t.value))) out.push({ kind: 'shared-city', value: t.value, source: t.source });
    const langs = new Set((rep.languages ?? []).map(languageCode));
    const theirs = [
      ...(contact.languages ?? []).map((l) => ({ value: l, source: fromContact('languages') })),
      ...field(reads, 'languages').flatMap((x) => x.value.map((l) => ({ value: l, source: fromRead(x.read) }))),
    ];
    // the rep's first language is everyone's working language: not small talk
    const obvious = rep.languages?.length ? languageCode(rep.languages[0]) : null;
    for (const l of theirs) {
      const code = languageCode(l.value);
      if (langs.has(code) && code !== obvious) out.push({ kind: 'shared-language', ...l });
    }
  }

  return dedupe(out).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

function interestKind(i: string): TopicKind {
  if (findTopics(i, SPORT_WORDS).length) return 'sport';
  if (findTopics(i, HOBBY_WORDS).length) return 'hobby';
  return 'interest';
}

function newestJob(jobs: Job[]): Job | undefined {
  const current = jobs.filter((j) => !j.end);
  const list = current.length ? current : jobs;
  return [...list].sort((a, b) => (parseMonth(b.start ?? '') ?? -Infinity) - (parseMonth(a.start ?? '') ?? -Infinity))[0];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One topic per kind and value; the first source (profile before record before notes) is kept. */
function dedupe(ts: Topic[]): Topic[] {
  const seen = new Set<string>();
  const out: Topic[] = [];
  for (const t of ts) {
    const key = `${t.kind}|${t.kind.includes('city') || t.kind === 'hometown' ? normCity(t.value) : t.kind.includes('employer') ? normCompany(t.value) : foldText(t.value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}
