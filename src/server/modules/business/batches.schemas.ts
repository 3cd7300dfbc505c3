import { z } from 'zod';
import { UI_LOCALES } from '../../../shared/locales.js';
import { pageQuery } from '../../http/pagination.js';

export * from '../../../shared/schemas/batches.js';

export const movementsQuery = pageQuery;

/** A sheet of labels: its language and how many (10 fit a page). */
/** The QR code alone: in a language when the packaging it goes on is in one. */
export const qrQuery = z.object({ locale: z.enum(UI_LOCALES).optional() });

export const labelQuery = z.object({
  locale: z.enum(UI_LOCALES).default('id'),
  count: z.coerce.number().int().min(1).max(200).default(10),
});

export const provenanceQuery = z.object({ locale: z.enum(UI_LOCALES).default('id') });
