import { useTranslation } from 'react-i18next';
import { FIELD_NAMES, type Extraction } from '@/lib/extract/types';

/** Says, plainly and briefly, what could not be read from the page. */
export function ReadProblems({ x }: { x: Extraction }) {
  const { t } = useTranslation();
  const bad = FIELD_NAMES.filter((f) => x.fields[f].status === 'unreadable');
  if (bad.length === 0) return null;
  return (
    <p role="status" className="notice notice-warn">
      {t('who.unreadable', { site: t(`site.${x.site ?? 'unknown'}`), fields: bad.map((f) => t(`field.${f}`)).join(', ') })}
    </p>
  );
}
