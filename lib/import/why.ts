import { dataEn } from '../i18n/data';

// Why a row of a file was refused, as a code the pages translate (data.reject.<code> in
// lib/i18n/data.ts) with its values, and as the English text the command line, the
// tests and the downloaded rejects file carry: one table says both.

export type WhyCode = keyof typeof dataEn.reject;
export type WhyParams = Record<string, string | number>;

export interface Why {
  reason: string;
  code: WhyCode;
  params?: WhyParams;
}

/** The reason `code` with its values: the English text, and what a page needs to say it in its language. */
export function why(code: WhyCode, params?: WhyParams): Why {
  // {{n, number}} as i18next formats it in English: 100,000
  const reason = dataEn.reject[code].replace(/\{\{(\w+)(, number)?\}\}/g, (_, k: string, num?: string) => {
    const v = params?.[k];
    return num && typeof v === 'number' ? v.toLocaleString('en-US') : String(v ?? '');
  });
  return params ? { reason, code, params } : { reason, code };
}

/** A reason, not a record: what a reader's step gives back when it refuses a row. */
export function isWhy(x: unknown): x is Why {
  return typeof x === 'object' && x !== null && 'code' in x && typeof (x as Why).reason === 'string';
}
