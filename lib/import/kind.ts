// What a CSV holds — contacts, leads, deals, purchases or notes — judged on the whole
// header, every kind's evidence weighed against the others', never by the first
// check that matches (a Bitrix24 leads export has "Клиент", "Товар" and "Сумма" too,
// beside a dozen columns about the person). Returns the kind, whether the header
// makes it clear, and the columns that spoke for each kind, so the mapping screen can
// say why, and ask when it is not sure.
import { type ActivityRole, roleOf } from './activity';
import type { ContactField } from './fields';
import { headerKey, plainKey } from './fields';
import { bareHeaders, knownField } from './mapping';
import { ImportError } from './table';
import { why } from './why';

export const FILE_KINDS = ['contacts', 'leads', 'deals', 'purchases', 'notes'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface KindJudgement {
  kind: FileKind;
  /** false: the header could be more than one kind (or says little): ask the user */
  sure: boolean;
  scores: Record<FileKind, number>;
  /** the columns that spoke for each kind, as the file names them */
  evidence: Record<FileKind, string[]>;
}

/** Columns that say "this row is a lead" (3) or hint at it (1), as headerKey()s. */
const LEAD: Array<[RegExp, number]> = [
  [/^(названиелида|leadtitle|leadname|leadid|idлида|leadowner|повторныйлид|дополнительноостатусе|дополнительнообисточнике|статуслида|leadrating|leadcriadoem|leadcreado|leaderstellt|leadtitel|leadtitulo|etapadolead)$/, 3],
  // Salesforce's Lead object (Data Export's Lead.csv): what became of the lead
  [/^(isconverted|converteddate|convertedcontactid|convertedaccountid|convertedopportunityid)$/, 3],
  [/^lead[a-z]+$/, 1], // Pipedrive "Lead - Title", Zoho/Salesforce "Lead Source", HubSpot contacts' "Lead Status" too
  [/^(статус|источник)$/, 1],
];
const DEAL: Array<[RegExp, number]> = [
  [/^(названиесделки|dealname|dealtitle|dealid|dealstage|dealvalue|dealowner|dealpipeline|этапсделки|стадиясделки|воронка|pipeline|бюджет|dealexpectedclosedate|вероятность|probability|датазакрытиясделки|ответственныйзасделку)$/, 3],
  // Pipedrive's deals in Portuguese and Spanish: its funnel, probability, the day the deal was created, why it was lost
  [/^(funil|embudo|probabilidade|probabilidad|negociocriadoem|tratocreado|motivodaperda|motivodeperdida)$/, 3],
  // (a close date alone is a contact's too: HubSpot's "Close Date", the day it became a customer)
  [/^deal[a-z]+$|сделк|^(?:expected)?closedate$/, 2],
  [/^(stage|стадия|этап|amount|датазакрытия|etapa|valor)$/, 1],
];
/** A mailing list's or a membership's columns about the person: subscribed, opted out, their plan. */
const MEMBERSHIP = /^(?:subscribed|unsubscribed|subscribedtoemails?|subscribedtonewsletter|newslettersubscription|emailoptin|optin|optedin|optout|emailoptout|hasoptedoutofemail|donotcall|donotemail|emailconsent|marketingconsent|complimentaryplan|memberstatus|membershiptype|membershiplevel)$/;

/** Columns about a row's associated records or their history, not the row itself. */
const ABOUT_OTHERS = /^associated|ids$|withprimary|^numberof|^(?:recent|first|latest|last)(?:deal|lead|closed)|responsetime|^dateentered|^dateexited|^daysto/;
const PERSON: ReadonlySet<ContactField> = new Set<ContactField>([
  'name', 'firstName', 'middleName', 'lastName', 'email', 'phone', 'company', 'position', 'city', 'country',
  'birthday', 'profileUrl', 'website',
]);
/** person fields that a purchases or notes file also has, to say whose row it is */
const REFERS: ReadonlySet<ContactField> = new Set<ContactField>(['name', 'email']);
const PURCHASE_ROLES: ReadonlySet<ActivityRole> = new Set<ActivityRole>(['product', 'sku', 'date', 'quantity', 'amount', 'currency']);

const weigh = (key: string, table: Array<[RegExp, number]>) => {
  for (const [re, w] of table) if (re.test(key)) return w;
  return 0;
};

/**
 * Outlook's export of a mail folder instead of its contacts ("Subject", "Body", "From: (Name)",
 * "To: (Name)"…, in its languages): messages, not people — its senders' addresses are often
 * Exchange paths. Refused whole with what to export instead, not rejected row by row.
 */
const MAIL_SUBJECT = new Set(['subject', 'betreff', 'тема', 'objet', 'asunto', 'oggetto', 'assunto', 'onderwerp', 'temat']);
const MAIL_FROM = /^(?:from|von|от|de|da|van|od)(?:name|имя|nom|nombre|nome|naam|nazwa)$/;
const MAIL_TO = /^(?:to|an|кому|à|a|para|aan|do)(?:name|имя|nom|nombre|nome|naam|nazwa)$/;

/** A calendar's export (Outlook's, Google Calendar's CSV): when its events start and end, in its languages. */
const EVENT_START = /^(?:startdate|startday|beginntam|datedebut|debut|fechadecomienzo|fechadeinicio|datainizio|datadeinicio|begindatum|датаначала|startdatum)$/;
const EVENT_END = /^(?:enddate|endday|endetam|datedefin|fin|fechadefinalizacion|fechadefin|datafine|datadetermino|einddatum|датаокончания|enddatum)$/;

/** The kind of file its header says; throws ImportError for a mail folder's or a calendar's export. */
export function judgeKind(headers: string[]): KindJudgement {
  const keys = headers.map(headerKey);
  if (keys.some((k) => MAIL_SUBJECT.has(k)) && keys.some((k) => MAIL_FROM.test(k)) && keys.some((k) => MAIL_TO.test(k))) {
    throw new ImportError(why('mailItems'));
  }
  // LinkedIn's Invitations.csv: who invited whom, the account's owner on every row; its people are in Connections.csv
  if (['from', 'to', 'direction'].every((k) => keys.includes(k)) && (keys.includes('sentat') || keys.includes('datesent'))) throw new ImportError(why('linkedinInvitations'));
  const plain = headers.map(plainKey);
  if (keys.some((k) => MAIL_SUBJECT.has(k)) && plain.some((k) => EVENT_START.test(k)) && plain.some((k) => EVENT_END.test(k))) {
    throw new ImportError(why('calendarItems'));
  }
  const evidence: Record<FileKind, string[]> = { contacts: [], leads: [], deals: [], purchases: [], notes: [] };
  const roles = new Set<ActivityRole>();
  const persons = new Set<ContactField>();
  let lead = 0;
  let deal = 0;
  let refers = false;
  for (const h of bareHeaders(headers)) {
    const key = plainKey(h);
    if (!key) continue;
    const role = roleOf(h);
    const field = knownField(h);
    // a column about other records (HubSpot's "Associated Deal IDs", "Lead with Primary Contact",
    // "Number of Associated Deals", "Recent Deal Amount") says nothing of what a row is
    const about = ABOUT_OTHERS.test(key);
    const lw = about ? 0 : weigh(key, LEAD);
    const dw = about ? 0 : weigh(key, DEAL);
    if (lw) {
      lead += lw;
      evidence.leads.push(h);
    }
    if (dw) {
      deal += dw;
      evidence.deals.push(h);
    }
    if (field && PERSON.has(field) && !lw && !dw) {
      persons.add(field);
      evidence.contacts.push(h);
    }
    if (role === 'email' || role === 'name' || role === 'crmId') refers = true;
    if (role) {
      roles.add(role);
      if (PURCHASE_ROLES.has(role)) evidence.purchases.push(h);
      if (role === 'text' || role === 'date') evidence.notes.push(h);
    }
  }
  // what a list keeps about its members, never about a note or a purchase (Ghost's members export: "email, name,
  // note, subscribed_to_emails, labels, created_at" — its note is the member's, its date the member's joining)
  const membership = headers.filter((h) => MEMBERSHIP.test(plainKey(h)));
  evidence.contacts.push(...membership);
  // person fields a purchases/notes file would not have
  const beyondRef = [...persons].filter((f) => !REFERS.has(f)).length + membership.length;
  const person = persons.size + membership.length;
  const productish = roles.has('product') || roles.has('sku');
  const measured = roles.has('date') || roles.has('quantity') || roles.has('amount');
  const purchaseRoles = [...roles].filter((r) => PURCHASE_ROLES.has(r)).length;
  const scores: Record<FileKind, number> = {
    contacts: person,
    leads: lead >= 3 ? person + lead : 0,
    deals: deal >= 3 ? person + deal : 0,
    purchases: refers && productish && measured ? Math.max(0, 2 + purchaseRoles - beyondRef) : 0,
    notes: refers && roles.has('text') && roles.has('date') ? Math.max(0, 3 - 2 * beyondRef) : 0,
  };
  const ranked = [...FILE_KINDS].sort((a, b) => scores[b] - scores[a]);
  const [best, second] = ranked;
  const kind = scores[best] > 0 ? best : 'contacts';
  const sure = scores[best] >= 2 && scores[best] - scores[second] >= 2;
  return { kind, sure, scores, evidence };
}

/** The kind alone (the CLI and a caller that will not ask). */
export function detectCsvKind(headers: string[]): FileKind {
  return judgeKind(headers).kind;
}

/** Leads and deals are people, read as contacts with what they carry. */
export function isPeopleKind(k: FileKind): k is 'contacts' | 'leads' | 'deals' {
  return k === 'contacts' || k === 'leads' || k === 'deals';
}
