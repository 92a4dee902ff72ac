import { useTranslation } from 'react-i18next';
import { FIELD_NAMES, type Extraction } from '@/lib/extract/types';
import { LayoutReportAction } from './LayoutReportAction';

/** Says, plainly and briefly, what could not be read from the page, and offers a layout report for a bug report. */
export function ReadProblems({ x }: { x: Extraction }) {
  const { t } = useTranslation();
  const bad = FIELD_NAMES.filter((f) => x.fields[f].status === 'unreadable');
  if (bad.length === 0) return null;
  return (
    <div className="notice notice-warn">
      <p role="status" style={{ margin: 0 }}>
        {t('who.unreadable', { site: t(`site.${x.site ?? 'unknown'}`), fields: bad.map((f) => t(`field.${f}`)).join(', ') })}
      </p>
      <LayoutReportAction site={x.site} />
    </div>
  );
}
