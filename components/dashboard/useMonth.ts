import { useTranslation } from 'react-i18next';

/** "2025-03" → "Mar 25" in the UI language. */
export function useMonth(): (month: string) => string {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: '2-digit', timeZone: 'UTC' });
  return (m) => fmt.format(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1, 1));
}
