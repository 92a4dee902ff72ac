import { z } from 'zod/mini';
import { DEGREES, PAGE_KINDS, SITES, type Extraction } from './types';
import { lazySchema } from '../domain/lazy-schema';

// The zod schema of an extraction (docs/extraction.md): what the background
// and the panel check a content script's message and a stored snapshot against. Kept
// out of types.ts so that the content scripts, which only build extractions, bundle no
// zod. zod/mini: lib/messages.ts, which the content script's types come through, uses it.

const Site = lazySchema(() => z.enum(SITES));
const PageKind = lazySchema(() => z.enum(PAGE_KINDS));

const Birthday = lazySchema(() => z.object({
  day: z.number(),
  month: z.number(),
  year: z.optional(z.number()),
}));

const Job = lazySchema(() => z.object({
  title: z.optional(z.string()),
  company: z.string(),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
}));

const School = lazySchema(() => z.object({
  school: z.string(),
  degree: z.optional(z.string()),
  start: z.optional(z.string()),
  end: z.optional(z.string()),
}));

function fieldResult<T extends z.core.$ZodType>(value: T) {
  return z.discriminatedUnion('status', [
    z.object({ status: z.literal('ok'), value, via: z.string() }),
    z.object({ status: z.literal('missing'), via: z.optional(z.string()) }),
    z.object({ status: z.literal('unreadable'), via: z.optional(z.string()) }),
  ]);
}

// fields added to the contract later: a snapshot stored before them has none and reads as `missing`
const added = <T extends z.core.$ZodType>(f: T) => z._default(f, () => ({ status: 'missing' }) as never);

const text = () => fieldResult(z.string());
const count = () => fieldResult(z.number());
const texts = () => fieldResult(z.array(z.string()));

export const ExtractionSchema = lazySchema(() => z.object({
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
    degree: added(fieldResult(z.literal(DEGREES))),
    mutualNames: added(texts()),
    birthday: fieldResult(Birthday),
    experience: fieldResult(z.array(Job)),
    education: fieldResult(z.array(School)),
    languages: texts(),
    interests: texts(),
    websites: texts(),
  }),
}));

// The schema and the hand-written type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaMatchesType: Same<z.infer<typeof ExtractionSchema>, Extraction> = true;
void _schemaMatchesType;

