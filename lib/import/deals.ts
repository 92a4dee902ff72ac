// The deal (or lead) a row of a CRM's deals or leads export carries, beside the
// person it names: its title, stage (the CRM's own words), what that stage means
// (open, won, lost), amount and currency, product, owner and dates. Column names
// as Bitrix24, amoCRM, HubSpot, Zoho and Pipedrive export them (en, ru, pt), compared by
// plainKey() (accents dropped). Values are read conservatively: a stage we cannot place is "open",
// a closed deal whose outcome the file does not say is "closed" (never guessed won),
// an amount or date that does not parse is left out.
import { plainKey } from './fields';
import { currencyCode, parseAmount, parseTimestamp } from './values';

export type DealRole =
  | 'id' | 'title' | 'stage' | 'status' | 'closed' | 'won' | 'amount' | 'currency' | 'product' | 'owner'
  | 'openedAt' | 'closedAt' | 'wonAt' | 'lostAt';

/** Header keys per role, first match wins within a role; the first role a column fits takes it. */
const ROLES: Array<[DealRole, string[]]> = [
  ['id', ['dealid', 'idсделки', 'recordid', 'leadid', 'idлида', 'id', 'ид', 'идентификатор']],
  ['title', ['dealname', 'dealtitle', 'названиесделки', 'названиелида', 'leadtitle', 'leadname', 'сделка', 'название', 'opportunityname', 'titulo', 'leadtitulo', 'leadtitel', 'dealtitel']],
  ['stage', ['dealstage', 'этапсделки', 'стадиясделки', 'stage', 'стадия', 'этап', 'stagename', 'лидстадия', 'etapa', 'etapadolead', 'leadphase', 'dealphase']],
  ['status', ['dealstatus', 'статуссделки', 'status', 'статус', 'leadstatus', 'статуслида']],
  ['closed', ['закрыта', 'сделказакрыта', 'closed', 'isclosed', 'isdealclosed']],
  ['won', ['isclosedwon', 'won']],
  ['amount', ['dealvalue', 'dealamount', 'amount', 'value', 'сумма', 'бюджет', 'opportunity', 'суммасделки', 'valor', 'venda', 'leadwert', 'dealwert']],
  ['currency', ['dealcurrency', 'currency', 'валюта', 'currencycode', 'moedadevalor', 'moeda', 'monedadevalor', 'moneda']],
  ['product', ['dealproduct', 'dealproducts', 'product', 'products', 'productname', 'товар', 'товары', 'продукт', 'продукты', 'наименованиетовара']],
  ['owner', ['dealowner', 'ответственныйзасделку', 'owner', 'ответственный', 'leadowner', 'dealownername', 'proprietario', 'propietario', 'leadusuarioresponsavel', 'usuarioresponsavel', 'leadbesitzer', 'dealbesitzer']],
  ['openedAt', ['dealdealcreated', 'dealcreated', 'dealcreatedate', 'createdate', 'datecreated', 'created', 'createdat', 'датасоздания', 'датаначала', 'создана', 'dealaddtime', 'addtime', 'negociocriadoem', 'leadcriadoem', 'tratocreado', 'leadcreado', 'leaderstellt', 'dealerstellt', 'datacriada']],
  ['closedAt', ['dealclosedon', 'closedon', 'actualclosedate', 'датазакрытиясделки', 'датазакрытия', 'датазавершения', 'closedate', 'dealclosedate', 'dealclosetime', 'closetime', 'negociofechadoem', 'tratocerrado', 'fechadaem']],
  ['wonAt', ['dealwontime', 'wontime', 'closedwondate', 'датауспешногозакрытия', 'ganhoem', 'ganadoel']],
  ['lostAt', ['deallosttime', 'losttime', 'closedlostdate', 'datadeperda', 'fechadeperdida']],
];

// Stage texts, as the CRMs name their closed stages. Lost is checked first:
// amoCRM's "Закрыто и не реализовано" also contains "реализовано".
const LOST = /closed\s*[-_]?\s*lost|^lost(?:\s+lead)?$|deal\s+lost|deal\s+failed|^junk|unqualified|^not\s+qualified$|провал|не\s*реализ|нереализ|проигр|отказ|некачествен|^lose$|^отмен|^perdid[oa]$|^perdu$|^verloren$/i;
const WON = /closed\s*[-_]?\s*won|^won$|deal\s+won|успешн|выигр|^реализовано|оплачен|^win$|^ganh[oa]$|^ganad[oa]$|^gagn[ée]$|^gewonnen$/i;
const YES = /^(да|yes|y|true|1|closed|закрыта)$/i;

export interface DealRecord {
  /** physical line (or row) of the row it came from */
  line: number;
  kind: 'deal' | 'lead';
  /** re-import identity: "id:<crm id>" or "row:<hash>" */
  key: string;
  crmId?: string;
  title?: string;
  stage?: string;
  status: 'open' | 'won' | 'lost' | 'closed';
  amount?: number;
  currency?: string;
  product?: string;
  owner?: string;
  openedAt?: number;
  closedAt?: number;
  /** a deals file's other columns, as the file names them */
  custom?: { name: string; value: string }[];
}

export interface DealColumns {
  /** column index per role */
  at: Partial<Record<DealRole, number>>;
  /** the headers the deal takes, as the file names them */
  headers: Set<string>;
}

/** Which column feeds which part of a deal, decided once per file. */
export function dealColumns(headers: string[]): DealColumns {
  const at: Partial<Record<DealRole, number>> = {};
  const keys = headers.map(plainKey);
  // Pipedrive names a lead's columns after it ("Lead - Lead erstellt", "Deal - Deal created"): also by what follows
  const bare = headers.map((h) => (/^\s*(?:lead|deal)\s+-\s/i.test(h) ? plainKey(h.replace(/^[^-]*-\s*/, '')) : ''));
  const used = new Set<number>();
  for (const [role, names] of ROLES) {
    for (const n of names) {
      const i = keys.findIndex((k, j) => (k === n || bare[j] === n) && !used.has(j));
      if (i >= 0) {
        at[role] = i;
        used.add(i);
        break;
      }
    }
  }
  return { at, headers: new Set([...used].map((i) => headers[i] || `column ${i + 1}`)) };
}

/** What a CRM's stage or status text means; undefined when it says nothing we can place. */
export function statusOfStage(text: string | undefined): 'won' | 'lost' | 'open' | undefined {
  const t = text?.trim();
  if (!t) return undefined;
  if (LOST.test(t)) return 'lost';
  if (WON.test(t)) return 'won';
  if (/^open$|^открыт/i.test(t)) return 'open';
  return undefined;
}

/** FNV-1a, 32 bits, twice with different seeds: a short stable hash of text. */
export function stableHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

/**
 * The deal one row carries. `who` names the person (e-mail or name) for the row's
 * hash when the file has no deal id: a re-import of the same row gets the same key,
 * also when only its stage or amount moved on.
 */
export function dealOfRow(
  cols: DealColumns,
  fields: string[],
  o: { line: number; kind: 'deal' | 'lead'; who: string; company?: string; preset?: string },
): DealRecord {
  const cell = (r: DealRole) => {
    const i = cols.at[r];
    const v = i === undefined ? undefined : fields[i]?.trim();
    return v ? v : undefined;
  };
  const date = (r: DealRole) => {
    const v = cell(r);
    return v ? parseTimestamp(v) : undefined;
  };
  const stage = cell('stage') ?? cell('status');
  const closedFlag = cell('closed');
  const wonFlag = cell('won');
  let status: DealRecord['status'] =
    statusOfStage(cell('status')) ?? statusOfStage(cell('stage')) ?? (wonFlag && YES.test(wonFlag) ? 'won' : 'open');
  if (status === 'open' && (closedFlag && YES.test(closedFlag))) status = 'closed';
  if (status === 'open' && date('wonAt') !== undefined) status = 'won';
  if (status === 'open' && date('lostAt') !== undefined) status = 'lost';
  const out: DealRecord = { line: o.line, kind: o.kind, key: '', status };
  const id = cell('id');
  if (id) out.crmId = id;
  const title = cell('title');
  if (title) out.title = title;
  if (stage) out.stage = stage;
  const amountText = cell('amount');
  const amount = amountText ? parseAmount(amountText) : undefined;
  if (amount && amount.value >= 0) out.amount = amount.value;
  const currency = cell('currency') ?? amount?.currency;
  if (currency) out.currency = currencyCode(currency);
  const product = cell('product');
  if (product) out.product = product;
  const owner = cell('owner');
  if (owner) out.owner = owner;
  const opened = date('openedAt');
  if (opened !== undefined) out.openedAt = opened;
  // a close date means when it was won or lost; on an open deal it is the expected one
  const closed = status === 'won' ? (date('wonAt') ?? date('closedAt')) : status === 'lost' ? (date('lostAt') ?? date('closedAt')) : status === 'closed' ? date('closedAt') : undefined;
  if (closed !== undefined) out.closedAt = closed;
  out.key = id
    ? `id:${o.preset ?? 'crm'}:${o.kind}:${id}`
    : `row:${o.kind}:${stableHash([o.who.trim().toLowerCase(), o.company?.trim().toLowerCase() ?? '', title ?? '', product ?? '', cell('openedAt') ?? ''].join('\u0001'))}`;
  return out;
}
