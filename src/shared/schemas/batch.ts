import { z } from 'zod';
import { coded } from '../problem-codes.js';

/**
 * Many writes in one request (`POST /api/v1/batch`): what a phone's outbox sends when it comes back
 * online. Each request is the one the record would have sent on its own — the same address, method
 * and body, the same rules and answers — and they are applied in their order in one transaction,
 * each on its own: a refused request leaves nothing behind and does not stop the others.
 */
export const BATCH_MAX_REQUESTS = 100;

export const batchRequest = z.strictObject({
  /** The caller's name for the request (the outbox's client id), repeated on its answer. */
  id: z.string().min(1).max(200),
  method: z.enum(['POST', 'PUT', 'PATCH', 'DELETE']),
  /** An address of this API, as the request would have it on its own. */
  url: z
    .string()
    .max(2000)
    .refine(
      (url) => url.startsWith('/api/v1/') && !/^\/api\/v1\/batch(?:[/?#]|$)/.test(url),
      coded('not_batchable', 'is not an address of this API that a batch may hold'),
    ),
  body: z.unknown().optional(),
});

export const batchBody = z.strictObject({
  requests: z.array(batchRequest).min(1).max(BATCH_MAX_REQUESTS),
});

/** Each request's answer, in the order sent: its status and body (a record, or a problem). */
export const batchAnswer = z.object({
  results: z.array(z.object({ id: z.string(), status: z.number().int(), body: z.unknown() })),
});
export type BatchAnswer = z.infer<typeof batchAnswer>;
