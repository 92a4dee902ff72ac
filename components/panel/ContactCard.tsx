import { memo, useDeferredValue, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { smallTalk, type Topic } from '@/lib/model/smalltalk';
import type { ContactRecord } from '@/lib/db/record';
import type { RecordAssessment } from '@/lib/db/derive';
import type { CrossSell } from '@/lib/db/crosssell';
import { profileReads } from '@/lib/model/tie';
import type { Extraction } from '@/lib/extract/types';
import { ComplaintsSection } from './ComplaintsSection';
import { CrmFieldsSection } from './CrmFieldsSection';
import { CrossSellSection } from './CrossSellSection';
import { DuplicatesSection } from './DuplicatesSection';
import { IdentitySection } from './IdentitySection';
import { InteractionsSection } from './InteractionsSection';
import { NotesSection } from './NotesSection';
import { PurchasesSection } from './PurchasesSection';
import { RemindersSection } from './RemindersSection';
import { SmallTalkSection } from './SmallTalkSection';
import { SplitSection } from './SplitSection';
import { TieSection } from './TieSection';
import { AccountSection } from './AccountSection';
import { cardQueries, preparedCard, sameOr } from './cardData';
import { DealsSection } from './DealsSection';
import { QuestionsSection } from './QuestionsSection';
import type { PanelMode } from './Panel';

/**
 * One contact's merged record. Sales leads with who, the tie and small talk;
 * support leads with what they bought and their complaints, the last
 * interactions, then rapport topics.
 */
export function ContactCard({ contactId, mode, page }: { contactId: string; mode: PanelMode; page?: Extraction }) {
  const { t } = useTranslation();
  // Three live queries: the record (what is known), the judgement and the cross-sell, asked
  // at once (the judgement reads the record itself rather than wait for this one's render).
  // A card for the followed page starts from what the panel read ahead when it was told of
  // the page (cardData.ts): its first render is then the full card. Each later answer is
  // rendered as a transition (useDeferredValue): in slices of ~5 ms that give the panel's
  // thread back in between, where an answer rendered at once made one task of the whole card.
  const ahead = useMemo(() => preparedCard(contactId), [contactId]);
  const record = useDeferredValue(useLiveQuery(async () => sameOr(await cardQueries.record(contactId), ahead.record), [contactId], ahead.record));
  const a = useDeferredValue(useLiveQuery(async () => sameOr(await cardQueries.assessment(contactId), ahead.assessment), [contactId], ahead.assessment));
  // asked with the record, not once the card has rendered: the cross-sell section and the tie's next step share it
  const sell = useDeferredValue(useLiveQuery(async () => sameOr(await cardQueries.sell(contactId), ahead.sell), [contactId], ahead.sell));
  const rep = a?.rep;
  const topics = useMemo(
    () => (record ? smallTalk({ contact: record.contact, notes: record.notes, profiles: profileReads(record.profiles), rep }, Date.now()) : []),
    [record, rep],
  );
  if (record === undefined) return <p className="muted" aria-busy="true">{t('page.reading')}</p>;
  if (record === null) return null;
  return <CardBody contactId={contactId} mode={mode} page={page} record={record} a={a} sell={sell} topics={topics} />;
}

interface CardBodyProps {
  contactId: string;
  mode: PanelMode;
  page?: Extraction;
  record: ContactRecord;
  a: RecordAssessment | undefined;
  sell: CrossSell | undefined;
  topics: Topic[];
}

/**
 * The card's sections, rendered again only when what they show changed: each new answer
 * of a live query renders ContactCard twice (at once with the values it had, then, as a
 * transition, with the new ones), and the first of these must not render the whole card
 * again on the panel's thread in one go.
 */
const CardBody = memo(function CardBody({ contactId, mode, page, record, a, sell, topics }: CardBodyProps) {
  const full = a !== undefined && sell !== undefined;
  const sections: Record<string, ReactNode> = {
    tie: a ? <TieSection key="tie" contact={record.contact} a={a} topics={topics} complaints={record.complaints} sell={sell ?? null} /> : null,
    talk: <SmallTalkSection key="talk" topics={topics} />,
    // with the peers the judgement read: shown with the tie, no second query of the organisation
    account: record.contact.company && a ? <AccountSection key="account" contact={record.contact} peers={a.account ?? []} /> : null,
    notes: <NotesSection key="notes" contactId={contactId} notes={record.notes} />,
    interactions: <InteractionsSection key="interactions" contactId={contactId} interactions={record.interactions} />,
    purchases: <PurchasesSection key="purchases" purchases={record.purchases} />,
    complaints: <ComplaintsSection key="complaints" complaints={record.complaints} />,
    sell: <CrossSellSection key="sell" data={sell} />,
    deals: record.deals.length ? <DealsSection key="deals" deals={record.deals} /> : null,
  };
  const order = mode === 'support'
    ? ['purchases', 'complaints', 'deals', 'interactions', 'talk', 'notes', 'tie', 'account', 'sell']
    : ['tie', 'account', 'deals', 'talk', 'notes', 'sell', 'interactions', 'purchases', 'complaints'];
  return (
    <article className="card" aria-label={record.contact.name}>
      <IdentitySection record={record} page={page} />
      <CrmFieldsSection contact={record.contact} />
      <QuestionsSection contactId={contactId} />
      <SplitSection contactId={contactId} />
      {/* looked for once the card is full: scoring up to a thousand namesakes (tens of ms
          on a big book) would otherwise hold up the tie and cross-sell */}
      {full && <DuplicatesSection contactId={contactId} name={record.contact.name} />}
      <RemindersSection reminders={record.reminders} />
      {order.map((k) => sections[k])}
    </article>
  );
});
