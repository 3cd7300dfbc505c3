import { api, withQuery, type Page } from '../../../lib/http';

export interface Area {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  country: string;
  childCount: number;
}

export interface AreaQuery {
  parent?: string | undefined;
  q?: string | undefined;
  level?: string | undefined;
}

export const listAreas = (query: AreaQuery, cursor?: string, signal?: AbortSignal) =>
  api<Page<Area>>(withQuery('/api/v1/areas', { ...query, cursor, limit: 50 }), { signal });

export const getArea = (code: string, signal?: AbortSignal) =>
  api<Area & { ancestors: Omit<Area, 'childCount'>[] }>(`/api/v1/areas/${encodeURIComponent(code)}`, { signal });
