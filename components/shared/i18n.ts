import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '@/lib/i18n/en';
import { ru } from '@/lib/i18n/ru';
import { bookEn, bookRu } from '@/lib/i18n/book';
import { leadEn, leadRu } from '@/lib/i18n/lead';
import { dataEn, dataRu } from '@/lib/i18n/data';
import { dealsEn, dealsRu } from '@/lib/i18n/deals';
import { teamEn, teamRu } from '@/lib/i18n/team';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The UI language: the browser's, unless the user chose one. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

/** One i18next instance per page; plurals follow Intl.PluralRules (ru: one/few/many). */
export function createI18n(lng: Language): i18n {
  const inst = i18next.createInstance();
  void inst.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: { translation: { ...en, book: bookEn, lead: leadEn, data: dataEn, deals: dealsEn, team: teamEn } },
      ru: { translation: { ...ru, book: bookRu, lead: leadRu, data: dataRu, deals: dealsRu, team: teamRu } },
    },
    interpolation: { escapeValue: false }, // React escapes; we never build markup from strings
    initAsync: false,
    returnNull: false,
  });
  return inst;
}
