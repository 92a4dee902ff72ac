// The team book's documents: which tables are shared, a record's document id, and
// the envelope a record travels in. Pure (no PouchDB, no Dexie).

/**
 * Tables the team shares. Not shared: settings (the rep's own profile for the tie
 * model among them), the log, reminders (a rep's own), rule runs and the merge log
 * (this browser's undo history), and the sync engine's own bookkeeping.
 */
export const SHARED_TABLES = [
  'contacts', 'profiles', 'notes', 'interactions', 'complaints', 'purchases', 'products',
  'groups', 'memberships', 'overrides', 'workflowRules', 'deals', 'marks', 'questions',
] as const;
export type SharedTable = (typeof SHARED_TABLES)[number];

export function isSharedTable(t: string): t is SharedTable {
  return (SHARED_TABLES as readonly string[]).includes(t);
}

/** Fields of a contact each browser derives for itself (the tie depends on the rep's own profile): never sent. */
export const LOCAL_FIELDS: Partial<Record<SharedTable, readonly string[]>> = {
  contacts: ['networkType', 'stage', 'tieScore', 'state', 'nameKeys', 'companyKey'],
};

/** A record's document id: its table and its key. Compound keys (memberships) as JSON. */
export function docId(table: SharedTable, key: unknown): string {
  return `${table}:${typeof key === 'string' ? key : JSON.stringify(key)}`;
}

/** The table and key a document id names, or null for an id Tiewise never makes. */
export function parseDocId(id: string): { table: SharedTable; key: string | [string, string] } | null {
  const i = id.indexOf(':');
  if (i < 1) return null;
  const table = id.slice(0, i);
  const rest = id.slice(i + 1);
  if (!isSharedTable(table) || !rest) return null;
  if (table === 'memberships') {
    try {
      const k: unknown = JSON.parse(rest);
      if (Array.isArray(k) && k.length === 2 && k.every((x) => typeof x === 'string' && x)) return { table, key: [k[0], k[1]] };
    } catch {
      // fall through
    }
    return null;
  }
  return { table, key: rest };
}

/** A record's primary key, as its table keys it. */
export function keyOf(table: SharedTable, row: Record<string, unknown>): unknown {
  switch (table) {
    case 'memberships': return [row.groupId, row.contactId];
    case 'overrides': return row.contactId;
    default: return row.id;
  }
}

/** What a record is as a document's body: its fields minus the ones each browser derives. */
export function shareable(table: SharedTable, row: Record<string, unknown>): Record<string, unknown> {
  const drop = LOCAL_FIELDS[table];
  if (!drop) return row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!drop.includes(k) && v !== undefined) out[k] = v;
  return out;
}

/** JSON with keys sorted at every level: equal records compare equal, and hash alike on every browser. */
export function canonical(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/**
 * 32 hex digits from a string (FNV-1a, four seeds): a stable name for something
 * without spelling it out (an erased contact's mark). Synchronous, so it can run
 * inside an IndexedDB transaction. Not a secret: a short id can be guessed.
 */
export function hash128(s: string): string {
  let out = '';
  for (let seed = 0; seed < 4; seed++) {
    let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h ^= h >>> 13;
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
