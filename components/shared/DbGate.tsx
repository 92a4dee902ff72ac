import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NewerDatabaseError, openDatabase } from '@/lib/db/database';

/**
 * Opens the database first; a database it cannot open is explained, not crashed on.
 * `opening` is shown meanwhile (nothing by default). Given the same component as
 * `children` (with other props), it is the same instance once the database is open:
 * its state and what it asked for are kept.
 */
export function DbGate({ children, opening = null }: { children: ReactNode; opening?: ReactNode }) {
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
  // one fragment for both: React matches `opening` with `children` by position and type
  if (state === 'opening') return <>{opening}</>;
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
