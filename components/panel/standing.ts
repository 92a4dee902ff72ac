import type { TFunction } from 'i18next';
import type { Extraction, FieldName, Fields, Site } from '@/lib/extract/types';

/** One field of a read: its result, or undefined. */
type Get = <K extends FieldName>(k: K) => Fields[K] | undefined;

/** A read's fields, each from the first read that has it `ok` (the page now, then the stored read). */
export function fieldsOf(...reads: (Extraction | null | undefined)[]): Get {
  return (k) => reads.map((x) => x?.fields[k]).find((f) => f?.status === 'ok') as Fields[typeof k] | undefined;
}

/**
 * The connection the page shows between the user and the person, in words: "2nd-degree
 * connection · 7 mutual connections, among them Olga, Mark" (LinkedIn), "your friend ·
 * 12 mutual friends" (Facebook, VK). null when the page showed neither.
 */
export function standingLine(t: TFunction, site: Site | null, get: Get): string | null {
  const parts: string[] = [];
  const degree = get('degree');
  if (degree?.status === 'ok') parts.push(site !== 'linkedin' && degree.value < 3 ? t(`who.friend.${degree.value}`) : t(`who.degree.${degree.value}`));
  const mutual = get('mutual');
  const names = get('mutualNames');
  const named = names?.status === 'ok' ? names.value : [];
  const count = mutual?.status === 'ok' ? mutual.value : named.length;
  if (count > 0) {
    const m = t(site === 'linkedin' ? 'who.mutualConnections' : 'who.mutualFriends', { count });
    parts.push(named.length ? t('who.mutualAmong', { mutual: m, names: named.join(', ') }) : m);
  }
  return parts.length ? parts.join(' · ') : null;
}
