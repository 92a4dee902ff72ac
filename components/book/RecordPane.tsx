import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ContactCard } from '../panel/ContactCard';

/** A contact's full record beside the list, the same card the side panel shows. */
export function RecordPane({ contactId, onClose }: { contactId: string; onClose(): void }) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), [contactId]);
  return (
    <aside
      className="record"
      aria-label={t('book.record.title')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <button ref={close} type="button" className="link" onClick={onClose}>← {t('book.record.close')}</button>
      <ContactCard key={contactId} contactId={contactId} mode="sales" />
    </aside>
  );
}
