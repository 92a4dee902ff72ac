import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { StorageFullError } from '@/lib/db/errors';

interface State { error: Error | null }

/** Keeps a failure in one part of the panel from blanking the whole panel. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };
  static getDerivedStateFromError(error: Error): State {
    return { error };
  }
  override componentDidCatch(error: Error) {
    console.error('[tiewise] panel', error);
  }
  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div role="alert" className="notice notice-error">
            <p>{error instanceof StorageFullError ? t('db.storageFull') : t('errors.generic', { message: error.message })}</p>
            <button type="button" onClick={() => this.setState({ error: null })}>{t('errors.retry')}</button>
          </div>
        )}
      </Translation>
    );
  }
}
