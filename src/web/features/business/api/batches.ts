import type { z } from 'zod';
import type { BatchAnswer, batchPage, createBatchBody } from '../../../../shared/schemas/batches';
import { formQuiet } from '../../../components/form';
import { api, withQuery } from '../../../lib/http';

export type CreateBatch = z.input<typeof createBatchBody>;
/** A page of batches, with whether the caller may record one (`abilities.create`). */
export type BatchPage = z.infer<typeof batchPage>;

export const listBatches = (
  query: { groupId?: string; productId?: string; available?: 'true' },
  cursor?: string,
  signal?: AbortSignal,
) => api<BatchPage>(withQuery('/api/v1/batches', { ...query, cursor }), { signal });

export const createBatch = (body: CreateBatch) =>
  api<BatchAnswer>('/api/v1/batches', { method: 'POST', body, quiet: formQuiet });

/** The printable sheet of labels (opened in a new tab, where the browser prints it). */
export const labelPdfUrl = (id: string, locale: string) => withQuery(`/api/v1/batches/${id}/label.pdf`, { locale });
