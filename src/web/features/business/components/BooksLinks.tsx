import { Link } from 'wouter';
import { useI18n } from '../../../i18n/i18n';
import type { Me } from '../../platform';
import type { Group } from '../../registry';
import { mayReadBooks } from './books-access';

/** On a group's page: its cash book and its reports, for those who may read them. */
export function BooksLinks({ me, group }: { me: Me; group: Pick<Group, 'id' | 'programId' | 'village'> }) {
  const { t } = useI18n();
  if (!mayReadBooks(me, group)) return null;
  return (
    <ul className="menu">
      <li>
        <Link href={`/groups/${group.id}/books`} className="button secondary">
          {t('books.title')}
        </Link>
      </li>
      <li>
        <Link href={`/groups/${group.id}/reports`} className="button secondary">
          {t('reports.title')}
        </Link>
      </li>
    </ul>
  );
}
