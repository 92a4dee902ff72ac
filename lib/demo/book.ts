import type {
  Complaint, Contact, Group, Interaction, Membership, Note, Product, Profile, Purchase,
} from '../domain/entities';
import { prepareContact, type NewContact } from '../db/contacts';
import { DAY } from '../domain/time';

// The built-in demo book: a few dozen invented contacts across LinkedIn, Facebook
// and VK, with notes, interactions, purchases, a catalogue and groups. Dates are
// relative to `now`, so the demo always looks current. The people whose profile
// pages ship as fixtures (tests/fixtures/pages) are linked to those pages.


export interface DemoBook {
  contacts: Contact[];
  profiles: Profile[];
  notes: Note[];
  interactions: Interaction[];
  purchases: Purchase[];
  complaints: Complaint[];
  products: Product[];
  groups: Group[];
  memberships: Membership[];
  settings: { key: string; value: unknown }[];
}

/** The rep the demo is seen by. */
export const DEMO_REP = {
  name: 'Sam Taylor',
  company: 'Helix Software',
  city: 'Berlin',
  schools: ['Technical University of Berlin'],
  languages: ['English', 'German', 'Russian'],
};

interface Seed {
  key: string;
  name: string;
  company?: string;
  position?: string;
  city?: string;
  hometown?: string;
  email?: string;
  phone?: string;
  relation?: Contact['relation'];
  profiles?: [Profile['network'], string][];
  notes?: [number, string][];
  interactions?: [number, Interaction['kind'], Interaction['direction'], string][];
  purchases?: [number, string, number][];
  complaints?: [number, string, Complaint['state']][];
  interests?: string[];
}

const PRODUCTS: Product[] = [
  { id: 'p-desk-basic', sku: 'CD-B', name: 'CloudDesk Basic', price: 490, currency: 'EUR', relations: [] },
  { id: 'p-desk-pro', sku: 'CD-P', name: 'CloudDesk Pro', price: 1290, currency: 'EUR', relations: [{ kind: 'upgrade-of', productId: 'p-desk-basic' }] },
  { id: 'p-desk-ent', sku: 'CD-E', name: 'CloudDesk Enterprise', price: 4900, currency: 'EUR', relations: [{ kind: 'upgrade-of', productId: 'p-desk-pro' }] },
  { id: 'p-analytics', sku: 'AN-1', name: 'Analytics Add-on', price: 390, currency: 'EUR', relations: [{ kind: 'accessory-to', productId: 'p-desk-pro' }] },
  { id: 'p-sso', sku: 'SSO-1', name: 'Single Sign-On Pack', price: 290, currency: 'EUR', relations: [{ kind: 'accessory-to', productId: 'p-desk-ent' }] },
  { id: 'p-onboarding', sku: 'ON-1', name: 'Onboarding Package', price: 900, currency: 'EUR', relations: [] },
  { id: 'p-support', sku: 'SUP-P', name: 'Premium Support', price: 1200, currency: 'EUR', relations: [] },
  { id: 'p-scanner', sku: 'MS-1', name: 'Mobile Scanner', price: 250, currency: 'EUR', relations: [] },
  { id: 'p-dock', sku: 'MS-D', name: 'Scanner Dock', price: 60, currency: 'EUR', relations: [{ kind: 'accessory-to', productId: 'p-scanner' }] },
  { id: 'p-training', sku: 'TR-1', name: 'Team Training Day', price: 1500, currency: 'EUR', relations: [] },
];

const SEEDS: Seed[] = [
  {
    key: 'anna', name: 'Anna Kowalski', company: 'Northwind Traders', position: 'Product Manager', city: 'Berlin',
    email: 'anna.kowalski@northwind.example', relation: 'customer',
    profiles: [['linkedin', 'https://www.linkedin.com/in/anna-kowalski-42/']],
    notes: [[3, 'Call went well. She is training for the Berlin half marathon in April; her kids just started school.'], [40, 'Prefers e-mail before 10am. Loves sailing on the Wannsee.'], [120, 'Introduced us to the procurement lead at Northwind.']],
    interactions: [[3, 'call', 'out', 'Renewal check-in'], [12, 'email', 'in', 'Asked for SSO pricing'], [40, 'meeting', 'out', 'Quarterly review'], [120, 'introduction', 'in', 'Introduced procurement lead'], [200, 'call', 'out', 'First call'], [60, 'referral', 'in', 'Referred Contoso logistics team']],
    purchases: [[300, 'p-desk-basic', 10], [150, 'p-desk-pro', 10], [150, 'p-onboarding', 1], [90, 'p-analytics', 1]],
    complaints: [[8, 'Analytics export times out on large reports', 'open']],
    interests: ['sailing', 'running'],
  },
  {
    key: 'ivan', name: 'Иван Петров', company: 'Globex', position: 'Head of Procurement', city: 'Москва',
    email: 'i.petrov@globex.example', phone: '+7 495 123-45-67', relation: 'prospect',
    profiles: [['linkedin', 'https://www.linkedin.com/in/ivan-petrov/']],
    notes: [[6, 'Болеет за ЦСКА, по выходным рыбалка. Родом из Тулы.'], [30, 'Решение принимает комитет из пяти человек; финансовый директор — главный скептик.'], [150, 'Иван сам за внедрение, познакомил нас с ИТ-директором. Дочь поступает в МГУ.']],
    interactions: [[6, 'call', 'out', 'Обсудили пилот'], [30, 'meeting', 'out', 'Демонстрация'], [45, 'email', 'in', 'Запросил КП'], [90, 'call', 'in', 'Вопросы по интеграции'], [120, 'email', 'out', 'Отправили кейсы'], [150, 'meeting', 'out', 'Знакомство с ИТ-директором'], [210, 'call', 'out', 'Первый звонок']],
    purchases: [],
  },
  {
    key: 'maria-crm', name: 'María García', company: 'Initech', position: 'Senior Engineer', city: 'Madrid',
    email: 'maria.garcia@initech.example', relation: 'prospect',
    notes: [[20, 'Met at the Madrid DevOps meetup; plays padel.']],
    interactions: [[20, 'meeting', 'out', 'Meetup conversation']],
  },
  {
    key: 'olga', name: 'Ольга Смирнова', company: 'Северсталь-Сервис', position: 'Руководитель отдела закупок', city: 'Санкт-Петербург', hometown: 'Казань',
    email: 'olga.smirnova@severservice.example', relation: 'customer',
    profiles: [['facebook', 'https://www.facebook.com/olga.smirnova']],
    notes: [[10, 'Готова рекомендовать нас коллегам из холдинга. Увлекается йогой и горными лыжами.']],
    interactions: [[10, 'call', 'out', 'Продление'], [70, 'referral', 'in', 'Порекомендовала нас в «Северсталь-Логистик»'], [180, 'meeting', 'out', 'Старт проекта'], [320, 'email', 'in', 'Первый запрос']],
    purchases: [[320, 'p-desk-pro', 25], [200, 'p-support', 1], [100, 'p-scanner', 5]],
    complaints: [[50, 'Сканер не подключается к док-станции', 'resolved']],
  },
  {
    key: 'john', name: 'John Miller', company: 'Contoso Logistics', position: 'Operations Director', city: 'Chicago',
    email: 'john.miller@contoso.example', relation: 'customer',
    profiles: [['facebook', 'https://www.facebook.com/profile.php?id=100004567890123']],
    notes: [[15, 'Big Cubs fan. Daughter graduating this spring.']],
    interactions: [[15, 'chat', 'in', 'Support chat: scanner dock'], [80, 'call', 'out', 'Upsell call']],
    purchases: [[240, 'p-desk-basic', 40], [240, 'p-scanner', 20], [60, 'p-dock', 5]],
    complaints: [[15, 'Dock firmware update fails', 'in-progress']],
  },
  {
    key: 'dmitry', name: 'Дмитрий Волков', company: 'Helix Software', position: 'Solutions Architect', city: 'Москва', hometown: 'Тула',
    email: 'd.volkov@helix.example', relation: 'colleague',
    profiles: [['vk', 'https://vk.com/dvolkov']],
    notes: [[2, 'Помогает с архитектурой для Globex. Играет в хоккей по четвергам.']],
    interactions: [[2, 'chat', 'out', 'Globex solution design'], [9, 'meeting', 'out', 'Solution team sync'], [400, 'meeting', 'in', 'Onboarding']],
  },
  {
    key: 'elena', name: 'Елена Соколова', company: 'СибТрансКом', position: 'Директор по развитию', city: 'Новосибирск',
    relation: 'prospect',
    profiles: [['vk', 'https://vk.com/id1234567']],
  },
];

// The rest of the book: generated around a few accounts, so groups, smart groups
// and the dashboard have something to count.
const FIRST = ['Lena', 'Tom', 'Priya', 'Marco', 'Sofia', 'Alexei', 'Nina', 'Jonas', 'Chloe', 'Pavel', 'Yulia', 'Kenji', 'Aisha', 'Lukas', 'Emma', 'Sergei', 'Hana', 'Oscar', 'Irina', 'Mateo', 'Zoe', 'Arjun', 'Mila', 'Felix', 'Vera', 'Noah', 'Daria', 'Leo', 'Ines'];
const LAST = ['Fischer', 'Novak', 'Sharma', 'Rossi', 'Lindqvist', 'Orlov', 'Berg', 'Weber', 'Martin', 'Kuznetsov', 'Ivanova', 'Tanaka', 'Khan', 'Schmidt', 'Dubois', 'Morozov', 'Sato', 'Nilsson', 'Popova', 'Lopez', 'Evans', 'Mehta', 'Horvat', 'Wagner', 'Zaitseva', 'Brown', 'Fedorova', 'Costa', 'Silva'];
const ACCOUNTS: [string, string, Contact['relation']][] = [
  ['Northwind Traders', 'Berlin', 'customer'], ['Globex', 'Москва', 'prospect'], ['Contoso Logistics', 'Chicago', 'customer'],
  ['Initech', 'Madrid', 'prospect'], ['Helix Software', 'Berlin', 'colleague'], ['Umbrella Partners', 'London', 'partner'],
  ['Stark Retail', 'Warsaw', 'customer'],
];
const TITLES = ['CTO', 'Head of IT', 'Procurement Manager', 'Account Executive', 'Support Lead', 'CFO', 'Office Manager', 'Data Analyst'];

function generated(n: number): Seed[] {
  const out: Seed[] = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const [company, city, relation] = ACCOUNTS[i % ACCOUNTS.length];
    const net = (['linkedin', 'facebook', 'vk'] as const)[i % 3];
    const handle = `${first}-${last}-${i}`.toLowerCase();
    const url = net === 'linkedin' ? `https://www.linkedin.com/in/${handle}/` : net === 'facebook' ? `https://www.facebook.com/${handle.replace(/-/g, '.')}` : `https://vk.com/${handle.replace(/-/g, '_')}`;
    const seed: Seed = {
      key: `g${i}`, name: `${first} ${last}`, company, city, relation,
      position: TITLES[i % TITLES.length],
      email: `${first}.${last}.${i}@${company.toLowerCase().replace(/[^a-z]/g, '')}.example`,
      profiles: i % 4 === 3 ? [] : [[net, url]],
      interactions: i % 5 === 4 ? [] : [[5 + ((i * 13) % 150), (['call', 'email', 'meeting', 'chat'] as const)[i % 4], i % 2 ? 'in' : 'out', 'Follow-up']],
      purchases: relation === 'customer' ? [[30 + ((i * 17) % 300), PRODUCTS[i % 4].id, 1 + (i % 5)], ...(i % 3 === 0 ? [[20, PRODUCTS[5 + (i % 5)].id, 1] as [number, string, number]] : [])] : [],
    };
    if (i % 6 === 0) seed.notes = [[4 + i, `Talked about ${['cycling', 'chess', 'football', 'hiking', 'photography'][i % 5]} at the last meeting.`]];
    out.push(seed);
  }
  return out;
}

export function demoBook(now = Date.now()): DemoBook {
  const book: DemoBook = {
    contacts: [], profiles: [], notes: [], interactions: [], purchases: [], complaints: [], products: PRODUCTS,
    groups: [], memberships: [],
    settings: [{ key: 'rep', value: DEMO_REP }],
  };
  const ago = (days: number) => now - days * DAY;
  const src = (at: number) => ({ kind: 'demo' as const, ref: 'demo book', at });
  const ids = new Map<string, string>();
  for (const s of [...SEEDS, ...generated(29)]) {
    const id = `demo-${s.key}`;
    ids.set(s.key, id);
    const lastInteraction = s.interactions?.length ? Math.min(...s.interactions.map((x) => x[0])) : undefined;
    const c: NewContact = {
      id, name: s.name, company: s.company, position: s.position, city: s.city, hometown: s.hometown,
      emails: s.email ? [s.email] : [], phones: s.phone ? [s.phone] : [], relation: s.relation,
      interests: s.interests, source: src(ago(400)),
      lastContactAt: lastInteraction !== undefined ? ago(lastInteraction) : undefined,
      createdAt: ago(400), updatedAt: ago(lastInteraction ?? 400),
    };
    book.contacts.push(prepareContact(c, now));
    for (const [network, url] of s.profiles ?? []) {
      book.profiles.push({ id: `${id}-${network}`, contactId: id, network, url, linkedAt: ago(100) });
    }
    (s.notes ?? []).forEach(([d, text], k) =>
      book.notes.push({ id: `${id}-n${k}`, contactId: id, text, createdAt: ago(d), updatedAt: ago(d), source: src(ago(d)) }));
    (s.interactions ?? []).forEach(([d, kind, direction, summary], k) =>
      book.interactions.push({ id: `${id}-i${k}`, contactId: id, kind, direction, at: ago(d), summary, source: src(ago(d)) }));
    (s.purchases ?? []).forEach(([d, productId, quantity], k) => {
      const p = PRODUCTS.find((x) => x.id === productId)!;
      book.purchases.push({ id: `${id}-p${k}`, contactId: id, productId, at: ago(d), quantity, amount: (p.price ?? 0) * quantity, currency: p.currency ?? 'EUR', source: src(ago(d)) });
    });
    (s.complaints ?? []).forEach(([d, subject, state], k) =>
      book.complaints.push({ id: `${id}-c${k}`, contactId: id, subject, state, openedAt: ago(d), closedAt: state === 'resolved' ? ago(d - 3) : undefined, source: src(ago(d)) }));
  }
  const group = (id: string, name: string, color: string, members: string[]) => {
    book.groups.push({ id, name, color, createdAt: ago(30) });
    for (const m of members) book.memberships.push({ groupId: id, contactId: ids.get(m)!, addedAt: ago(30) });
  };
  group('demo-g-champions', 'Champions at Northwind', '#2f855a', ['anna', 'g0', 'g7']);
  group('demo-g-moscow', 'Moscow prospects', '#c05621', ['ivan', 'g1', 'g8']);
  group('demo-g-referrals', 'Referral asks this quarter', '#6b46c1', ['anna', 'olga', 'john']);
  book.groups.push({
    id: 'demo-g-smart-customers', name: 'Customers not contacted in 90 days', color: '#2b6cb0', createdAt: ago(10),
    rule: { all: [{ field: 'relation', op: 'is', value: 'customer' }, { field: 'daysSinceContact', op: 'gt', value: 90 }] },
  });
  return book;
}
