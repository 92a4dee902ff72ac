import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { nameKeys, parseName } from '../model/names';
import { normCompany } from '../model/identity';

// The name keys stored in the contacts' multiEntry index `nameKeys`, so that
// finding a person never scans the book. The matcher (lib/model/names.ts) decides
// what a key is: transliterated, folded words (`t:petrov`) and surname+initial
// pairs (`s:petrov|i`), so "Иван Петров" and "Ivan Petrov" share keys.
export const keysForName = nameKeys;

/** Prefixes of word keys for search-as-you-type ("петр" → `t:petr`). */
export function searchPrefixes(query: string): string[] {
  return parseName(query).full.map((t) => `t:${t.key}`);
}

/**
 * A contact with the organisation key stored in the contacts' index `companyKey`:
 * its company as lib/model/identity's normCompany reads it ("ACME Inc." and "Acme"
 * are one organisation), none without a company. The account's peers are then one
 * key range of that index, not a case-insensitive walk of `company`. The same
 * object when the key is already right.
 */
export function withCompanyKey<T extends { company?: string; companyKey?: string }>(c: T): T {
  const key = normCompany(c.company) || undefined;
  if (c.companyKey === key && (key !== undefined || !('companyKey' in c))) return c;
  const next = { ...c };
  if (key === undefined) delete next.companyKey;
  else next.companyKey = key;
  return next;
}

/**
 * Every contact written, by any path (an edit, an import, a merge, a teammate's
 * change, a restore), is written with its organisation key (withCompanyKey): a
 * DBCore middleware, so no write path can forget it.
 */
export const contactKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'tiewise-contact-keys',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== 'contacts') return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            if (req.type !== 'put' && req.type !== 'add') return table.mutate(req);
            return table.mutate({ ...req, values: req.values.map((v) => withCompanyKey(v as { company?: string })) });
          },
        };
      },
    };
  },
};
