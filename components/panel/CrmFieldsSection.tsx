import { useTranslation } from 'react-i18next';
import type { Contact } from '@/lib/domain/entities';
import { SafeLink } from './SafeLink';
import { Section } from '../shared/Section';
import { useFormat } from '../shared/format';

/**
 * What the team's CRM export said about the contact beyond name, job and company:
 * country, website, owner, the CRM's status, when they connected, and every column
 * the import kept under the file's own name. All of it shown as text (a website a
 * link only when it is http(s)); nothing when the contact has none of it.
 */
export function CrmFieldsSection({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: Array<[string, React.ReactNode]> = [];
  if (contact.middleName) rows.push([t('data.crmFields.middleName'), contact.middleName]);
  if (contact.country) rows.push([t('data.crmFields.country'), contact.country]);
  if (contact.website) rows.push([t('data.crmFields.website'), <SafeLink href={contact.website}>{contact.website}</SafeLink>]);
  if (contact.owner) rows.push([t('data.crmFields.owner'), contact.owner]);
  if (contact.crmStatus) rows.push([t('data.crmFields.status'), contact.crmStatus]);
  if (contact.connectedAt !== undefined) rows.push([t('data.crmFields.connectedOn'), f.date(contact.connectedAt)]);
  for (const c of contact.custom ?? []) rows.push([c.name, c.value]);
  if (!rows.length) return null;
  return (
    <Section title={t('data.crmFields.title')}>
      <dl className="facts crm-fields">
        {rows.map(([k, v], i) => (
          <div key={i} className="fact">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </Section>
  );
}
