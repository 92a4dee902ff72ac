// Over 300 lines on purpose: every entity in one place, the domain at a glance.
import { z } from 'zod';
import { lazySchema } from './lazy-schema';

// The domain: every entity Tiewise knows, as a zod schema and its type under one name.
// Below everything: model/, book/, import/, workflow/ and retention/ reason about these;
// db/ stores them (and imports them from here, never the other way round).
// IDs are random strings (ids.ts; UUIDs before December 2026) so backups, merges and imports never clash.
// Dates are epoch milliseconds (numbers index and sort well in IndexedDB).

/** Where a fact came from, and when: shown next to it in the UI. */
export const Provenance = lazySchema(() => z.object({
  kind: z.enum(['profile', 'import', 'user', 'demo', 'rule']),
  /** profile URL, import file name, rule id… */
  ref: z.string().optional(),
  at: z.number(),
  /** the teammate who wrote it, when the team book is on (lib/sync: stamped with the
   *  team user's name when the record is first sent to the team's server) */
  by: z.string().optional(),
}));
export type Provenance = z.infer<typeof Provenance>;

/**
 * Whose contact it is, for the book's and the dashboard's Owner: the CRM's owner as the
 * import gave it, else the teammate who first wrote the contact; undefined in a book
 * that was never shared and never imported with owners.
 */
export function ownerOf(c: { owner?: string; source: Provenance }): string | undefined {
  return c.owner?.trim() || c.source.by || undefined;
}

/** The rep's relation to the contact's organisation, set by import or the user. */
export const Relation = lazySchema(() => z.enum(['customer', 'prospect', 'colleague', 'partner', 'other']));
export type Relation = z.infer<typeof Relation>;

export const NETWORK_TYPES = ['weak-tie-prospect', 'strong-tie-champion', 'team', 'referral-advocate', 'unclassified'] as const;
export const NetworkType = lazySchema(() => z.enum(NETWORK_TYPES));
export type NetworkType = z.infer<typeof NetworkType>;

/** Sales-cycle stage, model.md's table: 1 prospecting … 4 closing and referrals. */
export const Stage = lazySchema(() => z.enum(['prospecting', 'entering-account', 'solution-team', 'closing-referrals']));
export type Stage = z.infer<typeof Stage>;

export const Contact = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  firstName: z.string().optional(),
  /** middle name or patronymic, as the import gave it */
  middleName: z.string().optional(),
  lastName: z.string().optional(),
  emails: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  company: z.string().optional(),
  /** the organisation key (normCompany of company), kept by the data layer on every write (lib/db/keys.ts) */
  companyKey: z.string().optional(),
  position: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  website: z.string().optional(),
  hometown: z.string().optional(),
  languages: z.array(z.string()).optional(),
  interests: z.array(z.string()).optional(),
  birthday: z.object({ day: z.number(), month: z.number(), year: z.number().optional() }).optional(),
  relation: Relation.optional(),
  /** id in the CRM the contact was imported from */
  crmId: z.string().optional(),
  /** the CRM user the contact belongs to ("Contact owner", "Ответственный"), as the CRM names them */
  owner: z.string().optional(),
  /** the CRM's own lifecycle stage or lead status, verbatim ("opportunity", "В работе") */
  crmStatus: z.string().optional(),
  /** when the rep connected with them on a network (LinkedIn "Connected On"), epoch ms */
  connectedAt: z.number().optional(),
  /** every imported column with no field of its own, under the file's column name, in file order */
  custom: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  /** free-form tags, set by the user or by workflow rules */
  tags: z.array(z.string()).default([]),
  /** lower-cased, transliterated name tokens, kept by the data-access module for matching */
  nameKeys: z.array(z.string()).default([]),
  source: Provenance,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** last real interaction (not a profile read): drives retention and recency */
  lastContactAt: z.number().optional(),
  /** derived by lib/db/derive.ts after every change to the contact's record: the
   *  effective network type (the user's override wins), its stage, the tie score */
  networkType: NetworkType.optional(),
  stage: Stage.nullable().optional(),
  tieScore: z.number().optional(),
  /** derived with the tie: the state of the relation the model names (lib/model/network.ts's TieState:
   *  "dormant-customer", "advocate-candidate", "deal-won"…), for the book's filter */
  state: z.string().optional(),
}));
export type Contact = z.infer<typeof Contact>;

/** A social profile linked to a contact, with the last read of it. */
export const Profile = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  network: z.enum(['linkedin', 'facebook', 'vk']),
  /** canonical URL, extraction.md: one person, one key per network */
  url: z.string(),
  /** the merged reads of the page (lib/extract/types.ts's Extraction): each field's
   *  last good value, never blanked by a read that said nothing (lib/model/profile-read.ts) */
  snapshot: z.unknown().optional(),
  /** when the snapshot's newest values were read */
  readAt: z.number().optional(),
  /** when each field's value was read */
  fieldsAt: z.record(z.string(), z.number()).optional(),
  /** when the page was last read, whatever that read said */
  triedAt: z.number().optional(),
  linkedAt: z.number(),
}));
export type Profile = z.infer<typeof Profile>;

export const Note = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  text: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  source: Provenance,
}));
export type Note = z.infer<typeof Note>;

export const InteractionKind = lazySchema(() => z.enum(['call', 'meeting', 'email', 'chat', 'referral', 'introduction']));
export type InteractionKind = z.infer<typeof InteractionKind>;

export const Interaction = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  kind: InteractionKind,
  direction: z.enum(['in', 'out']),
  at: z.number(),
  summary: z.string().default(''),
  /** for referrals and introductions: whom the contact referred (free text or contact id) */
  subject: z.string().optional(),
  source: Provenance,
}));
export type Interaction = z.infer<typeof Interaction>;

export const Complaint = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  subject: z.string(),
  state: z.enum(['open', 'in-progress', 'resolved']),
  openedAt: z.number(),
  closedAt: z.number().optional(),
  productId: z.string().optional(),
  source: Provenance,
}));
export type Complaint = z.infer<typeof Complaint>;

export const ProductRelation = lazySchema(() => z.object({
  kind: z.enum(['upgrade-of', 'accessory-to', 'replaces']),
  productId: z.string(),
}));
export type ProductRelation = z.infer<typeof ProductRelation>;

export const Product = lazySchema(() => z.object({
  id: z.string(),
  sku: z.string().optional(),
  name: z.string(),
  price: z.number().optional(),
  currency: z.string().optional(),
  relations: z.array(ProductRelation).default([]),
}));
export type Product = z.infer<typeof Product>;

export const Purchase = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  productId: z.string(),
  at: z.number(),
  quantity: z.number().default(1),
  amount: z.number().default(0),
  currency: z.string().default('USD'),
  source: Provenance,
  /** the won deal this purchase was made from (lib/import/deals.ts) */
  dealId: z.string().optional(),
}));
export type Purchase = z.infer<typeof Purchase>;

/**
 * A deal (opportunity) or a lead, as a CRM export gave it (lib/import/deals.ts).
 * `stage` is the CRM's own text, shown as is; `status` is what it means:
 * open, won, lost, or closed with an outcome the file does not say.
 */
export const DealStatus = lazySchema(() => z.enum(['open', 'won', 'lost', 'closed']));
export type DealStatus = z.infer<typeof DealStatus>;
export const Deal = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  /** what a re-import of the same deal is known by: the CRM's deal id, else a hash of its row */
  key: z.string(),
  kind: z.enum(['deal', 'lead']),
  /** the CRM's id of the deal or lead */
  crmId: z.string().optional(),
  title: z.string().optional(),
  /** the account (organisation) the deal is with, as the file names it */
  company: z.string().optional(),
  /** normCompany(company), to find an account's deals by index */
  companyKey: z.string().optional(),
  stage: z.string().optional(),
  status: DealStatus,
  amount: z.number().optional(),
  currency: z.string().optional(),
  product: z.string().optional(),
  /** the CRM user responsible for the deal */
  owner: z.string().optional(),
  /** when the deal was opened in the CRM, epoch ms */
  openedAt: z.number().optional(),
  /** when it was won or lost, epoch ms */
  closedAt: z.number().optional(),
  /** the purchase a won deal is (made by the import, or one the book already had) */
  purchaseId: z.string().optional(),
  /** the file's other columns about the deal, under the file's names, in file order */
  custom: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  /** file and line it came from (ref "deals.csv:12") */
  source: Provenance,
  updatedAt: z.number(),
}));
export type Deal = z.infer<typeof Deal>;

/** A condition over a contact, shared by smart groups and workflow rules. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { field: string; op: 'is' | 'is-not' | 'contains' | 'gt' | 'lt' | 'exists'; value?: string | number };
export const Condition: z.ZodType<Condition> = lazySchema(() => z.lazy(() =>
  z.union([
    z.object({ all: z.array(Condition) }),
    z.object({ any: z.array(Condition) }),
    z.object({ not: Condition }),
    z.object({
      field: z.string(),
      op: z.enum(['is', 'is-not', 'contains', 'gt', 'lt', 'exists']),
      value: z.union([z.string(), z.number()]).optional(),
    }),
  ]),
));

export const Group = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().default('#4f6bed'),
  /** a smart group has a rule; its members are computed, not stored */
  rule: Condition.optional(),
  createdAt: z.number(),
}));
export type Group = z.infer<typeof Group>;

export const Membership = lazySchema(() => z.object({
  groupId: z.string(),
  contactId: z.string(),
  addedAt: z.number(),
}));
export type Membership = z.infer<typeof Membership>;

/** The user's own choice of network type / stage: shown as the user's, never replaced. */
export const TagOverride = lazySchema(() => z.object({
  contactId: z.string(),
  networkType: NetworkType,
  stage: Stage.optional(),
  at: z.number(),
}));
export type TagOverride = z.infer<typeof TagOverride>;

export const WorkflowAction = lazySchema(() => z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-tag'), tag: z.string() }),
  z.object({ kind: z.literal('add-to-group'), groupId: z.string() }),
  z.object({ kind: z.literal('set-stage'), stage: Stage }),
  z.object({ kind: z.literal('remind'), days: z.number().int().positive() }),
]));
export type WorkflowAction = z.infer<typeof WorkflowAction>;

export const WorkflowRule = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  when: Condition,
  then: WorkflowAction,
  enabled: z.boolean().default(true),
  createdAt: z.number(),
}));
export type WorkflowRule = z.infer<typeof WorkflowRule>;

export const RuleRun = lazySchema(() => z.object({
  id: z.string(),
  ruleId: z.string(),
  contactId: z.string(),
  at: z.number(),
  /** what was done, so it can be undone */
  effect: WorkflowAction,
  undone: z.boolean().default(false),
  /** order within one run of the rules (a batch shares `at`) */
  seq: z.number().optional(),
  /** for set-stage: the override it replaced, so undo restores it exactly */
  before: z.unknown().optional(),
}));
export type RuleRun = z.infer<typeof RuleRun>;

export const Reminder = lazySchema(() => z.object({
  id: z.string(),
  contactId: z.string(),
  due: z.number(),
  text: z.string(),
  done: z.boolean().default(false),
}));
export type Reminder = z.infer<typeof Reminder>;

/** Settings: one row per key. */
export const Setting = lazySchema(() => z.object({ key: z.string(), value: z.unknown() }));
export type Setting = z.infer<typeof Setting>;

/** The extension's own log: errors and dropped messages, kept locally. */
export const LogEntry = lazySchema(() => z.object({
  id: z.number().optional(),
  at: z.number(),
  level: z.enum(['info', 'warn', 'error']),
  where: z.string(),
  message: z.string(),
  /** a contact the line names, so erasure can remove it */
  contactId: z.string().optional(),
}));
export type LogEntry = z.infer<typeof LogEntry>;

/**
 * The merge log: one row per merge of two contacts, with what it moved, so the
 * merge can be split again later (lib/db/merge.ts). Kept until split or erased.
 */
export const MergeRecord = lazySchema(() => z.object({
  id: z.string(),
  at: z.number(),
  survivorId: z.string(),
  removedId: z.string(),
  /** both contacts as they were just before the merge */
  survivor: Contact,
  removed: Contact,
  /** the survivor as the merge wrote it */
  merged: Contact,
  /** ids of the rows moved from the removed contact to the survivor, per table */
  moved: z.record(z.string(), z.array(z.string())),
  movedLog: z.array(z.number()),
  /** both contacts' group memberships and tag overrides before the merge */
  memberships: z.array(Membership),
  overrides: z.array(TagOverride),
}));
export type MergeRecord = z.infer<typeof MergeRecord>;

/** A contact an earlier version may have made of two people (lib/model/wrong-merge.ts), awaiting the user's word. */
export const WrongMergeReview = lazySchema(() => z.array(z.object({
  contactId: z.string(),
  network: z.string(),
  profileIds: z.array(z.string()),
})));
export type WrongMergeReview = z.infer<typeof WrongMergeReview>;

/**
 * What became of a contact that is gone, so that teammates' copies follow (lib/sync):
 * merged into another (their rows move to the survivor, wherever they were written),
 * or erased (every row about them is deleted, wherever it was written). Holds an id only.
 */
export const Mark = lazySchema(() => z.object({
  /** the contact that is gone */
  id: z.string(),
  kind: z.enum(['merged', 'erased']),
  /** for a merge: the survivor */
  into: z.string().optional(),
  at: z.number(),
}));
export type Mark = z.infer<typeof Mark>;

/**
 * Two teammates changed the same field of one record differently while apart: both
 * versions are kept here until someone says which stands (lib/sync/merge.ts). The
 * record itself shows the version the server's rule picked meanwhile.
 */
export const QuestionVersion = lazySchema(() => z.object({ value: z.unknown(), by: z.string().optional(), at: z.number().optional() }));
export const Question = lazySchema(() => z.object({
  /** the record's document id (lib/domain/shared.ts) */
  id: z.string(),
  /** the contact the record is, or belongs to, for the panel */
  contactId: z.string().optional(),
  fields: z.array(z.object({ field: z.string(), versions: z.array(QuestionVersion).min(2) })).min(1),
  at: z.number(),
}));
export type Question = z.infer<typeof Question>;
