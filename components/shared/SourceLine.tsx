import { useTranslation } from 'react-i18next';
import type { Provenance } from '@/lib/domain/entities';
import { useFormat } from './format';

/** Where a fact came from and when: profile read, import file, user entry. */
export function SourceLine({ source, at }: { source: Provenance; at?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const what = t(`source.${source.kind}`, { ref: source.ref ?? '' });
  return <p className="source muted">{t('source.at', { what, when: f.date(at ?? source.at) })}</p>;
}
