import { ownerOf, type Contact, type NetworkType, type Relation, type Stage } from '../domain/entities';
import { DAY } from '../domain/time';

// One contact as the book holds it: the columns it shows and the facts its filters
// and smart-group rules read (products bought, networks linked, groups). Kept small:
// the book holds one of these per contact, 100,000 of them on a big book.

export interface BookRow {
  id: string;
  name: string;
  company?: string;
  position?: string;
  city?: string;
  relation?: Relation;
  networkType?: NetworkType;
  stage?: Stage | null;
  tieScore?: number;
  /** the relation's state the model names ("dormant-customer"…), stored with the tie */
  state?: string;
  lastContactAt?: number;
  /** imported columns with no field of their own (the contact's own list, not a copy) */
  custom?: readonly { name: string; value: string }[];
  tags: string[];
  emails: string[];
  /** networks with a linked profile: linkedin, facebook, vk */
  networks: string[];
  /** ids of products bought (each once) */
  products: string[];
  /** ids of the plain groups the contact is a member of */
  groups: string[];
  /** whose contact it is (ownerOf: the CRM's owner, else the teammate who wrote it first) */
  owner?: string;
}

/** The facts a row is built from, besides the contact itself. */
export interface RowFacts {
  networks?: Iterable<string>;
  products?: Iterable<string>;
  groups?: Iterable<string>;
}

const EMPTY: string[] = [];
const uniq = (xs?: Iterable<string>): string[] => {
  if (!xs) return EMPTY;
  const a = [...new Set(xs)];
  return a.length ? a : EMPTY;
};

export function toRow(c: Contact, facts: RowFacts = {}): BookRow {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    position: c.position,
    city: c.city,
    relation: c.relation,
    networkType: c.networkType,
    stage: c.stage,
    tieScore: c.tieScore,
    ...(c.state ? { state: c.state } : {}),
    lastContactAt: c.lastContactAt,
    ...(c.custom?.length ? { custom: c.custom } : {}),
    tags: c.tags?.length ? c.tags : EMPTY,
    emails: c.emails?.length ? c.emails : EMPTY,
    networks: uniq(facts.networks),
    products: uniq(facts.products),
    groups: uniq(facts.groups),
    ...(ownerOf(c) ? { owner: ownerOf(c) } : {}),
  };
}

/** Whole days since the last contact, or undefined when there was none. */
export function daysSince(at: number | undefined, now: number): number | undefined {
  return at === undefined ? undefined : Math.floor((now - at) / DAY);
}

/** A custom field's value on a row (the first, when a name repeats), or undefined. */
export function customValue(row: BookRow, name: string): string | undefined {
  const v = row.custom?.find((x) => x.name === name)?.value;
  return v === undefined || v === '' ? undefined : v;
}
