import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { getContactRecord } from '@/lib/db/repo';
import type { Extraction } from '@/lib/extract/types';
import { ComplaintsSection } from './ComplaintsSection';
import { IdentitySection } from './IdentitySection';
import { InteractionsSection } from './InteractionsSection';
import { NotesSection } from './NotesSection';
import { PurchasesSection } from './PurchasesSection';
import type { PanelMode } from './Panel';

/**
 * One contact's merged record. Sales leads with who and the tie; support leads
 * with what they bought and their complaints, then the last interactions.
 */
export function ContactCard({ contactId, mode, page }: { contactId: string; mode: PanelMode; page?: Extraction }) {
  const { t } = useTranslation();
  const record = useLiveQuery(() => getContactRecord(contactId), [contactId]);
  if (record === undefined) return <p className="muted" aria-busy="true">{t('page.reading')}</p>;
  if (record === null) return null;
  const sections: Record<string, ReactNode> = {
    notes: <NotesSection key="notes" contactId={contactId} notes={record.notes} />,
    interactions: <InteractionsSection key="interactions" contactId={contactId} interactions={record.interactions} />,
    purchases: <PurchasesSection key="purchases" purchases={record.purchases} />,
    complaints: <ComplaintsSection key="complaints" complaints={record.complaints} />,
  };
  const order = mode === 'support'
    ? ['purchases', 'complaints', 'interactions', 'notes']
    : ['notes', 'interactions', 'purchases', 'complaints'];
  return (
    <article className="card" aria-label={record.contact.name}>
      <IdentitySection record={record} page={page} />
      {order.map((k) => sections[k])}
    </article>
  );
}
