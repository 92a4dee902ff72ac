// Reading dates and amounts written the ways CRMs and spreadsheets write them.
// Only for fields that ARE numbers or dates (purchases, notes); contact fields stay text.
// Dates without a zone are taken as UTC so the same file gives the same result everywhere.

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  янв: 1, фев: 2, мар: 3, апр: 4, мая: 5, май: 5, июн: 6, июл: 7, авг: 8, сен: 9, окт: 10, ноя: 11, дек: 12,
};

/** Epoch ms, or undefined when the text is not a date we can read unambiguously enough. */
export function parseTimestamp(text: string): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    if (m[7]) {
      const t = Date.parse(s.replace(' ', 'T'));
      return Number.isNaN(t) ? undefined : t;
    }
    return utc(+m[1], +m[2], +m[3], m[4], m[5], m[6]);
  }
  // 15.03.2024, 15/03/2024 (day first), 03/15/2024 (month first when the day is > 12)
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) {
    let [a, b] = [+m[1], +m[3]];
    if (m[2] === '/' && b > 12 && a <= 12) [a, b] = [b, a];
    const y = m[4].length === 2 ? 2000 + +m[4] : +m[4];
    return utc(y, b, a, m[5], m[6], m[7]);
  }
  // 15 Mar 2024 (LinkedIn "Connected On"), 15 марта 2024
  m = /^(\d{1,2})\s+([\p{L}]+)\.?,?\s+(\d{4})$/u.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase().slice(0, 3)];
    return month ? utc(+m[3], month, +m[1]) : undefined;
  }
  // Mar 15, 2024
  m = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase().slice(0, 3)];
    return month ? utc(+m[3], month, +m[2]) : undefined;
  }
  return undefined;
}

function utc(y: number, mo: number, d: number, h?: string, mi?: string, sec?: string): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, mo - 1, d, h ? +h : 0, mi ? +mi : 0, sec ? +sec : 0);
  const back = new Date(t);
  return back.getUTCDate() === d ? t : undefined;
}

const CURRENCY_SIGNS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₽': 'RUB', '¥': 'CNY', 'руб': 'RUB', 'р': 'RUB', 'kr': 'ISK' };

/** A currency column's words as CRMs write them (Bitrix24's "Рубль"), lower case: their ISO code (signs: CURRENCY_SIGNS). */
const CURRENCY_WORDS: Record<string, string> = {
  рубль: 'RUB', рубли: 'RUB', рублей: 'RUB', 'российский рубль': 'RUB', rouble: 'RUB', ruble: 'RUB', 'белорусский рубль': 'BYN',
  доллар: 'USD', 'доллар сша': 'USD', доллары: 'USD', 'us dollar': 'USD', dollar: 'USD',
  евро: 'EUR', euro: 'EUR', гривна: 'UAH', гривня: 'UAH', '₴': 'UAH', тенге: 'KZT', '₸': 'KZT', pound: 'GBP', юань: 'CNY',
};

/** A currency cell's ISO code: a three-letter code as it is (upper case), a known word or sign as its code, else the text as written. */
export function currencyCode(text: string): string {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return t.toUpperCase();
  const k = t.toLowerCase();
  return CURRENCY_WORDS[k] ?? CURRENCY_SIGNS[k.replace('.', '')] ?? t;
}

/**
 * "1 234,50 ₽" → {value: 1234.5, currency: "RUB"}; "$1,234.50" → 1234.5 USD; "12" → 12.
 * The last of "," and "." followed by one or two digits is the decimal mark.
 */
export function parseAmount(text: string): { value: number; currency?: string } | undefined {
  let s = text.trim();
  if (!s) return undefined;
  let currency: string | undefined;
  const code = /(?:^|\s)([A-Z]{3})(?:\s|$)/.exec(s);
  if (code) {
    currency = code[1];
    s = s.replace(code[1], '');
  }
  s = s.replace(/(руб\.?|р\.|[$€£₽¥])/giu, (sign) => {
    currency ??= CURRENCY_SIGNS[sign.toLowerCase().replace('.', '')];
    return '';
  });
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (!/^[-+]?[\d.,]+$/.test(s) || !/\d/.test(s)) return undefined;
  const lastSep = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
  let normal: string;
  if (lastSep >= 0 && /^\d{1,2}$/.test(s.slice(lastSep + 1))) {
    normal = s.slice(0, lastSep).replace(/[.,]/g, '') + '.' + s.slice(lastSep + 1);
  } else {
    normal = s.replace(/[.,]/g, '');
  }
  const value = Number(normal);
  return Number.isFinite(value) ? { value, currency } : undefined;
}
