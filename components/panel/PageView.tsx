import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { hasContacts } from '@/lib/db/contacts';
import type { TabState } from '@/lib/messages';
import { TRANSLATED, type Extraction } from '@/lib/extract/types';
import { siteOf } from '@/lib/extract/urls';
import { ContactCard } from './ContactCard';
import { cardQueries, preparedLink, sameOr } from './cardData';
import { ReadProblems } from './ReadProblems';
import { UnknownProfile } from './UnknownProfile';
import type { PanelMode } from './Panel';

/** What the followed tab shows: a prompt, a problem, or the person and their record. */
export function PageView({ tab, mode }: { tab: TabState | null | undefined; mode: PanelMode }) {
  const { t } = useTranslation();
  const x = tab?.extraction;
  if (tab === undefined) return <p className="muted" aria-busy="true">{t('page.reading')}</p>;
  // a profile the browser shows translated is not read: its words are a machine's, not the person's
  if (tab?.error === TRANSLATED) return <div role="status" className="notice">{t('page.translated', { site: t(`site.${siteOf(tab.url) ?? 'unknown'}`) })}</div>;
  if (tab?.error) return <div role="alert" className="notice notice-error">{t('page.error')}</div>;
  if (!x || x.kind === 'not-profile') {
    return (
      <div className="intro">
        <p>{x ? t('page.notProfile') : t('page.none')}</p>
        <EmptyBookHint />
      </div>
    );
  }
  if (x.kind === 'login-wall') {
    return <div role="status" className="notice">{t('page.loginWall', { site: t(`site.${x.site ?? 'unknown'}`) })}</div>;
  }
  return <ProfileView x={x} mode={mode} />;
}

function ProfileView({ x, mode }: { x: Extraction; mode: PanelMode }) {
  const url = x.profileUrl;
  const ahead = useMemo(() => (url ? preparedLink(url) : null), [url]);
  const linked = useLiveQuery(async () => (url ? sameOr(await cardQueries.linked(url), ahead ?? undefined) : null), [url], ahead);
  if (linked === undefined) return null;
  return (
    <>
      <ReadProblems x={x} />
      {linked ? <ContactCard key={linked.contactId} contactId={linked.contactId} mode={mode} page={x} /> : <UnknownProfile x={x} />}
    </>
  );
}

/** First run: an empty book offers the demo book. */
function EmptyBookHint() {
  const { t } = useTranslation();
  // one key, not a count: counting 100,000 contacts holds IndexedDB up for the card's reads
  const any = useLiveQuery(() => hasContacts(), []);
  if (any !== false) return null;
  return (
    <div className="notice">
      <p>{t('empty.book')}</p>
      {/* the demo book's rows are loaded on the click: a panel with a book never evaluates them */}
      <button type="button" onClick={() => void import('@/lib/demo/load').then((m) => m.loadDemoBook())}>{t('empty.loadDemo')}</button>
    </div>
  );
}
