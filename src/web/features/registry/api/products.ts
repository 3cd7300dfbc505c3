import type { z } from 'zod';
import type { createProductBody, PhotoAnswer, ProductAnswer } from '../../../../shared/schemas/registry';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';

export type CreateProduct = z.input<typeof createProductBody>;

export const listProducts = (query: { groupId?: string; programId?: string }, cursor?: string, signal?: AbortSignal) =>
  api<Page<ProductAnswer>>(withQuery('/api/v1/products', { ...query, cursor }), { signal });

export const getProduct = (id: string, signal?: AbortSignal) =>
  api<ProductAnswer>(`/api/v1/products/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

export const createProduct = (body: CreateProduct) =>
  api<ProductAnswer>('/api/v1/products', { method: 'POST', body, quiet: formQuiet });

export const patchProduct = (id: string, body: Record<string, unknown>) =>
  api<ProductAnswer>(`/api/v1/products/${id}`, { method: 'PATCH', body, quiet: formQuiet });

/** Multipart upload, field "photo". */
export const uploadPhoto = (productId: string, file: File) => {
  const body = new FormData();
  body.append('photo', file);
  // Refusals show beside the picker (PhotoUpload), not as a toast.
  return api<PhotoAnswer>(`/api/v1/products/${productId}/photos`, {
    method: 'POST',
    body,
    quiet: (e) => [400, 413, 422].includes(e.status),
  });
};
