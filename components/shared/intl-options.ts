// The options of the formatters every page builds (format.ts), in one place: the
// warm-up worker (intl.worker.ts) builds the same ones, so the locale data they load
// is the data the page's own formatters then find ready.
export const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
export const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };

/** Builds `lng`'s formatters once and uses each: what loads their locale data. */
export function warmIntl(lng: string): void {
  void new Intl.DateTimeFormat(lng, DATE).format(0);
  void new Intl.RelativeTimeFormat(lng, RELATIVE).format(1, 'day');
  void new Intl.NumberFormat(lng).format(1);
  void new Intl.PluralRules(lng).select(1); // i18next's plurals
  void 'a'.localeCompare('b'); // sorted names (the default locale's collation)
}
