import { PageShell } from '../shared/PageShell';
import { BookPage } from './BookPage';

/** The book page. */
export function BookApp({ languages }: { languages: readonly string[] }) {
  return (
    <PageShell languages={languages} title="book.pageTitle">
      <BookPage />
    </PageShell>
  );
}
