import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// Undo for actions whose effect outlives the component that started them (a
// merge can unmount the card it was started from): kept until the panel closes.

interface UndoItem { id: number; message: string; undo: () => Promise<void> }
const UndoContext = createContext<(message: string, undo: () => Promise<void>) => void>(() => undefined);

export function useUndo() {
  return useContext(UndoContext);
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<UndoItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const push = useCallback((message: string, undo: () => Promise<void>) => {
    setItems((xs) => [...xs, { id: Date.now() + Math.random(), message, undo }]);
  }, []);
  return (
    <UndoContext.Provider value={push}>
      {items.length > 0 && (
        <div className="undo-bar" role="status">
          {items.map((it) => (
            <p key={it.id}>
              {it.message}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setError(null);
                  it.undo().then(
                    () => setItems((xs) => xs.filter((x) => x.id !== it.id)),
                    (e: Error) => setError(t('errors.generic', { message: e.message })),
                  );
                }}
              >
                {t('notes.undo')}
              </button>
              <button type="button" className="link" aria-label={t('merge.dismiss')} onClick={() => setItems((xs) => xs.filter((x) => x.id !== it.id))}>×</button>
            </p>
          ))}
          {error && <p role="alert" className="notice notice-error">{error}</p>}
        </div>
      )}
      {children}
    </UndoContext.Provider>
  );
}
