import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Backup, BackupError, backupJson, createBackup, getBackupSetting, parseBackup, restoreBackup, setBackupSetting } from '@/lib/db/backup';
import { StorageFullError } from '@/lib/db/errors';
import { useFormat } from '../shared/format';
import { Section } from '../shared/Section';
import { download, today } from '../shared/download';

const EVERY = [['never', 0], ['daily', 1], ['weekly', 7], ['monthly', 30]] as const;

type Restore = { step: 'idle' } | { step: 'confirm'; backup: Backup } | { step: 'message'; text: string; error: boolean };

/** Backup to a JSON file, the reminder's schedule, and restore (after a confirmation). */
export function BackupSection() {
  const { t } = useTranslation();
  const f = useFormat();
  const setting = useLiveQuery(() => getBackupSetting(), []);
  const [restore, setRestore] = useState<Restore>({ step: 'idle' });
  const remindId = useId();
  const fileId = useId();

  const make = async () => {
    const now = Date.now();
    const b = await createBackup(undefined, now);
    download(backupJson(b), `tiewise-backup-${today(new Date(now))}.json`, 'application/json');
    await setBackupSetting({ lastAt: now });
  };

  const pick = async (file: File | undefined) => {
    if (!file) return;
    try {
      setRestore({ step: 'confirm', backup: parseBackup(await file.text()) });
    } catch (e) {
      const text = e instanceof BackupError && e.code === 'newer' ? t('data.backup.newer') : t('data.backup.bad', { reason: (e as Error).message });
      setRestore({ step: 'message', text, error: true });
    }
  };

  const replace = async (b: Backup) => {
    try {
      const n = await restoreBackup(b);
      setRestore({ step: 'message', text: t('data.backup.restored', { count: n.contacts }), error: false });
    } catch (e) {
      const text = e instanceof StorageFullError ? t('data.backup.storageFull') : t('data.backup.failed', { reason: (e as Error).message });
      setRestore({ step: 'message', text, error: true });
    }
  };

  return (
    <div id="backup">
      <Section level={2} title={t('data.backup.title')}>
        <p className="muted">{t('data.backup.intro')}</p>
        <p>{setting?.lastAt ? t('data.backup.last', { when: `${f.date(setting.lastAt)} (${f.ago(setting.lastAt)})` }) : t('data.backup.never')}</p>
        <p className="row">
          <button type="button" className="primary" onClick={() => void make()}>{t('data.backup.make')}</button>
          <label htmlFor={remindId}>{t('data.backup.remind')}</label>
          <select id={remindId} value={setting?.remindDays ?? 7} onChange={(e) => void setBackupSetting({ remindDays: Number(e.target.value) })}>
            {EVERY.map(([k, days]) => <option key={k} value={days}>{t(`data.backup.every.${k}`)}</option>)}
          </select>
        </p>
        <p className="file-pick">
          <input id={fileId} type="file" className="visually-hidden-file" accept=".json,application/json" onChange={(e) => {
            void pick(e.target.files?.[0]);
            e.target.value = '';
          }} />
          <label htmlFor={fileId} className="button">{t('data.backup.restore')}</label>{' '}
          <span className="muted">{t('data.backup.restoreHint')}</span>
        </p>
        {restore.step === 'confirm' && (
          <div role="alertdialog" aria-labelledby={`${fileId}-q`} className="notice notice-warn confirm">
            <p id={`${fileId}-q`}>{t('data.backup.confirm', { count: restore.backup.tables.contacts.length, date: f.date(restore.backup.exportedAt) })}</p>
            <button type="button" className="primary" onClick={() => void replace(restore.backup)}>{t('data.backup.replace')}</button>{' '}
            <button type="button" autoFocus onClick={() => setRestore({ step: 'idle' })}>{t('data.backup.keep')}</button>
          </div>
        )}
        {restore.step === 'message' && <p role="alert" className={restore.error ? 'notice notice-error' : 'notice'}>{restore.text}</p>}
      </Section>
    </div>
  );
}
