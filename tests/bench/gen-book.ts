// A deterministic synthetic book for benches: contacts with realistic Latin and
// Cyrillic names, companies and cities; a catalogue in product families (a base
// product, its upgrades, accessories, a successor that replaces it); purchases
// with real co-purchase structure (customers buy within a family or two, plus
// noise), so association rules have something to find.
// Same seed, same book. No clock, no Math.random.
import type { Contact, Product, Purchase } from '../../lib/domain/entities';
import { nameKeys } from '../../lib/model/names';
import { withCompanyKey } from '../../lib/db/keys';
import { DAY } from '@/lib/domain/time';

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAT_FIRST_M = ['James', 'John', 'Robert', 'Michael', 'William', 'David', 'Richard', 'Thomas', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Paul', 'Steven', 'Andrew', 'Lukas', 'Jonas', 'Mateusz', 'Piotr', 'José', 'Luis', 'Carlos', 'Jón', 'Gunnar', 'Ólafur', 'Pierre', 'François', 'Marco', 'Giovanni', 'Björn'];
const LAT_FIRST_F = ['Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Emma', 'Olivia', 'Sophie', 'Anna', 'Maria', 'Guðrún', 'Sigríður', 'Zoë', 'Chloé', 'Agnieszka', 'Katarzyna', 'Lucía', 'Carmen', 'Giulia', 'Ingrid'];
const LAT_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Kowalski', 'Nowak', 'Wiśniewski', 'Dubois', 'Lefèvre', 'Rossi', 'Bianchi', 'Jónsson', 'Sigurðsson', 'Guðmundsdóttir', 'López', 'Fernández', 'González', "O'Brien", 'Nguyen', 'Kim', 'Lee', 'Chen', 'Wang', 'Ivanova', 'Andersson', 'Johansson', 'Hansen', 'Novák', 'Horváth'];
const CYR_FIRST_M = ['Иван', 'Дмитрий', 'Алексей', 'Сергей', 'Андрей', 'Михаил', 'Николай', 'Александр', 'Владимир', 'Евгений', 'Павел', 'Константин', 'Максим', 'Илья', 'Пётр', 'Юрий', 'Григорий', 'Борис', 'Фёдор', 'Леонид'];
const CYR_FIRST_F = ['Юлия', 'Елена', 'Ольга', 'Наталья', 'Татьяна', 'Ирина', 'Светлана', 'Анна', 'Мария', 'Екатерина', 'Анастасия', 'Дарья', 'Ксения', 'Виктория', 'Людмила', 'Софья', 'Евгения', 'Александра'];
/** masculine forms; feminine are derived (-ов → -ова, -ин → -ина, -ский → -ская) */
const CYR_LAST = ['Иванов', 'Петров', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьёв', 'Борисов', 'Яковлев', 'Григорьев', 'Романов', 'Воробьёв', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королёв', 'Гусев', 'Киселёв', 'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалёв', 'Белов', 'Медведев', 'Антонов', 'Тарасов', 'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров', 'Матвеев', 'Титов', 'Марков', 'Миронов', 'Крылов', 'Куликов', 'Карпов', 'Власов', 'Мельников', 'Денисов', 'Гаврилов', 'Тихонов', 'Казаков', 'Афанасьев', 'Данилов', 'Савельев', 'Тимофеев', 'Фомин', 'Чернов', 'Абрамов', 'Мартынов', 'Ефимов', 'Федотов', 'Щербаков', 'Назаров', 'Калинин', 'Исаев', 'Чернышёв', 'Быков', 'Маслов', 'Родионов', 'Коновалов', 'Лазарев', 'Воронин', 'Климов', 'Филатов', 'Пономарёв', 'Голубев', 'Кудрявцев', 'Прохоров', 'Наумов', 'Потапов', 'Журавлёв', 'Овчинников', 'Трофимов', 'Леонов', 'Соболев', 'Ермаков', 'Колесников', 'Гончаров', 'Емельянов', 'Никифоров', 'Грачёв', 'Котов', 'Гришин', 'Ефремов', 'Архипов', 'Громов', 'Кириллов', 'Малышев', 'Панов', 'Моисеев', 'Румянцев', 'Акимов', 'Кондратьев', 'Бирюков', 'Горбунов', 'Анисимов', 'Еремин', 'Тихомиров', 'Галкин', 'Лукьянов', 'Михеев', 'Скворцов', 'Юдин', 'Белоусов', 'Нестеров', 'Симонов', 'Прокофьев', 'Харитонов', 'Князев', 'Цветков', 'Левин', 'Митрофанов', 'Воронов', 'Аксёнов', 'Софронов', 'Мальцев', 'Логинов', 'Горшков', 'Савин', 'Краснов', 'Майоров', 'Демидов', 'Елисеев', 'Рыбаков', 'Сафонов', 'Плотников', 'Демин', 'Хохлов', 'Жданов', 'Щукин', 'Шевченко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Коваленко', 'Вишневский', 'Ковальский', 'Островский'];
const LAT_WORDS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Cyberdyne', 'Soylent', 'Tyrell', 'Wonka', 'Aperture', 'Massive', 'Nordic', 'Polar', 'Blue', 'Green', 'Summit', 'Vertex', 'Quantum', 'Atlas', 'Orion', 'Nova', 'Apex'];
const LAT_SUFFIX = ['Inc.', 'LLC', 'GmbH', 'Ltd', 'AG', 'S.A.', 'ehf.', 'Systems', 'Labs', 'Group', 'Solutions'];
const CYR_WORDS = ['Ромашка', 'Вектор', 'Полюс', 'Сибирь', 'Восток', 'Альфа', 'Техносфера', 'Северсталь', 'Меридиан', 'Гранит', 'Берёза', 'Арктика', 'Прогресс', 'Спектр'];
const CYR_FORMS = ['ООО «%»', 'АО «%»', 'ПАО «%»', '%', 'ГК «%»'];
const LAT_CITIES = ['Berlin', 'Munich', 'London', 'New York', 'San Francisco', 'Paris', 'Madrid', 'Warsaw', 'Prague', 'Reykjavík', 'Oslo', 'Stockholm', 'Vienna', 'Milan', 'Amsterdam', 'Moscow', 'Saint Petersburg', 'Kyiv', 'Almaty', 'Tbilisi'];
const CYR_CITIES = ['Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Самара', 'Ростов-на-Дону', 'Краснодар', 'Тверь', 'Минск', 'Алматы'];
const PRODUCT_NOUNS = ['Router', 'Switch', 'Camera', 'Sensor', 'Gateway', 'Printer', 'Scanner', 'Display', 'Laptop', 'Tablet', 'Headset', 'Dock', 'Server', 'Phone', 'Speaker', 'Drive', 'License', 'Console', 'Terminal', 'Beacon'];
const ACCESSORY_NOUNS = ['Case', 'Cable', 'Mount', 'Charger', 'Battery', 'Stand', 'Adapter', 'Cover', 'Support plan', 'Training'];

const LAT = 'abcdefghijklmnopqrstuvwxyz';
const CYR_TR: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya' };
function asciiSlug(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()) out += CYR_TR[ch] ?? (LAT.includes(ch) ? ch : '');
  return out;
}

function feminine(surname: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(surname)) return surname + 'а';
  if (/ский$/.test(surname)) return surname.replace(/ий$/, 'ая');
  return surname; // -енко and the like do not change
}

export interface BookOptions {
  contacts: number;
  products: number;
  purchases: number;
  seed?: number;
  /** share of contacts with Cyrillic names (default 0.4) */
  cyrillicShare?: number;
  /** epoch ms the book is "now" at; purchases and creation dates fall in the two years before */
  now?: number;
}

export interface Book {
  contacts: Contact[];
  products: Product[];
  purchases: Purchase[];
}

export function generateBook(opts: BookOptions): Book {
  const rnd = prng(opts.seed ?? 1);
  const now = opts.now ?? Date.UTC(2025, 0, 1);
  const span = 2 * 365 * DAY;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const cyrShare = opts.cyrillicShare ?? 0.4;
  const id = (p: string, i: number) => `${p}${i.toString(36).padStart(5, '0')}`;

  // companies: a few hundred, each with a city; contacts cluster in them
  const companies = Array.from({ length: Math.max(10, Math.ceil(opts.contacts / 40)) }, (_, i) => {
    const cyr = rnd() < cyrShare;
    const name = cyr ? pick(CYR_FORMS).replace('%', pick(CYR_WORDS)) : `${pick(LAT_WORDS)} ${pick(LAT_SUFFIX)}`;
    return { name: i < 5 ? name : `${name}${rnd() < 0.5 ? '' : ' ' + (i % 97)}`, city: cyr ? pick(CYR_CITIES) : pick(LAT_CITIES), cyr };
  });

  const contacts: Contact[] = [];
  for (let i = 0; i < opts.contacts; i++) {
    const cyr = rnd() < cyrShare;
    const female = rnd() < 0.5;
    const first = cyr ? pick(female ? CYR_FIRST_F : CYR_FIRST_M) : pick(female ? LAT_FIRST_F : LAT_FIRST_M);
    const last = cyr ? (female ? feminine(pick(CYR_LAST)) : pick(CYR_LAST)) : pick(LAT_LAST);
    const name = cyr && rnd() < 0.1 ? `${last} ${first}` : `${first} ${last}`;
    const co = pick(companies);
    const createdAt = now - Math.floor(rnd() * span);
    const domain = `${asciiSlug(co.name.replace(/ООО|АО|ПАО|ГК|Inc\.|LLC|GmbH|Ltd|AG|S\.A\.|ehf\./g, '')) || 'mail'}.${co.cyr ? 'ru' : 'com'}`;
    const r = rnd();
    // stored as the data layer stores a contact (the organisation key too): the browser
    // benches write these rows with raw puts
    contacts.push(withCompanyKey({
      id: id('c', i),
      name,
      firstName: first,
      lastName: last,
      emails: rnd() < 0.7 ? [`${asciiSlug(first)}.${asciiSlug(last)}${i % 7 === 0 ? i : ''}@${domain}`] : [],
      phones: rnd() < 0.4 ? [`+${co.cyr ? '7 9' : '1 4'}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`] : [],
      company: co.name,
      position: rnd() < 0.6 ? pick(['CEO', 'CTO', 'Head of IT', 'Procurement Manager', 'Engineer', 'Office Manager', 'Директор', 'Главный инженер', 'Менеджер по закупкам']) : undefined,
      city: rnd() < 0.85 ? co.city : cyr ? pick(CYR_CITIES) : pick(LAT_CITIES),
      relation: r < 0.45 ? 'customer' : r < 0.85 ? 'prospect' : r < 0.93 ? 'partner' : 'other',
      tags: [],
      nameKeys: nameKeys(name),
      source: { kind: 'demo', at: createdAt },
      createdAt,
      updatedAt: createdAt,
    }));
  }

  // catalogue: families of up to 10 products — base, upgrades, accessories, successor
  const products: Product[] = [];
  const families: string[][] = [];
  for (let f = 0; products.length < opts.products; f++) {
    const noun = PRODUCT_NOUNS[f % PRODUCT_NOUNS.length];
    const series = `${noun} ${100 + f}`;
    const base = id('p', products.length);
    const fam = [base];
    products.push({ id: base, sku: `SKU-${f}-0`, name: series, price: 100 + Math.floor(rnd() * 900), currency: 'USD', relations: [] });
    const extras: [string, Product['relations']][] = [
      [`${series} Pro`, [{ kind: 'upgrade-of', productId: base }]],
      [`${series} Max`, [{ kind: 'upgrade-of', productId: base }]],
      ...ACCESSORY_NOUNS.slice(0, 6).map((a): [string, Product['relations']] => [`${series} ${a}`, [{ kind: 'accessory-to', productId: base }]]),
      [`${series} Gen 2`, [{ kind: 'replaces', productId: base }]],
    ];
    for (const [name, relations] of extras) {
      if (products.length >= opts.products) break;
      const pid = id('p', products.length);
      fam.push(pid);
      products.push({ id: pid, sku: `SKU-${f}-${fam.length}`, name, price: 10 + Math.floor(rnd() * 300), currency: 'USD', relations });
    }
    families.push(fam);
  }

  // purchases: customers buy within one or two popular families (Zipf-like), then noise
  const customers = contacts.filter((c) => c.relation === 'customer');
  const buyers = customers.length ? customers : contacts;
  const famWeight = families.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const cum: number[] = [];
  famWeight.reduce((s, w, i) => (cum[i] = s + w), 0);
  const total = cum[cum.length - 1];
  const pickFamily = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return families[lo];
  };
  const purchases: Purchase[] = [];
  let k = 0;
  while (purchases.length < opts.purchases) {
    const c = buyers[k++ % buyers.length];
    const fam = pickFamily();
    const basket = new Set<string>([fam[0]]);
    for (let j = 1; j < fam.length; j++) if (rnd() < (j <= 2 ? 0.15 : j < fam.length - 1 ? 0.35 : 0.05)) basket.add(fam[j]);
    if (rnd() < 0.3) basket.add(pick(products).id);
    for (const pid of basket) {
      if (purchases.length >= opts.purchases) break;
      const at = Math.max(c.createdAt, now - Math.floor(rnd() * span));
      const q = 1 + Math.floor(rnd() * 3);
      const prod = products[parseInt(pid.slice(1), 36)];
      purchases.push({
        id: id('b', purchases.length), contactId: c.id, productId: pid, at, quantity: q,
        amount: q * (prod?.price ?? 0), currency: 'USD', source: { kind: 'demo', at },
      });
    }
  }
  return { contacts, products, purchases };
}
