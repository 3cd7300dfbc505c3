import { useState, type FormEvent } from 'react';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { usePagedList, useResource } from '../../../lib/use-resource';
import { listProvinces, searchCatalog, type CatalogFilters } from '../api/catalog';
import { ProductCard } from './ProductCard';

function readFilters(): CatalogFilters {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get('q') ?? '',
    area: params.get('area') ?? '',
    minStars: params.get('minStars') ?? '',
    exportReady: params.get('exportReady') ?? '',
  };
}

/** The public catalog: search, filters, product cards. The filters live in the URL, so a search can be shared. */
export function CatalogPage() {
  const { t, locale } = useI18n();
  const [filters, setFilters] = useState(readFilters);
  const [draft, setDraft] = useState(filters);
  const key = JSON.stringify([filters, locale]);
  const list = usePagedList(key, (cursor, signal) => searchCatalog(filters, locale, cursor, signal));
  const provinces = useResource('provinces', listProvinces);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(draft);
    const params = new URLSearchParams(Object.entries(draft).filter(([, v]) => v));
    history.replaceState(null, '', params.size ? `?${params}` : location.pathname);
  };

  return (
    <>
      <h1>{t('catalog.title')}</h1>
      <p className="muted">{t('catalog.intro')}</p>
      <form role="search" className="filters" onSubmit={submit}>
        <label className="grow">
          <span>{t('catalog.search')}</span>
          <input
            type="search"
            name="q"
            value={draft.q}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            placeholder={t('catalog.searchPlaceholder')}
          />
        </label>
        <label>
          <span>{t('catalog.region')}</span>
          <select value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}>
            <option value="">{t('catalog.any')}</option>
            {provinces.data?.items.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('catalog.minStars')}</span>
          <select value={draft.minStars} onChange={(e) => setDraft({ ...draft, minStars: e.target.value })}>
            <option value="">{t('catalog.any')}</option>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>
                {t('catalog.starsAtLeast', { stars: n })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('catalog.market')}</span>
          <select value={draft.exportReady} onChange={(e) => setDraft({ ...draft, exportReady: e.target.value })}>
            <option value="">{t('catalog.any')}</option>
            <option value="true">{t('catalog.exportReady')}</option>
            <option value="false">{t('catalog.domestic')}</option>
          </select>
        </label>
        <button type="submit">{t('action.search')}</button>
      </form>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('catalog.empty')}</p>
          ) : (
            <ul className="grid" aria-label={t('catalog.results')}>
              {items.map((item) => (
                <ProductCard key={item.id} item={item} />
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
