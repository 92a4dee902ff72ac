// Which existing contact a parsed record is: by Tiewise id, e-mail, CRM id, profile URL,
// then the identity matcher above AUTO_LINK_THRESHOLD. The index also learns the
// contacts an import adds as it goes, so a file's later rows find its earlier ones.
import type { Contact, Profile } from '../domain/entities';
import { AUTO_LINK_THRESHOLD, MatchIndex, normEmail, placeholderEmail, type MatchInput } from '../model/identity';
import { namesConflict, normaliseName, otherAddresses, otherRecord, personalName, SAME } from './dedupe';
import type { ImportedContact } from './fields';
import { emailsOf, phonesOf, urlsOf, type PlannedContact } from './to-contact';

export type MatchKind = 'id' | 'email' | 'crmId' | 'profileUrl' | 'identity';

/**
 * Lookups over the book (and the contacts an import adds as it goes): by id,
 * e-mail, CRM id, profile URL, name; the identity matcher's index is built on
 * first use only (a file whose rows all carry an e-mail never needs it).
 */
export class ImportIndex {
  private readonly byId = new Map<string, Contact>();
  private readonly byEmail = new Map<string, string>();
  private readonly byCrmId = new Map<string, string>();
  private readonly byUrl = new Map<string, string>();
  private byName: Map<string, string[]> | undefined;
  private matcher: MatchIndex | undefined;
  /** contacts that were in the book before the import (the identity matcher looks only at these) */
  private readonly original: Contact[];

  constructor(contacts: Contact[], profiles: Pick<Profile, 'contactId' | 'url'>[]) {
    this.original = contacts;
    for (const c of contacts) this.put(c);
    for (const p of profiles) if (!this.byUrl.has(SAME.profileUrl(p.url))) this.byUrl.set(SAME.profileUrl(p.url), p.contactId);
  }

  get(id: string): Contact | undefined {
    return this.byId.get(id);
  }

  /** adds or replaces a contact (keys it gained are added; old keys stay) */
  put(c: Contact | PlannedContact): void {
    this.byId.set(c.id, c as Contact);
    for (const e of c.emails) if (!placeholderEmail(e) && !this.byEmail.has(normEmail(e))) this.byEmail.set(normEmail(e), c.id);
    if (c.crmId?.trim() && !this.byCrmId.has(c.crmId.trim())) this.byCrmId.set(c.crmId.trim(), c.id);
    if (this.byName) this.addName(c);
  }

  putUrl(url: string, contactId: string): void {
    if (!this.byUrl.has(SAME.profileUrl(url))) this.byUrl.set(SAME.profileUrl(url), contactId);
  }

  contactOfUrl(url: string): string | undefined {
    return this.byUrl.get(SAME.profileUrl(url));
  }

  findByEmail(e: string): Contact | undefined {
    const id = this.byEmail.get(normEmail(e));
    return id ? this.byId.get(id) : undefined;
  }

  findByCrmId(id: string): Contact | undefined {
    const c = this.byCrmId.get(id.trim());
    return c ? this.byId.get(c) : undefined;
  }

  findByUrl(u: string): Contact | undefined {
    const id = this.byUrl.get(SAME.profileUrl(u));
    return id ? this.byId.get(id) : undefined;
  }

  /** contacts whose whole name is this name (case, ё and punctuation ignored) */
  findByName(name: string): Contact[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const c of this.byId.values()) this.addName(c);
    }
    return (this.byName.get(normaliseName(name)) ?? []).map((id) => this.byId.get(id)!);
  }

  /** the identity matcher's best match among the original book, when it is clearly the same person */
  findByIdentity(input: MatchInput): Contact | undefined {
    if (!this.original.length) return undefined;
    this.matcher ??= new MatchIndex(this.original);
    const [best, second] = this.matcher.candidates(input, { minScore: AUTO_LINK_THRESHOLD, limit: 2 });
    // two people above the threshold: not clear, so not merged
    if (!best || (second && second.score === best.score)) return undefined;
    return this.byId.get(best.contact.id);
  }

  private addName(c: Contact | PlannedContact): void {
    const k = normaliseName(c.name);
    if (!k) return;
    const list = this.byName!.get(k);
    if (!list) this.byName!.set(k, [c.id]);
    else if (!list.includes(c.id)) list.push(c.id);
  }
}


/** The existing contact a record is, and by what; undefined for a new person. */
export function matchRecord(r: ImportedContact, index: ImportIndex, fileId?: string): { contact: Contact; by: MatchKind } | undefined {
  if (fileId) {
    const c = index.get(fileId);
    if (c) return { contact: c, by: 'id' };
  }
  // (a shared mailbox — the same address for people of other names — is not one person)
  for (const e of emailsOf(r)) {
    const c = index.findByEmail(e);
    if (c && !namesConflict(r, c)) return { contact: c, by: 'email' };
  }
  if (r.crmId?.trim()) {
    const c = index.findByCrmId(r.crmId);
    if (c) return { contact: c, by: 'crmId' };
  }
  for (const u of urlsOf(r)) {
    const c = index.findByUrl(u);
    if (c && !namesConflict(r, c)) return { contact: c, by: 'profileUrl' };
  }
  // (a likeness is weak evidence: a contact the CRM keeps under another id is another record, and so
  // is one at other addresses than the row's unless a person's full name says it is the same)
  const c = index.findByIdentity(matchInput(r));
  return c && !otherRecord(r, c) && !(otherAddresses(r, c) && !personalName(r)) ? { contact: c, by: 'identity' } : undefined;
}

function matchInput(r: ImportedContact): MatchInput {
  return { name: r.name, company: r.company, position: r.position, location: r.city, emails: emailsOf(r), phones: phonesOf(r) };
}
