import type { z } from 'zod';
import type { createProductBody, PhotoAnswer, ProductAnswer } from '../../../../shared/schemas/registry';
import { formQuiet } from '../../../components/form';
import { api, withQuery, type Page } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export type CreateProduct = z.input<typeof createProductBody>;

export const listProducts = (query: { groupId?: string; programId?: string }, cursor?: string, signal?: AbortSignal) =>
  api<Page<ProductAnswer>>(withQuery('/api/v1/products', { ...query, cursor }), { signal });

export const getProduct = (id: string, signal?: AbortSignal) =>
  api<ProductAnswer>(`/api/v1/products/${id}`, { signal, quiet: (e) => e.status === 404 || e.status === 400 });

/** Through the outbox; a product of a group registered offline waits for the group. */
export const createProduct = (body: CreateProduct & { id: string }) =>
  sendOrQueue<ProductAnswer>({
    clientId: body.id,
    kind: 'product',
    label: body.name.id ?? Object.values(body.name)[0] ?? '',
    method: 'POST',
    url: '/api/v1/products',
    body,
    dependsOn: body.groupId,
  });

export const patchProduct = (id: string, body: Record<string, unknown>) =>
  api<ProductAnswer>(`/api/v1/products/${id}`, { method: 'PATCH', body, quiet: formQuiet });

/**
 * Multipart upload, field "photo", under a client id (a replay is stored once). Through the outbox:
 * the photo waits there as a Blob, after its product when that is still waiting too. A refusal is
 * thrown to the picker (PhotoUpload), which shows it beside the photo, not as a toast.
 */
export const uploadPhoto = (productId: string, file: File) => {
  const clientId = crypto.randomUUID();
  return sendOrQueue<PhotoAnswer>({
    clientId,
    kind: 'photo',
    label: file.name,
    method: 'POST',
    url: `/api/v1/products/${productId}/photos?id=${clientId}`,
    files: [{ field: 'photo', name: file.name, blob: file }],
    dependsOn: productId,
  });
};
