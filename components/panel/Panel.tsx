import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, type SettingValue } from '@/lib/db/settings';
import type { PanelBridge } from './bridge';
import { ContactCard } from './ContactCard';
import { ModeSwitch } from './ModeSwitch';
import { PageView } from './PageView';
import { SearchBox } from './SearchBox';
import { UndoProvider } from './undo';
import { useTabState } from './useTabState';
import { prepareCard } from './cardData';

export type PanelMode = SettingValue<'panelMode'>;

/**
 * The panel: the mode switch and search on top, the followed page's person below.
 * `opening`: the database is not open yet: the frame only, nothing that reads or writes
 * the book (a write would open the database before its version was checked).
 */
export function Panel({ bridge, opening = false }: { bridge: PanelBridge; opening?: boolean }) {
  const { t } = useTranslation();
  // the card read ahead (cardData.ts); not while the database is being opened (checked) first
  const tab = useTabState(bridge, { prepare: prepareCard, hold: opening });
  const stored = useLiveQuery(async () => (opening ? undefined : getSetting('panelMode')), [opening]);
  const mode = stored ?? 'sales';
  const [opened, setOpened] = useState<string | null>(null);

  return (
    <div className="panel" data-mode={mode}>
      <header className="panel-head">
        <h1 className="brand">{t('app.name')}</h1>
        <nav className="pages" aria-label={t('pages.label')}>
          {bridge.bookUrl && <a href={bridge.bookUrl} target="_blank" rel="noopener">{t('book.link')}</a>}
          {bridge.dashboardUrl && <a href={bridge.dashboardUrl} target="_blank" rel="noopener">{t('pages.dashboard')}</a>}
          {bridge.optionsUrl && <a href={bridge.optionsUrl} target="_blank" rel="noopener">{t('pages.settings')}</a>}
        </nav>
        {/* no choice shown until the stored one is known: a support agent would see Sales flash */}
        <ModeSwitch mode={stored ?? null} disabled={opening} />
      </header>
      <SearchBox onOpen={setOpened} disabled={opening} />
      <UndoProvider>
      <main>
        {opening ? (
          <p className="muted" aria-busy="true">{t('page.reading')}</p>
        ) : opened ? (
          <>
            <button type="button" className="link" onClick={() => setOpened(null)}>← {t('search.back')}</button>
            <ContactCard key={opened} contactId={opened} mode={mode} />
          </>
        ) : (
          <PageView tab={tab} mode={mode} />
        )}
      </main>
      </UndoProvider>
    </div>
  );
}
