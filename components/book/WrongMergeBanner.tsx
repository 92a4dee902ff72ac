import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { wrongMergeReview } from '@/lib/db/split';
import type { BookModel } from '@/lib/book/model';

/** Contacts the v4 upgrade found made of two people: one click opens each record, where the split is offered. */
export function WrongMergeBanner({ model, onOpen }: { model: BookModel; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const review = useLiveQuery(() => wrongMergeReview(), [], []);
  if (!review.length) return null;
  return (
    <div className="notice notice-warn" role="region" aria-label={t('book.wrongMerges.title')}>
      <p>{t('book.wrongMerges.text', { count: review.length })}</p>
      <ul className="inline-list">
        {review.map((e) => (
          <li key={e.contactId}>
            <button type="button" className="link" onClick={() => onOpen(e.contactId)}>
              {model.row(e.contactId)?.name ?? e.contactId}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
