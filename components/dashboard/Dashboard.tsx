import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataCare } from './DataCare';
import { Overview } from './Overview';
import { RulesTab } from './RulesTab';
import { Tabs } from './Tabs';

const TAB_IDS = ['overview', 'rules', 'care'] as const;
type TabId = (typeof TAB_IDS)[number];
const fromHash = (h: string): TabId => (TAB_IDS as readonly string[]).includes(h.slice(1)) ? (h.slice(1) as TabId) : 'overview';

/** The team lead's page: Overview (charts), Rules (editor and run log), Data care (retention, erasure). */
export function Dashboard({ hash = '', onHash }: { hash?: string; onHash?: (h: string) => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabId>(fromHash(hash));
  useEffect(() => setTab(fromHash(hash)), [hash]);
  useEffect(() => {
    document.title = `${t('app.name')} · ${t('lead.title')}`;
  }, [t]);
  const select = (id: string) => {
    setTab(id as TabId);
    onHash?.(`#${id}`);
  };
  return (
    <main className="lead">
      <header className="lead-head">
        <h1>{t('app.name')} · {t('lead.title')}</h1>
      </header>
      <Tabs
        label={t('lead.tabs.label')}
        selected={tab}
        onSelect={select}
        tabs={[
          { id: 'overview', label: t('lead.tabs.overview'), content: () => <Overview /> },
          { id: 'rules', label: t('lead.tabs.rules'), content: () => <RulesTab /> },
          { id: 'care', label: t('lead.tabs.care'), content: () => <DataCare /> },
        ]}
      />
    </main>
  );
}
