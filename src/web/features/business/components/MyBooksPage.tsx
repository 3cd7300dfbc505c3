import { Link, Redirect } from 'wouter';
import { useSession } from '../../platform';
import { getGroup } from '../../registry';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { useResource } from '../../../lib/use-resource';

/** The menu's "cash book": straight to the one group a treasurer or member keeps, or a choice of several. */
export default function MyBooksPage() {
  const { t } = useI18n();
  // The server names the groups whose books the menu opens (/me's `bookGroups`).
  const ids = useSession().me.bookGroups;
  const groups = useResource(ids.length > 1 ? `my-books-${ids.join()}` : null, (signal) =>
    Promise.all(ids.map((id) => getGroup(id, signal))),
  );
  if (ids.length === 1) return <Redirect to={`/groups/${ids[0]}/books`} replace />;
  return (
    <>
      <h1>{t('books.title')}</h1>
      {ids.length === 0 ? (
        <p className="muted">{t('books.noGroup')}</p>
      ) : (
        <Loaded resource={groups}>
          {(list) => (
            <ul className="rows">
              {list.map((g) => (
                <li key={g.id}>
                  <Link href={`/groups/${g.id}/books`} className="row-button">
                    {g.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      )}
    </>
  );
}
