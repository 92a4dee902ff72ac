// Deals and leads from CRM exports are stored (the deals table), known again on a
// re-import, and a won deal is a purchase — once, also when a purchases file names
// the same purchase. The model reads them: an open deal moves the stage, a won one
// makes a customer. Fixtures: tests/fixtures/import/bitrix24-deals.csv and
// pipedrive-deals.csv (the CRMs' own column names; invented people).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { TiewiseDB } from '@/lib/db/database';
import { applyImport } from '@/lib/db/importer';
import { getContactRecord } from '@/lib/db/record';
import { assessRecord, refreshAllTies } from '@/lib/db/derive';
import { dealColumns, dealOfRow, statusOfStage } from '@/lib/import/deals';
import { judgeKind } from '@/lib/import/kind';
import { type FileRead, ImportReader, formatOf } from '@/lib/import/read';
import { DAY } from '@/lib/domain/time';

let n = 0;
const fresh = () => new TiewiseDB(`deals-${Date.now()}-${++n}`);
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${name}`));
function read(bytes: Uint8Array | string, name = 'x.csv'): FileRead {
  const b = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const r = new ImportReader({ format: formatOf(name, b) });
  r.push(b);
  return r.end();
}
const NOW = Date.UTC(2025, 11, 1);

describe('what a CRM stage means', () => {
  it.each([
    ['Сделка успешна', 'won'], ['Сделка провалена', 'lost'], ['Успешно реализовано', 'won'], ['Закрыто и не реализовано', 'lost'],
    ['Closed Won', 'won'], ['closedlost', 'lost'], ['Won', 'won'], ['Lost', 'lost'], ['Некачественный лид', 'lost'],
    ['Подготовка документов', undefined], ['Proposal made', undefined], ['Качественный лид', undefined], ['', undefined],
  ])('%s → %s', (stage, status) => expect(statusOfStage(stage)).toBe(status));

  it('a closed deal the file does not call won or lost stays "closed", never guessed', () => {
    const headers = ['ID', 'Название сделки', 'Стадия сделки', 'Закрыта', 'Контакт'];
    const d = dealOfRow(dealColumns(headers), ['9', 'X', 'Архив', 'Да', 'Анна'], { line: 2, kind: 'deal', who: 'Анна' });
    expect(d.status).toBe('closed');
    expect(d.closedAt).toBeUndefined();
  });

  it('an expected close date on an open deal is not a close date', () => {
    const headers = ['Deal Name', 'Deal Stage', 'Close Date', 'Email'];
    const d = dealOfRow(dealColumns(headers), ['Pilot', 'Contract sent', '2026-01-31', 'a@b.example'], { line: 2, kind: 'deal', who: 'a@b.example' });
    expect(d).toMatchObject({ status: 'open', stage: 'Contract sent', title: 'Pilot' });
    expect(d.closedAt).toBeUndefined();
  });

  it('without a deal id, the same row gets the same key, also after its stage moved on', () => {
    const headers = ['Deal Name', 'Deal Stage', 'Amount', 'Create Date', 'Email'];
    const cols = dealColumns(headers);
    const a = dealOfRow(cols, ['Pilot', 'Contract sent', '100', '2025-10-01', 'a@b.example'], { line: 2, kind: 'deal', who: 'a@b.example' });
    const b = dealOfRow(cols, ['Pilot', 'Closed Won', '120', '2025-10-01', 'A@B.example'], { line: 7, kind: 'deal', who: 'A@B.example' });
    const c = dealOfRow(cols, ['Renewal', 'Closed Won', '120', '2025-10-01', 'a@b.example'], { line: 8, kind: 'deal', who: 'a@b.example' });
    expect(a.key).toMatch(/^row:deal:/);
    expect(b.key).toBe(a.key);
    expect(c.key).not.toBe(a.key);
  });
});

describe('a Bitrix24 deals export', () => {
  it('is deals, and every row is accounted for', () => {
    const r = read(fixture('bitrix24-deals.csv'), 'DEAL.csv');
    expect(judgeKind(['ID', 'Название сделки', 'Стадия сделки', 'Вероятность', 'Сумма', 'Контакт']).kind).toBe('deals');
    if (r.kind !== 'contacts' || !('deals' in r)) throw new Error(r.kind);
    expect(r.entity).toBe('deals');
    expect([r.rows, r.accepted, r.duplicates.length, r.rejected.length]).toEqual([5, 3, 1, 1]);
    expect(r.rows).toBe(r.accepted + r.duplicates.length + r.rejected.length);
    // the row naming nobody is rejected with its deal; the repeated person's second deal is kept
    expect(r.rejected.map((x) => x.line)).toEqual([5]);
    expect(r.deals?.map((x) => [x.deal.line, x.record, x.deal.status])).toEqual([[2, 0, 'won'], [3, 0, 'open'], [4, 1, 'lost'], [6, 2, 'open']]);
    // the deal's id, stage and owner are the deal's, not the person's
    expect(r.records[0].crmId).toBeUndefined();
    expect(r.records[0].stage).toBeUndefined();
    expect(r.records[0].custom).toBeUndefined();
  });

  it('imports people with their deals; the won deal is a purchase linked both ways', async () => {
    const d = fresh();
    const res = await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, d);
    expect(res.summary).toMatchObject({ added: 3, deals: 4, dealsUpdated: 0, purchases: 1, products: 1, rejected: 1, duplicates: 1 });
    const zuev = (await d.contacts.where('emails').equals('zuev@tehmash.example').first())!;
    expect(zuev).toMatchObject({ name: 'Виктор Зуев', company: 'ООО «Техмаш»', relation: 'customer' });
    expect(zuev.crmId).toBeUndefined();
    const deals = await d.deals.where('contactId').equals(zuev.id).sortBy('crmId');
    expect(deals.map((x) => [x.crmId, x.title, x.stage, x.status, x.amount, x.currency, x.product, x.owner])).toEqual([
      ['1001', 'Поставка станков ТС-16', 'Сделка успешна', 'won', 370000, 'RUB', 'Станок ТС-16', 'Мария Лосева'],
      ['1002', 'Сервисный контракт 2026', 'Подготовка документов', 'open', 96000, 'RUB', 'Сервисный пакет', 'Мария Лосева'],
    ]);
    expect(deals[0]).toMatchObject({ closedAt: Date.UTC(2025, 10, 14), source: { kind: 'import', ref: 'DEAL.csv:2' }, company: 'ООО «Техмаш»' });
    expect(deals[0].custom).toEqual(expect.arrayContaining([{ name: 'Вероятность', value: '100' }, { name: 'Источник', value: 'Веб-сайт' }]));
    const [purchase] = await d.purchases.where('contactId').equals(zuev.id).toArray();
    expect(purchase).toMatchObject({ at: Date.UTC(2025, 10, 14), amount: 370000, currency: 'RUB', quantity: 1, dealId: deals[0].id });
    expect(deals[0].purchaseId).toBe(purchase.id);
    expect((await d.products.get(purchase.productId))?.name).toBe('Станок ТС-16');
    // a lost deal and an open one are no purchase
    expect(await d.purchases.count()).toBe(1);
    const orlova = (await d.contacts.where('emails').equals('d.orlova@polar-sklad.example').first())!;
    expect(orlova.relation).toBe('prospect');
  });

  it('importing the same file again adds nothing: no second deal, no second purchase', async () => {
    const d = fresh();
    await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, d);
    const again = await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW + DAY }, d);
    expect(again.summary).toMatchObject({ added: 0, deals: 0, dealsUpdated: 0, purchases: 0, products: 0 });
    expect([await d.contacts.count(), await d.deals.count(), await d.purchases.count()]).toEqual([3, 4, 1]);
  });

  it('a newer export of the same deals moves them on: the won one becomes a purchase then, once', async () => {
    const d = fresh();
    const text = new TextDecoder().decode(fixture('bitrix24-deals.csv'));
    const earlier = text.replace('1001;Поставка станков ТС-16;Сделка успешна', '1001;Поставка станков ТС-16;Финальный счёт').replace(';Да;Веб-сайт;', ';Нет;Веб-сайт;');
    await applyImport(read(earlier, 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, d);
    expect(await d.purchases.count()).toBe(0);
    expect((await d.deals.toArray()).find((x) => x.crmId === '1001')?.status).toBe('open');
    const later = await applyImport(read(text, 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW + DAY }, d);
    expect(later.summary).toMatchObject({ deals: 0, dealsUpdated: 1, purchases: 1 });
    const won = (await d.deals.toArray()).find((x) => x.crmId === '1001')!;
    expect([won.stage, won.status, won.closedAt]).toEqual(['Сделка успешна', 'won', Date.UTC(2025, 10, 14)]);
    expect(await d.deals.count()).toBe(4);
    const third = await applyImport(read(text, 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW + 2 * DAY }, d);
    expect(third.summary).toMatchObject({ deals: 0, dealsUpdated: 0, purchases: 0 });
    expect(await d.purchases.count()).toBe(1);
  });

  it('the same purchase from a purchases file is not a second one, in either order', async () => {
    const purchases = 'Email,Product,Date,Amount,Currency\nzuev@tehmash.example,Станок ТС-16,2025-11-14,370000,RUB\nzuev@tehmash.example,Запчасти,2025-11-20,5000,RUB\n';
    // deals first, then purchases
    const a = fresh();
    await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, a);
    const p = await applyImport(read(purchases, 'purchases.csv'), { fileName: 'purchases.csv', now: NOW }, a);
    expect(p.summary).toMatchObject({ purchases: 1, skipped: 1 });
    expect(await a.purchases.count()).toBe(2);
    // purchases first, then deals: the won deal links the purchase the book has
    const b = fresh();
    await applyImport(read('Name,Email\nВиктор Зуев,zuev@tehmash.example\n', 'c.csv'), { fileName: 'c.csv', now: NOW }, b);
    await applyImport(read(purchases, 'purchases.csv'), { fileName: 'purchases.csv', now: NOW }, b);
    const q = await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, b);
    expect(q.summary).toMatchObject({ deals: 4, purchases: 0 });
    expect(await b.purchases.count()).toBe(2);
    const won = (await b.deals.toArray()).find((x) => x.crmId === '1001')!;
    const bought = (await b.purchases.toArray()).find((x) => x.amount === 370000)!;
    expect(won.purchaseId).toBe(bought.id);
  });

  it('a Pipedrive deals export: status column, won time, the person keeps their own CRM id', async () => {
    const d = fresh();
    const res = await applyImport(read(fixture('pipedrive-deals.csv'), 'deals.csv'), { fileName: 'deals.csv', now: NOW }, d);
    // no product column: the won deal's title names what was bought
    expect(res.summary).toMatchObject({ added: 2, deals: 3, purchases: 1 });
    expect((await d.products.toArray()).map((p) => p.name)).toEqual(['Fleet renewal']);
    const ingrid = (await d.contacts.where('emails').equals('ingrid.holm@nordfrakt.example').first())!;
    expect(ingrid).toMatchObject({ crmId: '301', company: 'Nordfrakt AS', relation: 'customer' });
    const deals = (await d.deals.where('contactId').equals(ingrid.id).toArray()).sort((x, y) => x.crmId!.localeCompare(y.crmId!));
    expect(deals.map((x) => [x.title, x.status, x.closedAt])).toEqual([['Fleet renewal', 'won', Date.UTC(2025, 9, 20, 15)], ['Add-on seats', 'open', undefined]]);
  });

  it('a leads export keeps its leads beside the people (kind lead), who stay prospects', async () => {
    const d = fresh();
    const res = await applyImport(read(fixture('bitrix24-leads.csv'), 'LEAD.csv'), { fileName: 'LEAD.csv', now: NOW }, d);
    expect(res.summary).toMatchObject({ added: 3, deals: 4, purchases: 0 });
    const leads = await d.deals.toArray();
    expect(new Set(leads.map((x) => x.kind))).toEqual(new Set(['lead']));
    expect(leads.find((x) => x.crmId === '2011')).toMatchObject({ title: 'Заявка с сайта: станок', stage: 'Новая', status: 'open', amount: 185000, product: 'Станок ТС-16' });
  });
});

describe('the model reads stored deals', () => {
  it('a won deal makes a customer whose next step is a reference; an open one enters the account, also for a colleague there', async () => {
    const d = fresh();
    await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, d);
    // a second person at Harbor Tools, with no deal of their own
    await applyImport(read('Name,Email,Company\nMei Wong,mei@harbor-tools.example,Harbor Tools\n', 'c.csv'), { fileName: 'c.csv', now: NOW }, d);
    await refreshAllTies(NOW, d);
    const byEmail = async (e: string) => (await d.contacts.where('emails').equals(e).first())!;
    const zuev = await byEmail('zuev@tehmash.example');
    expect([zuev.networkType, zuev.state, zuev.stage]).toEqual(['referral-advocate', 'deal-won', 'closing-referrals']);
    const a = await assessRecord((await getContactRecord(zuev.id, d))!, NOW, d);
    expect(a.classification.reasons.map((r) => r.code)).toContain('deal-won');
    const chen = await byEmail('chen.liang@harbor-tools.example');
    expect([chen.state, chen.stage]).toEqual(['prospect', 'entering-account']);
    const mei = await byEmail('mei@harbor-tools.example');
    expect(mei.stage).toBe('entering-account');
    const meiA = await assessRecord((await getContactRecord(mei.id, d))!, NOW, d);
    expect(meiA.classification.reasons.map((r) => r.code)).toContain('account-deal-open');
    const orlova = await byEmail('d.orlova@polar-sklad.example');
    expect(orlova.state).toBe('deal-lost');
  });

  it('the import itself stores the tie and state its deals give; a deal added later to an unchanged contact is refreshed with its account', async () => {
    const d = fresh();
    const res = await applyImport(read(fixture('bitrix24-deals.csv'), 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, d);
    const zuev = (await d.contacts.where('emails').equals('zuev@tehmash.example').first())!;
    expect([zuev.networkType, zuev.state]).toEqual(['referral-advocate', 'deal-won']);
    expect(res.peerIds).toEqual([]);
    // Mei is in the book already; a newer export gives her colleague's company an open deal through her, changing nothing on her
    const e = fresh();
    await applyImport(read('Name,Email,Company\nMei Wong,mei@harbor-tools.example,Harbor Tools\n', 'c.csv'), { fileName: 'c.csv', now: NOW }, e);
    const deal = 'ID;Название сделки;Стадия сделки;Сумма;Валюта;Компания;Контакт;Рабочий e-mail\n77;Пилот;В работе;100;USD;Harbor Tools;Mei Wong;mei@harbor-tools.example\n';
    const r = await applyImport(read(deal, 'DEAL.csv'), { fileName: 'DEAL.csv', now: NOW }, e);
    expect(r.summary).toMatchObject({ added: 0, deals: 1 });
    const mei = (await e.contacts.toArray())[0];
    expect(r.peerIds.concat(r.contactIds)).toContain(mei.id);
    await refreshAllTies(NOW, e, r.peerIds);
    expect((await e.contacts.get(mei.id))?.stage).toBe('entering-account');
  });

  it('"Connected On" is the first contact when nothing earlier is known', async () => {
    const d = fresh();
    await applyImport(read('First Name,Last Name,Email Address,Company,Connected On\nAnna,Lind,anna@x.example,Acme,14 Mar 2023\n', 'Connections.csv'), { fileName: 'Connections.csv', now: NOW }, d);
    const c = (await d.contacts.toArray())[0];
    await d.interactions.add({ id: 'i1', contactId: c.id, kind: 'meeting', direction: 'in', at: NOW - 10 * DAY, summary: '', source: { kind: 'user', at: NOW } });
    const a = await assessRecord((await getContactRecord(c.id, d))!, NOW, d);
    expect(Math.round(a.signals.daysSinceFirst!)).toBe(Math.round((NOW - Date.UTC(2023, 2, 14)) / DAY));
    expect(Math.round(a.signals.durationDays!)).toBe(Math.round((NOW - 10 * DAY - Date.UTC(2023, 2, 14)) / DAY));
  });
});

describe("Pipedrive's exports in Portuguese", () => {
  const deals = [
    '"ID","Título","Proprietário","Valor","Moeda de Valor","Probabilidade","Organização","Funil","Pessoa de contato","Etapa","Status","Negócio criado em","Ganho em","Data de perda","Motivo da perda"',
    '"15","Lobo Montagem","Helena","4100","BRL","","Lobo Montagem","Vendas","Marcos Tavares Souza","FECHAMENTO","Ganho","2024-06-12 12:51:16","2024-06-21 17:54:03","",""',
    '"16","Rio Verde","Helena","900","BRL","","Rio Verde Ltda","Vendas","Ana Paula Reis","PROPOSTA","Perdido","2024-06-13 09:00:00","","2024-07-01 10:00:00","Preço"',
    '"17","Serra Azul","Helena","","","","Serra Azul Transportes","Vendas","","QUALIFICAÇÃO","Aberto","2024-06-14 09:00:00","","",""',
  ].join('\r\n');
  it('deals: the contact person is the person, "Ganho" and "Perdido" are won and lost, Valor and Proprietário the amount and owner', () => {
    expect(judgeKind(deals.split('\r\n')[0].split(',').map((h) => h.replace(/"/g, ''))).kind).toBe('deals');
    const r = read(deals);
    if (r.kind !== 'contacts' || !('deals' in r)) throw new Error(r.kind);
    expect([r.rows, r.accepted, r.duplicates.length, r.rejected.length]).toEqual([3, 2, 0, 1]);
    expect(r.records.map((x) => [x.name, x.company])).toEqual([['Marcos Tavares Souza', 'Lobo Montagem'], ['Ana Paula Reis', 'Rio Verde Ltda']]);
    expect(r.deals?.map((x) => [x.deal.title, x.deal.status, x.deal.amount, x.deal.currency, x.deal.owner, x.deal.stage])).toEqual([
      ['Lobo Montagem', 'won', 4100, 'BRL', 'Helena', 'FECHAMENTO'],
      ['Rio Verde', 'lost', 900, 'BRL', 'Helena', 'PROPOSTA'],
    ]);
    // a deal with an organisation and no person: refused as naming a company, no person
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[4, 'companyNoPerson']]);
  });
  it("people: 'Nome' is the whole name beside 'Primeiro nome'; 'E-mail - Trabalho', 'Telefone - Celular', 'Organização' are the person's", () => {
    const r = read([
      '"ID","Nome","Etiqueta","Telefone - Trabalho","Telefone - Celular","E-mail - Trabalho","E-mail - Outros","Organização","Proprietário","Primeiro nome","Sobrenome","Cargo"',
      '"19","Marcos Tavares Souza","Cliente","(62) 3310-3807","(62) 98310-3807","compras@lobo.example","marcos@pessoal.example","Lobo Montagem","Helena","Marcos","Tavares Souza","Comprador"',
    ].join('\r\n'));
    if (r.kind !== 'contacts') throw new Error(r.kind);
    expect(r.records[0]).toMatchObject({
      name: 'Marcos Tavares Souza', firstName: 'Marcos', lastName: 'Tavares Souza', email: 'compras@lobo.example', emails: ['compras@lobo.example', 'marcos@pessoal.example'],
      phone: '(62) 3310-3807', phones: ['(62) 3310-3807', '(62) 98310-3807'], company: 'Lobo Montagem', owner: 'Helena', position: 'Comprador', tags: 'Cliente',
    });
  });
  it('organizations: companies, refused as such, not people', () => {
    const r = read('"ID","Nome","Etiqueta","Proprietário","Pessoas","Negócios em aberto","Organização criada"\r\n"12","Lobo Montagem","","Helena","2","0","2024-06-12 12:51:16"\r\n');
    if (r.kind !== 'contacts') throw new Error(r.kind);
    expect(r.rejected.map((x) => [x.line, x.code])).toEqual([[2, 'companyNoPerson']]);
  });
});

describe('leads by what became of them', () => {
  it("Zoho's 'Lost Lead' and 'Not Qualified' are lost; Salesforce's Lead.csv (IsConverted, ConvertedContactId) is leads", () => {
    expect([statusOfStage('Lost Lead'), statusOfStage('Not Qualified'), statusOfStage('Contacted')]).toEqual(['lost', 'lost', undefined]);
    expect(judgeKind(['Id', 'LastName', 'FirstName', 'Company', 'Email', 'Status', 'LeadSource', 'IsConverted', 'ConvertedContactId']).kind).toBe('leads');
  });
});

describe("lead columns in German and Portuguese", () => {
  it("Pipedrive's 'Lead - Titel', 'Lead - Lead erstellt'; Kommo's 'Lead título', 'Etapa do lead', 'Venda', 'Lead usuário responsável'", () => {
    const de = read('Person - Name,Person - Nachname,Person - E-Mail,Lead - Lead erstellt,Lead - Titel\r\nJonas Weber,Weber,jonas@weber.example,2024-07-12 18:22:24,PVA - Jonas Weber - Zug\r\n');
    if (de.kind !== 'contacts' || !('deals' in de)) throw new Error(de.kind);
    expect(de.deals?.map((x) => [x.deal.kind, x.deal.title, x.deal.openedAt])).toEqual([['lead', 'PVA - Jonas Weber - Zug', Date.UTC(2024, 6, 12, 18, 22, 24)]]);
    const pt = read('Lead título,Etapa do lead,Venda,Lead usuário responsável,Contato principal,Empresa lead \'s\r\nMentoria 12,Negociação,1500,Helena,Rui Lobo,Peixe Bom\r\n');
    if (pt.kind !== 'contacts' || !('deals' in pt)) throw new Error(pt.kind);
    expect(pt.records[0]).toMatchObject({ name: 'Rui Lobo', company: 'Peixe Bom' });
    expect(pt.deals?.map((x) => [x.deal.title, x.deal.stage, x.deal.amount, x.deal.owner])).toEqual([['Mentoria 12', 'Negociação', 1500, 'Helena']]);
  });
});
