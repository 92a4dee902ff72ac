import { useTranslation } from 'react-i18next';

const DAY = 86_400_000;

/** Locale-aware formatting of dates, relative times, numbers and money. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lng = i18n.language;
  const date = new Intl.DateTimeFormat(lng, { day: 'numeric', month: 'short', year: 'numeric' });
  const rel = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  const num = new Intl.NumberFormat(lng);
  return {
    date: (t: number) => date.format(t),
    ago: (t: number, now = Date.now()) => {
      const days = Math.round((t - now) / DAY);
      if (Math.abs(days) < 1) {
        const hours = Math.round((t - now) / 3_600_000);
        return Math.abs(hours) < 1 ? rel.format(Math.round((t - now) / 60_000), 'minute') : rel.format(hours, 'hour');
      }
      if (Math.abs(days) < 45) return rel.format(days, 'day');
      if (Math.abs(days) < 365) return rel.format(Math.round(days / 30), 'month');
      return rel.format(Math.round(days / 365), 'year');
    },
    number: (n: number) => num.format(n),
    money: (n: number, currency: string) => {
      try {
        return new Intl.NumberFormat(lng, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n);
      } catch {
        return `${num.format(n)} ${currency}`;
      }
    },
  };
}
