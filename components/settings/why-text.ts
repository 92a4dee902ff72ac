import type { TFunction } from 'i18next';
import type { WhyCode, WhyParams } from '@/lib/import/why';

/**
 * Why a row or a file was refused, in the page's language (data.reject.<code>); the English the
 * importer gave when it has no code (an older reader's reason) or the language has no words for it.
 */
export function whyText(t: TFunction, r: { reason: string; code?: WhyCode; params?: WhyParams }): string {
  return r.code ? t(`data.reject.${r.code}`, { ...r.params, defaultValue: r.reason }) : r.reason;
}
