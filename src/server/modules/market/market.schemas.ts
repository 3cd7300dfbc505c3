import { z } from 'zod';
import { uuid } from '../../../shared/common.schemas.js';
import { UI_LOCALES } from '../../../shared/locales.js';
import { money } from '../../../shared/money.js';
import { pageQuery } from '../../http/pagination.js';
import { areaCode } from '../geography/index.js';

const GROUP_KINDS = ['women_group', 'cooperative', 'bumdes', 'farmer_group', 'enterprise'] as const;
const PUBLIC_STATUSES = ['ready', 'export_ready'] as const;

export const catalogQuery = pageQuery.extend({
  /** Words in any language; an empty box means no search. */
  q: z.string().trim().max(100).optional(),
  area: areaCode.optional(),
  category: z
    .string()
    .regex(/^[a-z0-9_]{2,40}$/, 'is not a category code')
    .optional(),
  minStars: z.coerce.number().int().min(1).max(5).optional(),
  /** true: export-ready products only; false: those ready to sell but not (yet) export-ready. */
  exportReady: z.enum(['true', 'false']).optional(),
  locale: z.enum(UI_LOCALES).default('id'),
});
export type CatalogQuery = z.infer<typeof catalogQuery>;

export const catalogProductQuery = z.object({ locale: z.enum(UI_LOCALES).default('id') });
export type CatalogProductQuery = z.infer<typeof catalogProductQuery>;

// The responses are schemas too: the serializer drops any field not listed here, so nothing
// personal (members, contacts, legal ids) can reach the public catalog by accident.
const photo = z.object({ url: z.string(), thumbnailUrl: z.string() });

const catalogItemFields = {
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  unit: z.string(),
  price: money,
  status: z.enum(PUBLIC_STATUSES),
  exportReady: z.boolean(),
  stars: z.number().int().nullable(),
  photo: photo.nullable(),
  village: z.object({ code: z.string(), name: z.string() }),
  region: z.array(z.string()),
  group: z.object({ id: uuid, name: z.string(), kind: z.enum(GROUP_KINDS) }),
};

export const catalogPage = z.object({
  items: z.array(z.object(catalogItemFields)),
  nextCursor: z.string().nullable(),
});

const areaRef = z.object({ code: z.string(), name: z.string(), level: z.string() });

export const catalogProduct = z.object({
  ...catalogItemFields,
  /** Every language the product has text in; each text above falls back on its own when missing. */
  languages: z.array(z.string()),
  story: z.string().nullable(),
  photos: z.array(photo.extend({ width: z.number().int(), height: z.number().int() })),
  village: areaRef.extend({ ancestors: z.array(areaRef) }),
  group: catalogItemFields.group.extend({ foundedOn: z.string().nullable() }),
  /** Certifications (P-IRT, halal …) valid today, from the quality module. */
  certifications: z.array(
    z.object({ kind: z.string(), number: z.string(), issuer: z.string(), validUntil: z.string().nullable() }),
  ),
  capacityPerMonth: z.number().int().nullable(),
  hsCode: z.string().nullable(),
});
