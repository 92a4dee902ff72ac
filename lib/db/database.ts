import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  Complaint, Contact, Deal, Group, Interaction, LogEntry, Mark, Membership, MergeRecord, Note, Product, Profile,
  Purchase, Question, Reminder, RuleRun, Setting, TagOverride, WorkflowRule,
} from '../domain/entities';
import { upgradeToV4 } from './upgrade-v4';
import { outboxMiddleware, type OutboxEntry } from './outbox';
import { contactKeysMiddleware, withCompanyKey } from './keys';

import { DB_NAME } from './name';

export { DB_NAME };

/** Version 1: the first schema (kept verbatim: an old database is upgraded from it). */
export const SCHEMA_V1 = {
  contacts: 'id, name, *nameKeys, *emails, *phones, company, city, crmId, relation, *tags, updatedAt, lastContactAt',
  profiles: 'id, &url, contactId, network, readAt',
  notes: 'id, contactId, createdAt',
  interactions: 'id, contactId, at, kind',
  complaints: 'id, contactId, state, openedAt',
  purchases: 'id, contactId, productId, at',
  products: 'id, sku, name',
  groups: 'id, name',
  memberships: '[groupId+contactId], groupId, contactId',
  overrides: 'contactId',
  workflowRules: 'id',
  ruleRuns: 'id, ruleId, contactId, at',
  reminders: 'id, contactId, due',
  settings: 'key',
  log: '++id, at, contactId',
};

/** Version 2: "customers not contacted in N days" (smart groups, retention) by index. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  contacts: SCHEMA_V1.contacts + ', [relation+lastContactAt]',
  log: '++id, at, contactId, level',
};

/** Version 3: the derived network type, stage and tie score, for the book's filters. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  contacts: SCHEMA_V2.contacts + ', networkType, stage, tieScore',
};

/** Version 4: the merge log (every merge can be split again later). */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  merges: 'id, at, survivorId, removedId',
};

/** Version 5: deals and leads from CRM exports; the derived relation state on each contact. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  contacts: SCHEMA_V4.contacts + ', state',
  deals: 'id, contactId, key, companyKey, status',
};

/**
 * Version 6: the team book (lib/sync). `outbox`: records changed here and not yet
 * sent; `mirror`: the revision of each document this book holds; `marks`: merged
 * and erased contacts, so teammates' copies follow; `questions`: fields two
 * teammates changed differently, until someone chooses.
 */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  outbox: 'id',
  mirror: 'id',
  marks: 'id',
  questions: 'id, contactId',
};

/**
 * Version 7: each contact's organisation key (normCompany of its company, kept by
 * lib/db/keys.ts on every write), so the account's peers are one key range.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  contacts: SCHEMA_V6.contacts + ', companyKey',
};

/**
 * Version 8: the contact indexes nothing queries are dropped — city, crmId, relation,
 * tags, [relation+lastContactAt] and state (the book filters and the smart groups test
 * those fields in memory; retention asks lastContactAt alone). Every index is written on
 * every contact write: a 100,000-row import wrote six index entries a contact for nothing.
 */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  contacts: 'id, name, *nameKeys, *emails, *phones, company, updatedAt, lastContactAt, networkType, stage, tieScore, companyKey',
};

/**
 * The one database. Versions are appended, never edited: an old database opens
 * and upgrades in place (tests/unit/db-upgrade.test.ts keeps a generator for each
 * earlier version). Only indexed fields are listed in `stores`.
 */
export class TiewiseDB extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  profiles!: EntityTable<Profile, 'id'>;
  notes!: EntityTable<Note, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  complaints!: EntityTable<Complaint, 'id'>;
  purchases!: EntityTable<Purchase, 'id'>;
  products!: EntityTable<Product, 'id'>;
  groups!: EntityTable<Group, 'id'>;
  memberships!: Table<Membership, [string, string]>;
  overrides!: EntityTable<TagOverride, 'contactId'>;
  workflowRules!: EntityTable<WorkflowRule, 'id'>;
  ruleRuns!: EntityTable<RuleRun, 'id'>;
  reminders!: EntityTable<Reminder, 'id'>;
  settings!: EntityTable<Setting, 'key'>;
  log!: EntityTable<LogEntry, 'id'>;
  merges!: EntityTable<MergeRecord, 'id'>;
  deals!: EntityTable<Deal, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  mirror!: EntityTable<{ id: string; rev: string }, 'id'>;
  marks!: EntityTable<Mark, 'id'>;
  questions!: EntityTable<Question, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // v1 imports could leave lastContactAt unset: derive it from interactions,
        // since recency, smart groups and retention read it.
        const last = new Map<string, number>();
        await tx.table('interactions').each((i: { contactId: string; at: number }) => {
          last.set(i.contactId, Math.max(last.get(i.contactId) ?? 0, i.at));
        });
        await tx.table('contacts').toCollection().modify((c: Contact) => {
          if (c.lastContactAt === undefined && last.has(c.id)) c.lastContactAt = last.get(c.id);
        });
      });
    // v3 only adds indexes; contacts without the derived fields get them on their
    // next change or from refreshAllTies()
    this.version(3).stores(SCHEMA_V3);
    // v4: the merge log; profile URLs re-keyed by the one rule (lib/extract/urls.ts),
    // and contacts an earlier version made of two people listed for the user to split
    this.version(4).stores(SCHEMA_V4).upgrade((tx) => upgradeToV4(tx));
    // v5 only adds the deals table and an index: contacts get their state on their
    // next change or from refreshAllTies()
    this.version(5).stores(SCHEMA_V5);
    // v6 only adds the team book's tables
    this.version(6).stores(SCHEMA_V6);
    // v7: the organisation key on every contact that names a company
    this.version(7)
      .stores(SCHEMA_V7)
      .upgrade((tx) => tx.table('contacts').where('company').above('').modify((c: Contact) => {
        Object.assign(c, withCompanyKey(c));
      }));
    // v8 only drops indexes
    this.version(8).stores(SCHEMA_V8);
    // every contact is written with its organisation key (whatever path writes it)
    this.use(contactKeysMiddleware);
    // once the book has a team target, every write to a shared table leaves an outbox entry in its own transaction
    this.use(outboxMiddleware);
  }
}

/** Every table name, for backup, restore and erasure (the sync engine's own bookkeeping, `outbox` and `mirror`, is not data). */
export const TABLES = [
  'contacts', 'profiles', 'notes', 'interactions', 'complaints', 'purchases', 'products',
  'groups', 'memberships', 'overrides', 'workflowRules', 'ruleRuns', 'reminders', 'settings', 'log',
  'merges', 'deals', 'marks', 'questions',
] as const;
export type TableName = (typeof TABLES)[number];

let shared: TiewiseDB | null = null;
/** The shared instance for extension pages and the background. */
export function db(): TiewiseDB {
  shared ??= new TiewiseDB();
  return shared;
}
/** Tests swap in a fresh database. */
export function useDatabase(instance: TiewiseDB): void {
  shared = instance;
}

/** The newest schema version this code knows. */
export const CURRENT_VERSION = 8;

/** The database was written by a newer Tiewise than this one. */
export class NewerDatabaseError extends Error {
  constructor(public found: number, public known: number) {
    super(`database version ${found} is newer than ${known}`);
    this.name = 'NewerDatabaseError';
  }
}

// the open in progress (or done) per instance: a page may start it before its first render
// (the panel does, as its script starts) and its database gate asks again
const opening = new WeakMap<TiewiseDB, Promise<TiewiseDB>>();

/**
 * Opens the database. Dexie 4 would open a newer database as it is; we refuse,
 * read-only nothing, so a newer schema is never written to by older code. A second
 * call while the first is under way (or once it has opened) shares it.
 */
export function openDatabase(d: TiewiseDB = db()): Promise<TiewiseDB> {
  const cur = opening.get(d);
  if (cur && (d.isOpen() || !settled.has(cur))) return cur;
  const next = openChecked(d);
  opening.set(d, next);
  void next.then(() => settled.add(next), () => {
    settled.add(next);
    if (opening.get(d) === next) opening.delete(d);
  });
  return next;
}
const settled = new WeakSet<Promise<TiewiseDB>>();

async function openChecked(d: TiewiseDB): Promise<TiewiseDB> {
  // Look before opening: opening a newer database with our schema would let
  // Dexie "repair" it by adding tables.
  const found = await installedVersion(d.name);
  if (found !== undefined && found > CURRENT_VERSION) throw new NewerDatabaseError(found, CURRENT_VERSION);
  await d.open();
  return d;
}

/**
 * The version the database `name` has now (Dexie's: the native version / 10), 0 when
 * there is none. Asked of the browser's list of databases, which opens none: a probing
 * open would read the schema of every table, close, and leave the real open to do it
 * again (30-90 ms of a cold panel's wait on a big book). Where the list is missing, a
 * schema-less Dexie opens the database as it is and says.
 */
async function installedVersion(name: string): Promise<number | undefined> {
  const factory = Dexie.dependencies.indexedDB as IDBFactory | undefined;
  if (typeof factory?.databases === 'function') {
    try {
      const known = (await factory.databases()).find((x) => x.name === name);
      return known?.version ? known.version / 10 : 0;
    } catch {
      // a browser that lists nothing here: ask by opening
    }
  }
  const probe = new Dexie(name);
  try {
    await probe.open();
    return probe.verno;
  } catch {
    return undefined; // no such database yet: the real open creates it
  } finally {
    probe.close();
  }
}
