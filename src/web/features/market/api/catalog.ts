// Types only: the public pages load no zod (their JavaScript budget).
import type { AreaAnswer } from '../../../../shared/schemas/geography';
import type { CatalogPageAnswer, CatalogProductAnswer } from '../../../../shared/schemas/market';
import type { PublicSchemeAnswer } from '../../../../shared/schemas/quality';
import { api, withQuery } from '../../../lib/http';

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
  api<CatalogPageAnswer>(withQuery('/api/v1/catalog/products', { ...filters, locale, cursor, limit: 24 }), {
    signal,
  });

export const getCatalogProduct = (id: string, locale: string, signal?: AbortSignal) =>
  api<CatalogProductAnswer>(withQuery(`/api/v1/catalog/products/${encodeURIComponent(id)}`, { locale }), {
    signal,
    quiet: (error) => error.status === 404 || error.status === 400,
  });

/**
 * The provinces, for the catalog's region filter. Asked of the areas endpoint directly: going
 * through geography's index would bring its staff screens' code into the public pages' first download.
 */
export const listProvinces = (signal?: AbortSignal) =>
  api<{ items: AreaAnswer[] }>('/api/v1/areas?level=province&limit=100', { signal });

/** A rating scheme's public summary: what a product's badge means. */
export const getRatingScheme = (id: string, locale: string, signal?: AbortSignal) =>
  api<PublicSchemeAnswer>(withQuery(`/api/v1/catalog/rating-schemes/${encodeURIComponent(id)}`, { locale }), {
    signal,
    quiet: (error) => error.status === 404 || error.status === 400,
  });
