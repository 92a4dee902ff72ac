import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NewerDatabaseError, openDatabase } from '@/lib/db/database';

/** Opens the database first; a database it cannot open is explained, not crashed on. */
export function DbGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'opening' | 'open' | Error>('opening');
  useEffect(() => {
    openDatabase().then(
      () => setState('open'),
      (e: Error) => {
        console.error('[tiewise] database', e);
        setState(e);
      },
    );
  }, []);
  if (state === 'opening') return null;
  if (state instanceof Error) {
    const newer = state instanceof NewerDatabaseError || state.name === 'VersionError';
    return (
      <div role="alert" className="notice notice-error">
        {newer ? t('db.newer') : t('db.failed', { reason: state.message })}
      </div>
    );
  }
  return <>{children}</>;
}
