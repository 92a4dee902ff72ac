import type { NamedContact } from '@/lib/db/dashboard';
import { SourceLine } from '../shared/SourceLine';
import { useTranslation } from 'react-i18next';

/** A contact in a dashboard table: name, company, and where the record came from. */
export function ContactCell({ contact }: { contact?: NamedContact }) {
  const { t } = useTranslation();
  if (!contact) return <span className="muted">{t('lead.log.erased')}</span>;
  return (
    <span className="lead-contact">
      <span>{contact.name}</span>
      {contact.company && <span className="muted"> · {contact.company}</span>}
      <SourceLine source={contact.source} />
    </span>
  );
}
