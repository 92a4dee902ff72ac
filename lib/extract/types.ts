// The contract of docs/extraction.md as plain types, shared by the content
// script (which sends it), the background (which checks it) and the CLI. No zod here:
// the content script bundles this file; the zod schema that checks a received
// extraction is in schema.ts (background, panel, model).

export const SITES = ['linkedin', 'facebook', 'vk'] as const;
export type Site = (typeof SITES)[number];

export const PAGE_KINDS = ['profile', 'not-profile', 'login-wall'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/**
 * The error a content script reports for a profile the browser shows translated (Chrome and Edge
 * mark its <html> `translated-ltr` / `translated-rtl`; Firefox marks the elements it is translating):
 * its text is a machine's, not the person's, and nothing is read from it (the panel asks for the
 * original). A saved translated page's fields are each unreadable via this (extract.ts).
 */
export const TRANSLATED = 'translated';

export const FIELD_NAMES = [
  'name', 'headline', 'company', 'position', 'location', 'hometown', 'about',
  'photoUrl', 'connections', 'followers', 'mutual', 'degree', 'mutualNames', 'birthday', 'experience',
  'education', 'languages', 'interests', 'websites',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * The connection degree the page shows between the viewer and the person: 1 = connected
 * (LinkedIn 1st, a Facebook / VK friend), 2 = LinkedIn 2nd, or on Facebook / VK not a
 * friend while mutual friends are shown (a friend of a friend), 3 = LinkedIn 3rd or 3rd+.
 */
export type Degree = 1 | 2 | 3;
export const DEGREES = [1, 2, 3] as const;

export interface Birthday {
  day: number;
  month: number;
  year?: number;
}

export interface Job {
  title?: string;
  company: string;
  start?: string;
  end?: string;
}

export interface School {
  school: string;
  degree?: string;
  start?: string;
  end?: string;
}

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
  degree: Degree;
  mutualNames: string[];
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

/** A result where every field is `missing`: what a not-profile page reports. */
export function emptyFields(): Fields {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, { status: 'missing' }])) as Fields;
}
