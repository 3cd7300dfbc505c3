import { useState } from 'react';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { usePagedList, useResource } from '../../../lib/use-resource';
import { getArea, listAreas } from '../api/areas';

/** The area tree, province → village: drill down, or search by name. */
export default function AreasPage() {
  const { t } = useI18n();
  const [parent, setParent] = useState<string | undefined>(undefined);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const query = search ? { q: search, parent } : { parent, level: parent ? undefined : 'province' };
  const list = usePagedList(JSON.stringify(query), (cursor, signal) => listAreas(query, cursor, signal));
  const current = useResource(parent ?? null, (signal) => getArea(parent!, signal));
  const trail = current.data ? [...current.data.ancestors, current.data] : [];

  return (
    <>
      <h1>{t('areas.title')}</h1>
      <nav aria-label={t('areas.trail')} className="trail">
        <button type="button" className="link" onClick={() => setParent(undefined)}>
          {t('areas.all')}
        </button>
        {trail.map((a) => (
          <span key={a.code}>
            {' › '}
            <button type="button" className="link" onClick={() => setParent(a.code)}>
              {a.name}
            </button>
          </span>
        ))}
      </nav>
      <form
        role="search"
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setSearch(q.trim());
        }}
      >
        <label className="grow">
          <span>{t('areas.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">{t('action.search')}</button>
      </form>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('state.empty')}</p>
          ) : (
            <ul className="rows">
              {items.map((area) => (
                <li key={area.code}>
                  {area.childCount > 0 ? (
                    <button
                      type="button"
                      className="row-button"
                      onClick={() => {
                        setParent(area.code);
                        setSearch('');
                        setQ('');
                      }}
                    >
                      <span>{area.name}</span>
                      <span className="muted small">
                        {t(`level.${area.level}`)} · {area.code} · {t('areas.children', { count: area.childCount })}
                      </span>
                    </button>
                  ) : (
                    <div className="row-static">
                      <span>{area.name}</span>
                      <span className="muted small">
                        {t(`level.${area.level}`)} · {area.code}
                      </span>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      {list.nextCursor ? (
        <button type="button" onClick={() => void list.loadMore()} disabled={list.loadingMore}>
          {t('action.loadMore')}
        </button>
      ) : null}
    </>
  );
}
