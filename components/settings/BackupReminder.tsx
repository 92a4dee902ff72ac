import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { backupOverdue, getBackupSetting } from '@/lib/db/backup';
import { contactCount } from '@/lib/db/contacts';

/** A gentle notice when the book has gone without a backup longer than the user asked. */
export function BackupReminder({ now = Date.now() }: { now?: number }) {
  const { t } = useTranslation();
  const overdue = useLiveQuery(async () => backupOverdue(await getBackupSetting(), await contactCount(), now), [now]);
  if (!overdue) return null;
  return (
    <p role="status" className="notice notice-warn">
      {t('data.backup.overdue')} <a href="#backup">{t('data.backup.make')}</a>
    </p>
  );
}
