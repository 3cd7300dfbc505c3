import { api, withQuery, type Page } from '../../../lib/http';
import type { CatalogItem, CatalogProduct } from './catalog.types';

export interface CatalogFilters {
  q?: string;
  area?: string;
  minStars?: string;
  exportReady?: string;
}

export const searchCatalog = (
  filters: CatalogFilters,
  locale: string,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  api<Page<CatalogItem>>(withQuery('/api/v1/catalog/products', { ...filters, locale, cursor, limit: 24 }), {
    signal,
  });

export const getCatalogProduct = (id: string, locale: string, signal?: AbortSignal) =>
  api<CatalogProduct>(withQuery(`/api/v1/catalog/products/${encodeURIComponent(id)}`, { locale }), {
    signal,
    quiet: (error) => error.status === 404 || error.status === 400,
  });
