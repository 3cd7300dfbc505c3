import { useState } from 'react';
import { Link } from 'wouter';
import { GROUP_KINDS } from '../../../../shared/schemas/registry';
import { AreaPicker } from '../../geography';
import { usePrograms } from '../../programs';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { usePagedList } from '../../../lib/use-resource';
import { listGroups, type GroupFilters } from '../api/groups';

export default function GroupsPage() {
  const { t } = useI18n();
  const { program } = usePrograms();
  const [draft, setDraft] = useState({ area: '', kind: '' });
  const [filters, setFilters] = useState<GroupFilters>({});
  const query = { ...filters, programId: program?.id };
  const list = usePagedList(JSON.stringify(query), (cursor, signal) => listGroups(query, cursor, signal));
  return (
    <>
      <h1>{t('groups.title')}</h1>
      {list.first?.abilities.create ? (
        <Link href="/groups/new" className="button">
          {t('groups.new')}
        </Link>
      ) : null}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ area: draft.area.trim() || undefined, kind: draft.kind || undefined });
        }}
      >
        <div className="grow">
          <label htmlFor="groups-area">{t('groups.filterArea')}</label>
          <AreaPicker id="groups-area" value={draft.area} onChange={(area) => setDraft({ ...draft, area })} />
        </div>
        <label>
          <span>{t('groups.kind')}</span>
          <select value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{t('catalog.any')}</option>
            {GROUP_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`groupKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('action.filter')}</button>
      </form>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p data-testid="groups-empty">{t('state.empty')}</p>
          ) : (
            <ul className="rows" aria-label={t('groups.title')}>
              {items.map((g) => (
                <li key={g.id}>
                  <Link href={`/groups/${g.id}`} className="row-button">
                    <span>{g.name}</span>
                    <span className="muted small">
                      {t(`groupKind.${g.kind}`)} · {g.village.name}
                    </span>
                  </Link>
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
