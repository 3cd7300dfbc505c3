import { z } from 'zod';
import { isoDate, pageQuery, uuid } from '../common.schemas.js';
import { money } from '../money.js';
import { quantity } from '../quantity.js';

/** Movements a person records by hand; produced, consumed, reserved and released follow from other commands. */
export const MANUAL_MOVEMENTS = ['sold', 'spoiled', 'sample'] as const;
export const MOVEMENT_KINDS = ['produced', 'sold', 'spoiled', 'sample', 'consumed', 'reserved', 'released'] as const;

const lotCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, 'must be 1–40 letters, digits, . _ / or -');

export const createBatchBody = z.object({
  id: uuid.optional(),
  productId: uuid,
  lotCode,
  quantity,
  producedOn: isoDate,
  expiresOn: isoDate.nullable().optional(),
  costPerUnit: money.nullable().optional(),
  /** The batches this run consumed, and how much of each (genealogy). */
  inputs: z
    .array(z.object({ batchId: uuid, quantity }))
    .max(20)
    .refine((l) => new Set(l.map((i) => i.batchId)).size === l.length, 'names a batch twice')
    .default([]),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type CreateBatchBody = z.infer<typeof createBatchBody>;

export const listBatchesQuery = pageQuery.extend({
  programId: uuid.optional(),
  groupId: uuid.optional(),
  productId: uuid.optional(),
  /** true: only batches with stock available. */
  available: z.enum(['true', 'false']).optional(),
});
export type ListBatchesQuery = z.infer<typeof listBatchesQuery>;

export const recordMovementBody = z.object({
  kind: z.enum(MANUAL_MOVEMENTS),
  quantity,
  on: isoDate,
  note: z.string().trim().max(500).nullable().optional(),
});
export type RecordMovementBody = z.infer<typeof recordMovementBody>;
