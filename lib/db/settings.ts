import { z } from 'zod';
import { db, type TiewiseDB } from './database';
import { guarded } from './errors';
import { WrongMergeReview } from '../domain/entities';
import type { RepContext } from '../model/tie';
import type { RetentionPolicy } from '../retention/plan';
import type { Rule } from '../model/crosssell';
import { lazySchema } from '../domain/lazy-schema';

// The settings table: one value per key. Every key the extension keeps is named
// here with the schema its value must fit and the value it has when nothing (or
// something that does not fit: an older version's, a hand-edited backup's) is
// stored, so a reader gets that key's type, checked, and never a cast.
// (The team book's own bookkeeping, team.target and team.seq, is lib/sync's.)

const strings = lazySchema(() => z.array(z.string()));

const RepContextSchema = lazySchema(() => z.object({
  name: z.string(), company: z.string(), partners: strings, employers: strings,
  schools: strings, city: z.string(), hometown: z.string(), languages: strings,
}).partial() satisfies z.ZodType<RepContext>);

const RetentionPolicySchema = lazySchema(() => z.object({
  snapshotDays: z.number().nullable(), inactiveMonths: z.number().nullable(),
}).partial() satisfies z.ZodType<Partial<RetentionPolicy>>);

interface Spec<S extends z.ZodType> {
  schema: S;
  default: z.output<S>;
}
/** a setting's schema is built on its first use (lazy-schema.ts) */
const setting = <S extends z.ZodType>(schema: () => S, fallback: z.output<S>): Spec<S> => ({ schema: lazySchema(schema), default: fallback });

export const SETTINGS = {
  /** the panel's mode: sales leads with the tie, support with purchases and complaints */
  panelMode: setting(() => z.enum(['sales', 'support']), 'sales'),
  /** the rep's own profile, which the tie model measures "same organisation", "shared school" … against */
  rep: setting(() => RepContextSchema.optional(), undefined),
  /** the retention policy (its fields not stored are "keep": NO_POLICY) */
  'lead.retention': setting(() => RetentionPolicySchema, {}),
  /** the mapping screen's remembered answers by header signature (each entry checked by lib/import/remember.ts's recall) */
  'import.remembered': setting(() => z.record(z.string(), z.unknown()), {}),
  /** the imported custom fields the book shows as columns (anything else in the list is left out) */
  'book.customColumns': setting(() => z.array(z.unknown()).transform((xs) => xs.filter((x): x is string => typeof x === 'string')), []),
  /** the cross-sell rules mined from the book's purchases, and which purchases they were mined from */
  // the rules (thousands) are checked as one array, not element by element: a per-element
  // z.custom checked nothing, yet cost 40-45 ms of the first card's one task on a 100k book
  crossSellRules: setting(() => z.object({ version: z.string(), rules: z.custom<Rule[]>((v) => Array.isArray(v)), minedAt: z.number() }).optional(), undefined),
  /** the stored rules' stamp (their version and when mined, lib/db/crosssell.ts): a card reads it, and the rules only when it changed */
  crossSellRulesStamp: setting(() => z.string().optional(), undefined),
  /** the backup reminder: when the last backup was made, after how many days to remind (unset fields: DEFAULT_BACKUP_SETTING) */
  backup: setting(() => z.object({ lastAt: z.number(), remindDays: z.number() }).partial(), {}),
  /** contacts the version-4 upgrade found made of two people, awaiting the user's word (upgrade-v4.ts writes it) */
  'review.wrongMerges': setting(() => WrongMergeReview, []),
};

export type SettingKey = keyof typeof SETTINGS;
/** What a setting reads as. */
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
/** What a setting may be given. */
export type SettingInput<K extends SettingKey> = z.input<(typeof SETTINGS)[K]['schema']>;

/**
 * The setting's stored value if it fits the key's schema, else the key's default.
 * Dexie's own promise (no async wrapper), so a caller's transaction can await it
 * and go on writing without committing early.
 */
export function getSetting<K extends SettingKey>(key: K, d: TiewiseDB = db()): Promise<SettingValue<K>> {
  // TypeScript cannot follow K through the registry's union; the one cast, here
  const spec = SETTINGS[key] as unknown as Spec<z.ZodType<SettingValue<K>>>;
  return d.settings.get(key).then((row) => {
    if (!row) return spec.default;
    const r = spec.schema.safeParse(row.value);
    return r.success ? r.data : spec.default;
  });
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingInput<K>, d: TiewiseDB = db()): Promise<void> {
  await guarded(() => d.settings.put({ key, value }));
}
