import { z } from 'zod/mini';

// The contract of ../shared/docs/extraction.md, as one zod schema shared by the
// content script (which sends it), the background (which checks it) and the CLI.
// zod/mini keeps the content script small.

export const SITES = ['linkedin', 'facebook', 'vk'] as const;
export const Site = z.enum(SITES);
export type Site = z.infer<typeof Site>;

export const PageKind = z.enum(['profile', 'not-profile', 'login-wall']);
export type PageKind = z.infer<typeof PageKind>;

export const FIELD_NAMES = [
  'name', 'headline', 'company', 'position', 'location', 'hometown', 'about',
  'photoUrl', 'connections', 'followers', 'mutual', 'birthday', 'experience',
  'education', 'languages', 'interests', 'websites',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export const Birthday = z.object({
  day: z.number(),
  month: z.number(),
  year: z.optional(z.number()),
});
export type Birthday = z.infer<typeof Birthday>;

export const Job = z.object({
  title: z.optional(z.string()),
  company: z.string(),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
});
export type Job = z.infer<typeof Job>;

export const School = z.object({
  school: z.string(),
  degree: z.optional(z.string()),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
});
export type School = z.infer<typeof School>;

/** The value type of each field, when its status is `ok`. */
export interface FieldValues {
  name: string;
  headline: string;
  company: string;
  position: string;
  location: string;
  hometown: string;
  about: string;
  photoUrl: string;
  connections: number;
  followers: number;
  mutual: number;
  birthday: Birthday;
  experience: Job[];
  education: School[];
  languages: string[];
  interests: string[];
  websites: string[];
}

export type FieldResult<T> =
  | { status: 'ok'; value: T; via: string }
  | { status: 'missing'; via?: string }
  | { status: 'unreadable'; via?: string };

export type Fields = { [K in FieldName]: FieldResult<FieldValues[K]> };

export interface Extraction {
  site: Site | null;
  kind: PageKind;
  profileUrl: string | null;
  lang: string | null;
  fields: Fields;
}

function fieldResult<T extends z.core.$ZodType>(value: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), value, via: z.string() }),
    z.object({ status: z.literal('missing'), via: z.optional(z.string()) }),
    z.object({ status: z.literal('unreadable'), via: z.optional(z.string()) }),
  ]);
}

const text = () => fieldResult(z.string());
const count = () => fieldResult(z.number());
const texts = () => fieldResult(z.array(z.string()));

export const ExtractionSchema = z.object({
  site: z.nullable(Site),
  kind: PageKind,
  profileUrl: z.nullable(z.string()),
  lang: z.nullable(z.string()),
  fields: z.object({
    name: text(),
    headline: text(),
    company: text(),
    position: text(),
    location: text(),
    hometown: text(),
    about: text(),
    photoUrl: text(),
    connections: count(),
    followers: count(),
    mutual: count(),
    birthday: fieldResult(Birthday),
    experience: fieldResult(z.array(Job)),
    education: fieldResult(z.array(School)),
    languages: texts(),
    interests: texts(),
    websites: texts(),
  }),
});

// The schema and the hand-written type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesType: Same<z.infer<typeof ExtractionSchema>, Extraction> = true;
void _schemaMatchesType;

/** A result where every field is `missing`: what a not-profile page reports. */
export function emptyFields(): Fields {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, { status: 'missing' }])) as Fields;
}
