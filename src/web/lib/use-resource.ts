import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Page } from './http';

/** What a screen waits for: the data, or why it could not be had (see components/Loaded.tsx). */
export interface Loadable<T> {
  data: T | undefined;
  error: ApiError | undefined;
}

export interface Resource<T> extends Loadable<T> {
  loading: boolean;
  reload: () => void;
}

/** Two resources a screen needs together: loaded when both are, failed when either fails. */
export function both<A, B>(a: Loadable<A>, b: Loadable<B>): Loadable<[A, B]> {
  return {
    data: a.data !== undefined && b.data !== undefined ? [a.data, b.data] : undefined,
    error: a.error ?? b.error,
  };
}

/** Loads data for a screen; reloads when `key` changes. `fetcher` gets an AbortSignal. */
export function useResource<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({ key: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    fetcher(controller.signal).then(
      (data) => setState({ key, data }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({
            key,
            error: error instanceof ApiError ? error : new ApiError({ title: String(error), status: 0 }),
          });
        }
      },
    );
    return () => controller.abort();
    // The key names what is fetched; the fetcher closure changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || tick < 0),
    reload,
  };
}

/** A cursor-paginated list: the first page, then "load more" appends the next. */
export function usePagedList<T, P extends Page<T> = Page<T>>(
  key: string | null,
  fetchPage: (cursor: string | undefined, signal?: AbortSignal) => Promise<P & Page<T>>,
) {
  const first = useResource(key, (signal) => fetchPage(undefined, signal));
  const [more, setMore] = useState<{ key: string | null; items: T[]; cursor: string | null }>({
    key: null,
    items: [],
    cursor: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const extra = more.key === key ? more : { key, items: [], cursor: first.data?.nextCursor ?? null };
  const items = first.data ? [...first.data.items, ...extra.items] : undefined;
  const nextCursor = more.key === key ? more.cursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await fetchPage(nextCursor);
      setMore({ key, items: [...extra.items, ...page.items], cursor: page.nextCursor });
    } finally {
      setLoadingMore(false);
    }
  };
  const reload = () => {
    setMore({ key: null, items: [], cursor: null });
    first.reload();
  };
  // `first`: the first page as answered, with what the list says beside its items (its `abilities`).
  return {
    items,
    first: first.data,
    error: first.error,
    loading: first.loading,
    nextCursor,
    loadMore,
    loadingMore,
    reload,
  };
}
