import type { AreaDetailAnswer, AreaListItem, AreaSearchAnswer } from '../../../../shared/schemas/geography';
import { api, withQuery, type Page } from '../../../lib/http';

export interface AreaQuery {
  parent?: string | undefined;
  q?: string | undefined;
  level?: string | undefined;
}

export const listAreas = (query: AreaQuery, cursor?: string, signal?: AbortSignal) =>
  api<Page<AreaListItem>>(withQuery('/api/v1/areas', { ...query, cursor, limit: 50 }), { signal });

export const getArea = (code: string, signal?: AbortSignal) =>
  api<AreaDetailAnswer>(`/api/v1/areas/${encodeURIComponent(code)}`, { signal });

/** Areas by name with their ancestors, the user's own first (`scope: 'mine'`: only theirs). */
export const searchAreas = (
  query: { q: string; level?: string | undefined; scope?: 'mine' | 'all' },
  signal?: AbortSignal,
) => api<AreaSearchAnswer>(withQuery('/api/v1/areas/search', { ...query, limit: 20 }), { signal, quiet: () => true });
