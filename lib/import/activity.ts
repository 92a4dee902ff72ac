// Purchases and notes from their own CSVs: simpler than contacts, but every row is
// accounted for (rows = accepted + rejected) and a bad row says why. Each record
// refers to its contact by e-mail, CRM id or name; the DB layer resolves the
// reference (to a contact in the same import or already stored).
import { headerKey, isBlank } from './fields';
import { genericField } from './mapping';
import type { Rejected, RowSink, TableInfo, TableRow } from './table';
import { parseAmount, parseTimestamp } from './values';
import { isWhy, why, type Why } from './why';

export interface ContactRef {
  email?: string;
  crmId?: string;
  name?: string;
}

export interface PurchaseRecord {
  contact: ContactRef;
  product: { sku?: string; name?: string };
  /** epoch ms */
  at: number;
  quantity: number;
  amount: number;
  currency?: string;
}

export interface NoteRecord {
  contact: ContactRef;
  /** epoch ms; absent when the file gives no date (the importer uses the import time) */
  at?: number;
  text: string;
}

export type ActivityRole = 'email' | 'crmId' | 'name' | 'product' | 'sku' | 'date' | 'quantity' | 'amount' | 'currency' | 'text';

const ROLES: Array<[ActivityRole, string[]]> = [
  ['crmId', ['contactid', 'customerid', 'clientid', 'crmid', 'personid', 'idклиента', 'идклиента', 'idконтакта']],
  // (Dynamics 365's activities: "Regarding" is the contact or account the activity is about)
  ['name', ['contact', 'customer', 'client', 'contactname', 'customername', 'clientname', 'buyer', 'regarding', 'клиент', 'покупатель', 'контакт', 'имяклиента']],
  ['sku', ['sku', 'productid', 'productcode', 'itemid', 'itemcode', 'code', 'artikul', 'артикул', 'кодтовара', 'код']],
  ['product', ['product', 'productname', 'item', 'itemname', 'товар', 'продукт', 'наименование', 'наименованиетовара', 'услуга']],
  ['date', ['date', 'purchasedate', 'orderdate', 'purchasedat', 'createdat', 'created', 'at', 'when', 'notedate', 'actualend', 'дата', 'датапокупки', 'датазаказа', 'датасоздания']],
  ['quantity', ['quantity', 'qty', 'count', 'units', 'количество', 'колво', 'кол']],
  ['amount', ['amount', 'total', 'price', 'sum', 'revenue', 'value', 'сумма', 'стоимость', 'цена', 'итого']],
  ['currency', ['currency', 'curr', 'валюта']],
  ['text', ['text', 'note', 'notes', 'body', 'content', 'comment', 'comments', 'subject', 'текст', 'заметка', 'заметки', 'комментарий', 'примечание']],
];

/** What a column is to a purchases or notes file, if anything. */
export function roleOf(header: string): ActivityRole | undefined {
  const key = headerKey(header);
  for (const [role, keys] of ROLES) if (keys.includes(key)) return role;
  const f = genericField(header);
  if (f === 'email') return 'email';
  if (f === 'name') return 'name';
  return undefined;
}

function roles(headers: string[]): Map<ActivityRole, number> {
  const out = new Map<ActivityRole, number>();
  headers.forEach((h, i) => {
    const r = roleOf(h);
    if (r && !out.has(r)) out.set(r, i);
  });
  return out;
}

const NO_CONTACT = why('noContactRef');

export interface ActivityReport<K extends 'purchases' | 'notes', T> extends TableInfo {
  kind: K;
  rows: number;
  accepted: number;
  rejected: Rejected[];
  records: T[];
  recordLines: number[];
}

abstract class ActivitySink<T> implements RowSink {
  rows = 0;
  readonly rejected: Rejected[] = [];
  readonly records: T[] = [];
  readonly recordLines: number[] = [];
  protected readonly col: Map<ActivityRole, number>;

  constructor(headers: string[]) {
    this.col = roles(headers);
  }

  protected cell(fields: string[], role: ActivityRole): string | undefined {
    const i = this.col.get(role);
    const v = i === undefined ? undefined : fields[i];
    return isBlank(v) ? undefined : v;
  }

  protected contact(fields: string[]): ContactRef | undefined {
    const ref: ContactRef = {};
    const email = this.cell(fields, 'email');
    const crmId = this.cell(fields, 'crmId');
    let name = this.cell(fields, 'name');
    if (name && !email && /^[^\s@]+@[^\s@]+$/.test(name.trim())) {
      // a "Contact"/"Customer" column holding e-mails
      ref.email = name;
      name = undefined;
    }
    if (email) ref.email = email;
    if (crmId) ref.crmId = crmId;
    if (name) ref.name = name;
    return ref.email || crmId || name ? ref : undefined;
  }

  /** the record, or the reason it is rejected */
  protected abstract make(fields: string[]): T | Why;

  row(r: TableRow): void {
    this.rows++;
    const made = this.make(r.fields);
    if (isWhy(made)) this.rejected.push({ line: r.line, ...made, raw: r.raw });
    else {
      this.records.push(made);
      this.recordLines.push(r.line);
    }
  }

  reject(r: Rejected): void {
    this.rows++;
    this.rejected.push(r);
  }
}

export class PurchaseSink extends ActivitySink<PurchaseRecord> {
  protected make(f: string[]): PurchaseRecord | Why {
    const contact = this.contact(f);
    if (!contact) return NO_CONTACT;
    const sku = this.cell(f, 'sku');
    const name = this.cell(f, 'product');
    if (!sku && !name) return why('noProduct');
    const dateText = this.cell(f, 'date');
    if (!dateText) return why('noDate');
    const at = parseTimestamp(dateText);
    if (at === undefined) return why('dateNotUnderstood', { text: dateText });
    const qText = this.cell(f, 'quantity');
    const q = qText === undefined ? { value: 1 } : parseAmount(qText);
    if (!q) return why('quantityNotNumber', { text: qText ?? '' });
    const aText = this.cell(f, 'amount');
    const a = aText === undefined ? { value: 0 } : parseAmount(aText);
    if (!a) return why('amountNotNumber', { text: aText ?? '' });
    const currency = this.cell(f, 'currency')?.trim().toUpperCase() ?? ('currency' in a ? a.currency : undefined);
    const product: PurchaseRecord['product'] = {};
    if (sku) product.sku = sku;
    if (name) product.name = name;
    const rec: PurchaseRecord = { contact, product, at, quantity: q.value, amount: a.value };
    if (currency) rec.currency = currency;
    return rec;
  }

  report(info: TableInfo): ActivityReport<'purchases', PurchaseRecord> {
    return { kind: 'purchases', ...info, rows: this.rows, accepted: this.records.length, rejected: this.rejected, records: this.records, recordLines: this.recordLines };
  }
}

export class NoteSink extends ActivitySink<NoteRecord> {
  protected make(f: string[]): NoteRecord | Why {
    const contact = this.contact(f);
    if (!contact) return NO_CONTACT;
    const text = this.cell(f, 'text');
    if (!text) return why('noText');
    const dateText = this.cell(f, 'date');
    const at = dateText === undefined ? undefined : parseTimestamp(dateText);
    if (dateText !== undefined && at === undefined) return why('dateNotUnderstood', { text: dateText });
    return at === undefined ? { contact, text } : { contact, at, text };
  }

  report(info: TableInfo): ActivityReport<'notes', NoteRecord> {
    return { kind: 'notes', ...info, rows: this.rows, accepted: this.records.length, rejected: this.rejected, records: this.records, recordLines: this.recordLines };
  }
}
