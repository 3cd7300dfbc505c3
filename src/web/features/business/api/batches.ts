import type { z } from 'zod';
import type { BatchAnswer, batchPage, createBatchBody, recordMovementBody } from '../../../../shared/schemas/batches';
import { api, withQuery } from '../../../lib/http';
import { sendOrQueue } from '../../../lib/outbox/outbox';

export type CreateBatch = z.input<typeof createBatchBody>;
export type RecordMovement = z.input<typeof recordMovementBody>;
/** A page of batches, with whether the caller may record one (`abilities.create`). */
export type BatchPage = z.infer<typeof batchPage>;

export const listBatches = (
  query: { groupId?: string; productId?: string; available?: 'true' },
  cursor?: string,
  signal?: AbortSignal,
) => api<BatchPage>(withQuery('/api/v1/batches', { ...query, cursor }), { signal });

/** Through the outbox, under the client's id; a batch of a product registered offline waits for it. */
export const createBatch = (label: string, body: CreateBatch & { id: string }) =>
  sendOrQueue<BatchAnswer>({
    clientId: body.id,
    kind: 'batch',
    label,
    method: 'POST',
    url: '/api/v1/batches',
    body,
    dependsOn: body.productId,
  });

export const movementsUrl = (batchId: string) => `/api/v1/batches/${batchId}/movements`;

/**
 * Stock sold, spoiled or given as samples. Through the outbox, under the client's id (a replay is
 * recorded once); a movement of a batch recorded offline waits for the batch.
 */
export const recordMovement = (batchId: string, label: string, body: RecordMovement & { id: string }) =>
  sendOrQueue<BatchAnswer>({
    clientId: body.id,
    kind: 'stock-movement',
    label,
    method: 'POST',
    url: movementsUrl(batchId),
    body,
    dependsOn: batchId,
  });

/** The printable sheet of labels (opened in a new tab, where the browser prints it). */
export const labelPdfUrl = (id: string, locale: string) => withQuery(`/api/v1/batches/${id}/label.pdf`, { locale });
