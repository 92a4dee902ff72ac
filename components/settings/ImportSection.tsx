import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefreshProgress } from '@/lib/db/derive';
import { ImportCancelled } from '@/lib/db/importer';
import { StorageFullError } from '@/lib/db/errors';
import { getSetting, setSetting } from '@/lib/db/settings';
import type { ColumnMapping } from '@/lib/import/fields';
import { type FileKind, isPeopleKind } from '@/lib/import/kind';
import { recall, remember } from '@/lib/import/remember';
import { type FilePreview, type ReadOptions, type TablePreview, isTablePreview } from '@/lib/import/read';
import { Section } from '../shared/Section';
import { DetectionFacts, presetLabel } from './DetectionFacts';
import { download } from '../shared/download';
import { ImportProgress } from './ImportProgress';
import { ImportSummary } from './ImportSummary';
import { KindChoice } from './KindChoice';
import { MappingScreen, mappingNamesSomeone } from './MappingScreen';
import type { Imported } from './run-import';
import { type ImportRunner, ParseFailed } from './runner';
import { refreshTiesOffThread } from './ties';
import { SampleTable } from './SampleTable';
import { whyText } from './why-text';

type State =
  | { step: 'idle' }
  | { step: 'previewing'; file: File }
  /** kind: what the file holds, null until the user chooses when detection is unsure */
  | { step: 'preview'; file: File; preview: FilePreview; kind: FileKind | null; mapping: ColumnMapping; recalled: boolean }
  | { step: 'reading'; file: File; bytes: number }
  | { step: 'writing'; file: File; done: number; total: number }
  | { step: 'done'; file: File; imported: Imported; refreshing: boolean; progress?: RefreshProgress }
  | { step: 'message'; text: string; error: boolean };

/**
 * Import: pick a file → detection and the first rows (the mapping screen for
 * contacts) → read and written in a Web Worker (one transaction) with progress and
 * Cancel, which undoes the writing → the summary with every rejected row.
 */
export function ImportSection({ runner }: { runner: ImportRunner }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ step: 'idle' });
  const inputId = useId();

  const fail = (e: unknown) => {
    const err = e as Error;
    if (err instanceof ImportCancelled) setState({ step: 'message', text: t('data.import.cancelled'), error: false });
    else if (err instanceof StorageFullError) setState({ step: 'message', text: t('data.import.storageFull'), error: true });
    else if (err instanceof ParseFailed) setState({ step: 'message', text: t('data.import.unreadable', { reason: whyText(t, err.why ?? { reason: err.message }) }), error: true });
    else setState({ step: 'message', text: t('data.import.failed', { reason: err?.message ?? String(e) }), error: true });
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setState({ step: 'previewing', file });
    try {
      const preview = await runner.preview(file);
      setState(await choose(file, preview));
    } catch (e) {
      fail(e);
    }
  };

  /** The preview's kind and mapping: detection's, or the user's own answers for the same columns last time. */
  const choose = async (file: File, preview: FilePreview): Promise<Extract<State, { step: 'preview' }>> => {
    let kind = isTablePreview(preview) ? (preview.judgement.sure ? preview.kind : null) : null;
    let mapping = isTablePreview(preview) ? preview.mapping : [];
    const mine = isTablePreview(preview) ? recall(await getSetting('import.remembered').catch(() => null), preview.info.headers) : undefined;
    if (mine) ({ kind, mapping } = mine);
    return { step: 'preview', file, preview, kind, mapping, recalled: !!mine };
  };

  /** Another sheet of the workbook (table of the HTML file): its own detection and mapping. */
  const pickSheet = async (s: Extract<State, { step: 'preview' }>, at: number) => {
    const p = s.preview as TablePreview;
    const sheet = p.sheets?.[at];
    if (!sheet) return;
    setState(await choose(s.file, { ...sheet, sheets: p.sheets, sheet: at }));
  };

  const start = async (s: Extract<State, { step: 'preview' }>) => {
    const { file, preview } = s;
    let opts: ReadOptions = { format: preview.format };
    if (isTablePreview(preview)) {
      const { encoding, delimiter, headerLine } = preview.info;
      const kind = s.kind ?? preview.kind;
      opts = preview.format === 'csv' ? { ...opts, encoding, delimiter, headerLine, kind } : { ...opts, headerLine, kind, sheet: preview.info.sheet };
      // remember what the user said for these columns (only when they said something)
      const changed = kind !== preview.kind || !preview.judgement.sure || s.mapping.some((f, i) => f !== preview.mapping[i]);
      if (changed || s.recalled) {
        const all = await getSetting('import.remembered').catch(() => null);
        await setSetting('import.remembered', remember(all, preview.info.headers, kind, s.mapping, Date.now())).catch(() => {});
      }
      if (isPeopleKind(kind)) {
        const changed = s.mapping.some((f, i) => f !== preview.mapping[i]);
        opts = changed ? { ...opts, mapping: s.mapping, preset: preview.preset } : { ...opts, preset: preview.preset };
      }
    }
    setState({ step: 'reading', file, bytes: 0 });
    let imported: Imported;
    try {
      imported = await runner.run(file, opts, (p) =>
        setState((cur) => {
          if (cur.step === 'reading' && p.step === 'reading') return { ...cur, bytes: p.bytes };
          if ((cur.step === 'reading' || cur.step === 'writing') && p.step === 'writing') return { step: 'writing', file, done: p.done, total: p.total };
          return cur;
        }),
      );
    } catch (e) {
      return fail(e);
    }
    const { peerIds } = imported.result;
    // the imported contacts were stored with their tie fields; the book's other contacts at
    // the organisations the import touched (a new champion there) follow, in a worker
    setState({ step: 'done', file, imported, refreshing: peerIds.length > 0 });
    if (peerIds.length) {
      await refreshTiesOffThread(peerIds, (progress) => setState((cur) => (cur.step === 'done' ? { ...cur, progress } : cur)))
        .catch((e: unknown) => console.error('[tiewise] refresh ties', e));
    }
    setState((cur) => (cur.step === 'done' ? { ...cur, refreshing: false } : cur));
  };

  /** a kind chosen, and for people a mapping that names someone */
  const ready = (s: Extract<State, { step: 'preview' }>) =>
    !isTablePreview(s.preview) || (s.kind !== null && (!isPeopleKind(s.kind) || mappingNamesSomeone(s.mapping)));

  const saveRejects = (s: Extract<State, { step: 'done' }>) => {
    const f = s.imported.rejects;
    if (!f) return;
    const base = s.file.name.replace(/\.[^.]+$/, '');
    download(f.text, `${base}-rejected.${f.ext}`, f.ext === 'csv' ? 'text/csv;charset=utf-8' : f.ext === 'vcf' ? 'text/vcard;charset=utf-8' : 'application/json');
  };

  const chooser = (label: string) => (
    <p className="file-pick">
      <input
        id={inputId}
        type="file"
        className="visually-hidden-file"
        accept=".csv,.tsv,.txt,.json,.vcf,.xlsx,.xls,.html,.htm,.xml,text/csv,text/html,application/json,text/vcard,text/xml,application/xml,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="button primary">{label}</label>
    </p>
  );

  return (
    <Section level={2} title={t('data.import.title')}>
      <p className="muted">{t('data.import.intro')}</p>
      {state.step === 'idle' && chooser(t('data.import.choose'))}
      {state.step === 'previewing' && <p role="status">{t('data.import.previewing', { name: state.file.name })}</p>}
      {state.step === 'preview' && (
        <>
          <DetectionFacts fileName={state.file.name} preview={state.preview} />
          {state.recalled && <p className="notice">{t('data.kindChoice.recalled')}</p>}
          {isTablePreview(state.preview) && (state.preview.sheets?.length ?? 0) > 1 && (
            <p className="sheet-pick">
              <label>
                {t('data.import.sheetChoice')}{' '}
                <select value={state.preview.sheet ?? 0} onChange={(e) => void pickSheet(state, Number(e.target.value))}>
                  {state.preview.sheets!.map((sh, i) => (
                    <option key={i} value={i}>{t('data.import.sheetOption', { name: sh.name, count: sh.dataRows })}</option>
                  ))}
                </select>
              </label>
            </p>
          )}
          {isTablePreview(state.preview) && (
            <KindChoice judgement={state.preview.judgement} kind={state.kind} onChange={(kind) => setState({ ...state, kind })} />
          )}
          {isTablePreview(state.preview) && state.kind && isPeopleKind(state.kind) && (
            <MappingScreen
              headers={state.preview.info.headers}
              sample={state.preview.sample}
              mapping={state.mapping}
              presetLabel={presetLabel(state.preview.preset)}
              onChange={(mapping) => setState({ ...state, mapping })}
            />
          )}
          {isTablePreview(state.preview) && !(state.kind && isPeopleKind(state.kind)) && <SampleTable headers={state.preview.info.headers} rows={state.preview.sample} />}
          <p className="actions">
            <button type="button" className="primary" disabled={!ready(state)} onClick={() => void start(state)}>
              {t('data.import.start')}
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>{t('data.import.another')}</button>
          </p>
        </>
      )}
      {state.step === 'reading' && (
        <ImportProgress label={t('data.import.reading', { name: state.file.name })} done={state.bytes} total={state.file.size} unit="bytes" onCancel={() => runner.cancel()} />
      )}
      {state.step === 'writing' && (
        <ImportProgress label={t('data.import.writing')} done={state.done} total={state.total} unit="rows" onCancel={() => runner.cancel()} />
      )}
      {state.step === 'done' && (
        <>
          <ImportSummary summary={state.imported.result.summary} rejected={state.imported.result.rejected} refreshing={state.refreshing} progress={state.progress} onDownloadRejects={() => saveRejects(state)} />
          {chooser(t('data.import.importAnother'))}
        </>
      )}
      {state.step === 'message' && (
        <>
          <p role="alert" className={state.error ? 'notice notice-error' : 'notice'}>{state.text}</p>
          {chooser(t('data.import.choose'))}
        </>
      )}
    </Section>
  );
}
