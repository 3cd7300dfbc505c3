import { api, withQuery } from '../../../lib/http';
import type { CatalogProduct } from './catalog.types';

export const getCatalogProduct = (id: string, locale: string, signal?: AbortSignal) =>
  api<CatalogProduct>(withQuery(`/api/v1/catalog/products/${encodeURIComponent(id)}`, { locale }), {
    signal,
    quiet: (error) => error.status === 404 || error.status === 400,
  });
