import { z } from 'zod';

/** Shapes every module shares: ids, dates, versions. One definition each. */
export const uuid = z.uuid();
export const isoDate = z.iso.date();
export const version = z.number().int().min(1);
export const email = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const personName = z.string().trim().min(1).max(200);
export const idParams = z.object({ id: uuid });

/** Text in several languages, keyed by locale: `{"id":"Keripik salak","en":"Salak chips"}`. */
export const localizedText = (max = 200) =>
  z
    .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a locale'), z.string().trim().min(1).max(max))
    .refine((v) => Object.keys(v).length > 0, 'needs at least one language');

/** Lists: `?limit=` (default 50, max 500) and an opaque `?cursor=` from the previous page's `nextCursor`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});
