import { z } from 'zod';
import { UI_LOCALES } from '../../../shared/locales.js';
import { pageQuery } from '../../http/pagination.js';

export * from '../../../shared/schemas/batches.js';

export const movementsQuery = pageQuery;

/** A sheet of labels: its language and how many (10 fit a page). */
export const labelQuery = z.object({
  locale: z.enum(UI_LOCALES).default('id'),
  count: z.coerce.number().int().min(1).max(200).default(10),
});

export const provenanceQuery = z.object({ locale: z.enum(UI_LOCALES).default('id') });
export type ProvenanceQuery = z.infer<typeof provenanceQuery>;

// The public answer is a schema too: the serializer drops any field not listed here, so no member
// name, national id or phone can reach the provenance page by accident.
const areaRef = z.object({ code: z.string(), name: z.string() });

export const provenance = z.object({
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
  }),
  village: areaRef.extend({ region: z.array(z.string()), potentials: z.array(z.string()) }),
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
