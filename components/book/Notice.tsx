import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export interface NoticeState {
  text: string;
  undo?: () => void;
}

/** A short message after an action, with undo when the action can be undone. */
export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  const { t } = useTranslation();
  useEffect(() => {
    const timer = setTimeout(onDismiss, notice.undo ? 12_000 : 6_000);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className="toast" role="status">
      <span>{notice.text}</span>
      {notice.undo && (
        <button
          type="button"
          onClick={() => {
            notice.undo!();
            onDismiss();
          }}
        >
          {t('book.groups.undo')}
        </button>
      )}
    </div>
  );
}
