import type { z } from 'zod';
import type { createProductBody, PhotoAnswer, ProductAnswer } from '../../../../shared/schemas/registry';
import { api, withQuery, type Page } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export type CreateProduct = z.input<typeof createProductBody>;

export const listProducts = (query: { groupId?: string; programId?: string }, cursor?: string, signal?: AbortSignal) =>
  api<Page<ProductAnswer>>(withQuery('/api/v1/products', { ...query, cursor }), { signal });

export const productUrl = (id: string) => `/api/v1/products/${id}`;

export const getProduct = (id: string, signal?: AbortSignal) =>
  api<ProductAnswer>(productUrl(id), { signal, quiet: (e) => e.status === 404 || e.status === 400 });

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

/**
 * Through the outbox, with the version the edit was based on: a newer version on the server makes
 * it a conflict, shown there with both versions. An edit of a product still waiting waits after it.
 */
export const patchProduct = (id: string, label: string, body: Record<string, unknown>) =>
  sendOrQueue<ProductAnswer>({
    clientId: crypto.randomUUID(),
    kind: 'product-edit',
    label,
    method: 'PATCH',
    url: productUrl(id),
    body,
    dependsOn: id,
  });

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
