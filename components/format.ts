import { useTranslation } from 'react-i18next';
import { DAY } from '@/lib/domain/time';


export interface Format {
  date(t: number): string;
  ago(t: number, now?: number): string;
  number(n: number): string;
  money(n: number, currency: string): string;
}

// Intl formatters are costly to build: one set per language, shared by every row.
const cache = new Map<string, Format>();

function make(lng: string): Format {
  const date = new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', year: 'numeric' });
  const rel = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  const num = new Intl.NumberFormat(lng);
  const money = new Map<string, Intl.NumberFormat | null>();
  return {
    date: (t) => date.format(t),
    ago: (t, now = Date.now()) => {
      const days = Math.round((t - now) / DAY);
      if (Math.abs(days) < 1) {
        const hours = Math.round((t - now) / 3_600_000);
        return Math.abs(hours) < 1 ? rel.format(Math.round((t - now) / 60_000), 'minute') : rel.format(hours, 'hour');
      }
      if (Math.abs(days) < 45) return rel.format(days, 'day');
      if (Math.abs(days) < 365) return rel.format(Math.round(days / 30), 'month');
      return rel.format(Math.round(days / 365), 'year');
    },
    number: (n) => num.format(n),
    money: (n, currency) => {
      if (!money.has(currency)) {
        try {
          money.set(currency, new Intl.NumberFormat(lng, { style: 'currency', currency, maximumFractionDigits: 0 }));
        } catch {
          money.set(currency, null); // not an ISO currency code
        }
      }
      const f = money.get(currency);
      return f ? f.format(n) : `${num.format(n)} ${currency}`;
    },
  };
}

/** Locale-aware formatting of dates, relative times, numbers and money. */
export function useFormat(): Format {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  let f = cache.get(lng);
  if (!f) cache.set(lng, (f = make(lng)));
  return f;
}
