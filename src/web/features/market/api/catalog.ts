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

/**
 * The provinces, for the catalog's region filter. Asked of the areas endpoint directly: going
 * through geography's index would bring its staff screens' code into the public pages' first download.
 */
export const listProvinces = (signal?: AbortSignal) =>
  api<{ items: { code: string; name: string }[] }>('/api/v1/areas?level=province&limit=100', { signal });
