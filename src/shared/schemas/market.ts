import { z } from 'zod';
import { email, isoDate, pageQuery, personName, uuid, version } from '../common.schemas.js';
import { UI_LOCALES } from '../locales.js';
import { money } from '../money.js';
import { quantity } from '../quantity.js';
import { areaCode, countryCode } from './geography.js';

// ---- buyers ------------------------------------------------------------------------------------
const companyName = z.string().trim().min(1).max(200);

export const registerBuyerBody = z.object({
  email,
  name: personName,
  password: z.string().min(1).max(256),
  locale: z.enum(UI_LOCALES).default('id'),
  companyName,
  country: countryCode,
  /** Where in the country, when the country's areas are loaded (Indonesia); tells local from national sales. */
  areaCode: areaCode.nullable().optional(),
});
export type RegisterBuyerBody = z.infer<typeof registerBuyerBody>;

export const patchBuyerBody = z
  .object({ version: version.optional(), companyName, country: countryCode, areaCode: areaCode.nullable() })
  .partial()
  .strict();
export type PatchBuyerBody = z.infer<typeof patchBuyerBody>;

// ---- inquiries ---------------------------------------------------------------------------------
export const INQUIRY_KINDS = ['inquiry', 'sample', 'quotation'] as const;
export const INQUIRY_STATUSES = ['open', 'answered', 'quoted', 'ordered', 'closed'] as const;
const messageText = z.string().trim().min(1).max(4000);

export const createInquiryBody = z.object({
  id: uuid.optional(),
  productId: uuid,
  kind: z.enum(INQUIRY_KINDS),
  quantity: quantity.nullable().optional(),
  message: messageText,
});
export type CreateInquiryBody = z.infer<typeof createInquiryBody>;

export const listInquiriesQuery = pageQuery.extend({
  groupId: uuid.optional(),
  status: z.enum(INQUIRY_STATUSES).optional(),
});
export type ListInquiriesQuery = z.infer<typeof listInquiriesQuery>;

export const inquiryMessageBody = z.object({ body: messageText });
export type InquiryMessageBody = z.infer<typeof inquiryMessageBody>;

export const quoteBody = z.object({
  unitPrice: money,
  quantity,
  validUntil: isoDate,
  note: z.string().trim().max(2000).nullable().optional(),
});
export type QuoteBody = z.infer<typeof quoteBody>;

// ---- orders ------------------------------------------------------------------------------------
export const ORDER_STATUSES = ['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const MARKETS = ['local', 'national', 'export'] as const;

export const listOrdersQuery = pageQuery.extend({
  groupId: uuid.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const orderTransitionBody = z.object({
  to: z.enum(ORDER_STATUSES),
  /** On confirming: which batches to reserve from; without it, the earliest expiry first (FIFO). */
  allocations: z
    .array(z.object({ batchId: uuid, quantity }))
    .min(1)
    .max(20)
    .refine((l) => new Set(l.map((a) => a.batchId)).size === l.length, 'names a batch twice')
    .optional(),
  note: z.string().trim().max(1000).optional(),
});
export type OrderTransitionBody = z.infer<typeof orderTransitionBody>;
