import { z } from 'zod';
import { coded } from '../problem-codes.js';
import {
  abilitiesOf,
  isoDate,
  localizedAnswer,
  moneyAnswer,
  pageOf,
  pageQuery,
  timestamp,
  uuid,
} from '../common.schemas.js';
import { money } from '../money.js';
import { quantity } from '../quantity.js';
import { shownIn } from './market.js';

/** Movements a person records by hand; produced, consumed, reserved and released follow from other commands. */
export const MANUAL_MOVEMENTS = ['sold', 'spoiled', 'sample'] as const;
export const MOVEMENT_KINDS = [
  'produced',
  'sold',
  'spoiled',
  'sample',
  'consumed',
  'reserved',
  'released',
  'returned',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

const lotCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, coded('not_a_lot_code', 'must be 1–40 letters, digits, . _ / or -'));

export const createBatchBody = z.strictObject({
  id: uuid.optional(),
  productId: uuid,
  lotCode,
  quantity,
  producedOn: isoDate,
  expiresOn: isoDate.nullable().optional(),
  costPerUnit: money.nullable().optional(),
  /**
   * The run's cost of production (HPP: direct materials + direct labour + factory overhead), in
   * total. Materials come out of raw materials; labour and overhead are absorbed. Input batches add
   * their own value. Without it, `costPerUnit` × quantity is taken as the materials' cost.
   */
  costs: z
    .strictObject({ materials: money.optional(), labour: money.optional(), overhead: money.optional() })
    .nullable()
    .optional(),
  /** The batches this run consumed, and how much of each (genealogy). */
  inputs: z
    .array(z.strictObject({ batchId: uuid, quantity }))
    .max(20)
    .refine((l) => new Set(l.map((i) => i.batchId)).size === l.length, coded('listed_twice', 'names a batch twice'))
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

export const recordMovementBody = z.strictObject({
  /** The client's id for the movement: a movement sent again under it (an outbox replay) is recorded once. */
  id: uuid.optional(),
  kind: z.enum(MANUAL_MOVEMENTS),
  quantity,
  on: isoDate,
  note: z.string().trim().max(500).nullable().optional(),
});
export type RecordMovementBody = z.infer<typeof recordMovementBody>;

/*
 * Answers. The serializer sends only what is listed here, and the web derives its types from them.
 */

/** What the caller may do with a batch: `consume` is taking its stock as the input of another run. */
export const BATCH_ACTIONS = ['read', 'create', 'recordMovement', 'consume'] as const;
export const batchAbilities = abilitiesOf(BATCH_ACTIONS);

export const batchAnswer = z.object({
  id: z.string(),
  programId: z.string(),
  groupId: z.string(),
  productId: z.string(),
  productName: localizedAnswer,
  lotCode: z.string(),
  quantity: z.string(),
  unit: z.string(),
  producedOn: z.string(),
  expiresOn: z.string().nullable(),
  costPerUnit: moneyAnswer.nullable(),
  /** The run's total cost and its parts (inputs: what input batches brought). */
  cost: moneyAnswer.nullable(),
  costs: z
    .object({ materials: moneyAnswer, labour: moneyAnswer, overhead: moneyAnswer, inputs: moneyAnswer })
    .nullable(),
  /** What the stock on hand is worth at cost. */
  value: moneyAnswer,
  stock: z.string(),
  reserved: z.string(),
  available: z.string(),
  inputs: z.array(z.object({ batchId: z.string(), lotCode: z.string(), quantity: z.string() })),
  notes: z.string().nullable(),
  /** The public provenance page the batch's QR code opens. */
  provenancePath: z.string(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  abilities: batchAbilities,
});
export type BatchAnswer = z.infer<typeof batchAnswer>;
/** Batches as listed; `abilities.create`: whether the caller may record a batch for some group. */
export const batchPage = pageOf(batchAnswer).extend({ abilities: abilitiesOf(['create']) });

export const movementAnswer = z.object({
  id: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: z.string(),
  on: z.string(),
  orderId: z.string().nullable(),
  consumedByBatchId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
});
export const movementPage = pageOf(movementAnswer);

// The public provenance answer: the serializer drops any field not listed here, so no member
// name, national id or phone can reach the provenance page by accident.
const areaRef = z.object({ code: z.string(), name: z.string() });

export const provenanceAnswer = z.object({
  batch: z.object({
    id: z.string(),
    lotCode: z.string(),
    producedOn: z.string(),
    expiresOn: z.string().nullable(),
    quantity: z.string(),
    unit: z.string(),
  }),
  product: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    story: z.string().nullable(),
    category: z.string(),
    /** Whether the product's public page (/p/{id}) exists: drafts have none. */
    public: z.boolean(),
    shownIn,
    /** The product's first photo, as the story page shows it; none for a draft. */
    photo: z.object({ url: z.string(), width: z.number().int(), height: z.number().int() }).nullable(),
  }),
  /** The village, the areas above it (nearest first) and its country (ISO 3166-1 alpha-2, named by the reader's language). */
  village: areaRef.extend({ region: z.array(z.string()), country: z.string(), potentials: z.array(z.string()) }),
  group: z.object({ name: z.string(), kind: z.string(), foundedOn: z.string().nullable() }),
  /** Certifications (P-IRT, halal …) that were valid on the production date. */
  certifications: z.array(
    z.object({ kind: z.string(), number: z.string(), issuer: z.string(), validUntil: z.string().nullable() }),
  ),
  inputs: z.array(
    z.object({
      lotCode: z.string(),
      quantity: z.string(),
      unit: z.string(),
      producedOn: z.string(),
      product: z.string(),
      village: z.string(),
      group: z.string(),
    }),
  ),
});
export type ProvenanceAnswer = z.infer<typeof provenanceAnswer>;
