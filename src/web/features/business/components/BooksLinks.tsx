import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';
import { getBooks } from '../api/books';

/**
 * On a group's page: its cash book and its reports, for those who may read them. The server
 * decides: the books answer 404 to anyone else, and then nothing shows.
 */
export function BooksLinks({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const books = useResource(`books-link-${groupId}`, (signal) => getBooks(groupId, signal));
  if (!books.data?.abilities.read) return null;
  return (
    <ul className="menu">
      <li>
        <Link href={`/groups/${groupId}/books`} className="button secondary">
          {t('books.title')}
        </Link>
      </li>
      <li>
        <Link href={`/groups/${groupId}/reports`} className="button secondary">
          {t('reports.title')}
        </Link>
      </li>
    </ul>
  );
}
