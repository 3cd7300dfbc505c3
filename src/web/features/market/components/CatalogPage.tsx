import { useEffect, useLayoutEffect, useState, type FormEvent } from 'react';
import { useSearch } from 'wouter';
import type { CatalogItemAnswer } from '../../../../shared/schemas/market';
import { Loaded } from '../../../components/Loaded';
import { useI18n } from '../../../i18n/i18n';
import { ApiError } from '../../../lib/http';
import { pageTitle } from '../../../lib/format';
import { useResource } from '../../../lib/use-resource';
import { listProvinces, searchCatalog, type CatalogFilters } from '../api/catalog';
import { keptList, withKeptList } from './catalog-memory';
import { ProductCard } from './ProductCard';

function filtersOf(search: string): Required<CatalogFilters> {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    area: params.get('area') ?? '',
    minStars: params.get('minStars') ?? '',
    exportReady: params.get('exportReady') ?? '',
  };
}

/** The catalog's address for a search: its filters in the query, none when there are none. */
function addressOf(filters: Required<CatalogFilters>): string {
  const params = new URLSearchParams(Object.entries({ ...filters, q: filters.q.trim() }).filter(([, v]) => v));
  return params.size ? `${location.pathname}?${params}` : location.pathname;
}

/**
 * The public catalog: search, filters, product cards. The filters live in the URL, so a search can
 * be shared, and each search submitted is an entry of the history: Back returns to the search before
 * it, its words in the box. Typing adds no entry; the search runs when it is submitted.
 */
export function CatalogPage() {
  const { t, locale } = useI18n();
  // The address's query, read again on Back and Forward (wouter follows popstate and pushState).
  const search = useSearch();
  const filters = filtersOf(search);
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filtersOf(search)), [search]);
  // The tab's title as the server's page has it (src/server/pages/catalog.ts), also after moving here in the app.
  useEffect(() => {
    document.title = filters.q ? pageTitle(filters.q, t('catalog.title')) : pageTitle(t('catalog.title'));
  }, [filters.q, t]);
  const provinces = useResource('provinces', listProvinces);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const to = addressOf(draft);
    if (to !== location.pathname + location.search) history.pushState(null, '', to);
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
      {/* A search of its own, each time: its list starts empty, or as its history entry kept it. */}
      <CatalogResults key={JSON.stringify([filters, locale])} filters={filters} locale={locale} />
    </>
  );
}

interface ListState {
  items?: CatalogItemAnswer[];
  nextCursor: string | null;
  error?: ApiError;
  /** Where the page was when the list was kept; undefined for a list loaded afresh. */
  keptScroll?: number;
}

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError({ title: String(error), status: 0 });

/**
 * A search's products, with "load more". What is loaded and how far down the page the visitor is are
 * kept in the history entry (catalog-memory.ts): Back from a product shows the same list at the same
 * place, without asking the server again.
 */
function CatalogResults({ filters, locale }: { filters: CatalogFilters; locale: string }) {
  const { t } = useI18n();
  const key = JSON.stringify([filters, locale]);
  const [here] = useState(() => location.pathname + location.search);
  const [list, setList] = useState<ListState>(() => {
    const kept = keptList<CatalogItemAnswer>(history.state, key);
    return kept ? { items: kept.items, nextCursor: kept.nextCursor, keptScroll: kept.scrollY } : { nextCursor: null };
  });
  const [loadingMore, setLoadingMore] = useState(false);
  /** Why the last "load more" failed (offline, most often): said under the list, the button tries again. */
  const [moreFailed, setMoreFailed] = useState<ApiError>();

  /** Keeps the list and the scroll position in this search's entry, while it is the current one. */
  const keep = (shown: ListState = list) => {
    if (!shown.items || location.pathname + location.search !== here) return;
    const kept = { key, items: shown.items, nextCursor: shown.nextCursor, scrollY: Math.round(window.scrollY) };
    history.replaceState(withKeptList(history.state, kept), '');
  };

  useEffect(() => {
    if (list.items) return;
    const controller = new AbortController();
    searchCatalog(filters, locale, undefined, controller.signal).then(
      (page) => setList({ items: page.items, nextCursor: page.nextCursor }),
      (error: unknown) => {
        if (!controller.signal.aborted) setList({ nextCursor: null, error: asApiError(error) });
      },
    );
    return () => controller.abort();
    // Once per search: a new search is a new CatalogResults (its key).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Back to a kept list: to where the visitor was, once it is on the page (again on the next frame,
  // for a page the server rendered, which the app replaces only once its list is there).
  useLayoutEffect(() => {
    const y = list.keptScroll;
    if (y === undefined) return;
    window.scrollTo(0, y);
    const frame = requestAnimationFrame(() => {
      if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y);
    });
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (list.items && list.keptScroll === undefined) keep();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onScroll = () => {
      clearTimeout(timer);
      timer = setTimeout(() => keep(), 200);
    };
    addEventListener('scroll', onScroll, { passive: true });
    return () => {
      clearTimeout(timer);
      removeEventListener('scroll', onScroll);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [list]);

  const loadMore = async () => {
    if (!list.nextCursor) return;
    setLoadingMore(true);
    setMoreFailed(undefined);
    try {
      const page = await searchCatalog(filters, locale, list.nextCursor);
      setList({ items: [...(list.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreFailed(asApiError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <Loaded resource={{ data: list.items, error: list.error }}>
        {(items) =>
          items.length === 0 ? (
            <p>{t('catalog.empty')}</p>
          ) : (
            // Kept as the visitor opens a product, where the page is at that moment.
            <ul className="grid" aria-label={t('catalog.results')} onClickCapture={() => keep()}>
              {items.map((item) => (
                <ProductCard key={item.id} item={item} />
              ))}
            </ul>
          )
        }
      </Loaded>
      {moreFailed ? (
        <p role="alert">{t(moreFailed.problem.code === 'network' ? 'error.network' : 'error.load')}</p>
      ) : null}
      {list.nextCursor ? (
        <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
          {t(moreFailed ? 'action.retry' : 'action.loadMore')}
        </button>
      ) : null}
    </>
  );
}
