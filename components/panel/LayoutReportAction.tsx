import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '@/lib/extract/types';
import { download, today } from '../shared/download';
import { layoutReportSource } from './layoutReportSource';

type State = { at: 'idle' } | { at: 'saving' } | { at: 'saved'; file: string } | { at: 'failed' };

/**
 * "Save layout report": the page's structure with its text replaced by placeholders
 * (lib/extract/layout-report.ts), saved to a file the user looks over and attaches to
 * a bug report. Nothing is sent.
 */
export function LayoutReportAction({ site }: { site: Site | null }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ at: 'idle' });
  const source = layoutReportSource();
  if (!source) return null;

  async function save(get: NonNullable<typeof source>) {
    setState({ at: 'saving' });
    try {
      const r = await get();
      if (!r.ok) return setState({ at: 'failed' });
      // an inert copy of the page: a parsed document runs no script and loads no image
      const doc = new DOMParser().parseFromString(r.html, 'text/html');
      // loaded on this click: it runs the three sites' readers, which nothing else in the
      // panel needs (tens of kilobytes of script the panel no longer evaluates as it opens)
      const { layoutReport } = await import('@/lib/extract/layout-report');
      const report = layoutReport(doc, r.url);
      const file = `${site ?? 'page'}-layout-report-${today()}.html`;
      download(report, file, 'text/html');
      setState({ at: 'saved', file });
    } catch {
      setState({ at: 'failed' });
    }
  }

  return (
    <div className="layout-report">
      <button type="button" onClick={() => void save(source)} disabled={state.at === 'saving'}>
        {state.at === 'saving' ? t('layoutReport.saving') : t('layoutReport.save')}
      </button>
      {state.at === 'saved' && <p role="status" className="muted">{t('layoutReport.saved', { file: state.file })}</p>}
      {state.at === 'failed' && <p role="alert">{t('layoutReport.failed')}</p>}
    </div>
  );
}
