import { z } from 'zod';
import { coded } from '../problem-codes.js';
import {
  abilitiesOf,
  email,
  isoDate,
  localizedAnswer,
  moneyAnswer,
  pageOf,
  pageQuery,
  personName,
  timestamp,
  uuid,
  version,
} from '../common.schemas.js';
import { UI_LOCALES } from '../locales.js';
import { decimalAmount } from '../money.js';
import { quantity } from '../quantity.js';
import { areaCode, countryCode } from './geography.js';
import { publicRatingAnswer } from './quality.js';
import { ALLERGENS, GROUP_KINDS, NET_QUANTITY_UNITS } from './registry.js';

// ---- buyers ------------------------------------------------------------------------------------
const companyName = z.string().trim().min(1).max(200);

export const registerBuyerBody = z.strictObject({
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

/**
 * What a sign-up answers (202), the same whether or not the email already had an account: the
 * person goes on by signing in with the password they chose.
 */
export const signUpAnswer = z.object({ email: z.string(), next: z.literal('sign-in') });
export type SignUpAnswer = z.infer<typeof signUpAnswer>;

export const patchBuyerBody = z
  .object({ version: version.optional(), companyName, country: countryCode, areaCode: areaCode.nullable() })
  .partial()
  .strict();
export type PatchBuyerBody = z.infer<typeof patchBuyerBody>;

/** A buyer's own profile. */
export const buyerAnswer = z.object({
  userId: uuid,
  email: z.string(),
  name: z.string(),
  companyName: z.string(),
  country: z.string(),
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BuyerAnswer = z.infer<typeof buyerAnswer>;

// ---- inquiries ---------------------------------------------------------------------------------
export const INQUIRY_KINDS = ['inquiry', 'sample', 'quotation'] as const;
export const INQUIRY_STATUSES = ['open', 'answered', 'quoted', 'ordered', 'closed'] as const;
const messageText = z.string().trim().min(1).max(4000);

export const createInquiryBody = z.strictObject({
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

export const inquiryMessageBody = z.strictObject({ body: messageText });
export type InquiryMessageBody = z.infer<typeof inquiryMessageBody>;

// ---- export trade: currencies, rates and terms --------------------------------------------------
/** The currencies a group may quote in (the buyer's); minor digits come from money.ts (ISO 4217). */
export const TRADE_CURRENCIES = ['IDR', 'JPY', 'USD', 'EUR', 'SGD', 'AUD', 'MYR', 'CNY', 'KRW'] as const;
export type TradeCurrency = (typeof TRADE_CURRENCIES)[number];

/**
 * Incoterms 2020. FAS, FOB, CFR and CIF are for sea and inland waterway transport only (the goods
 * are delivered at or on board a vessel); the other seven fit any mode, air and road included.
 */
export const INCOTERMS = ['EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'] as const;
export type Incoterm = (typeof INCOTERMS)[number];
export const SEA_ONLY_INCOTERMS: readonly Incoterm[] = ['FAS', 'FOB', 'CFR', 'CIF'];

/** Payment terms: all in advance, 30% with the order and 70% before shipping, letter of credit, net 30 or 60 days. */
export const PAYMENT_TERMS = ['advance', 'deposit_30_70', 'letter_of_credit', 'net_30', 'net_60'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];
export const SAMPLE_POLICIES = ['free', 'paid', 'none'] as const;

/**
 * An exchange rate: units of the group's currency per one unit of the quote's currency, as a decimal
 * string ("104.5" IDR per JPY). Entered by whoever quotes — there is no live rate here.
 */
export const exchangeRate = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,10})?$/, coded('not_a_decimal', 'must be a decimal string such as "104.5"'))
  .refine((v) => /[1-9]/.test(v), coded('more_than_zero', 'must be more than zero'));

export const tradeTerms = z.strictObject({
  incoterm: z.enum(INCOTERMS),
  /** The place the rule names: "FOB Benoa", "DAP Osaka". */
  namedPlace: z.string().trim().min(1).max(200),
  /** In the quote's currency; `included` when the unit price already covers it, else it is added to the total. */
  freight: z.strictObject({ amount: decimalAmount, included: z.boolean() }).nullable().optional(),
  paymentTerms: z.enum(PAYMENT_TERMS),
  leadTimeDays: z.number().int().min(0).max(365),
  minimumOrder: quantity.nullable().optional(),
  samplePolicy: z.enum(SAMPLE_POLICIES),
});

export const tradeTermsAnswer = z.object({
  incoterm: z.enum(INCOTERMS),
  namedPlace: z.string(),
  freight: z.object({ amount: moneyAnswer, included: z.boolean() }).nullable(),
  paymentTerms: z.enum(PAYMENT_TERMS),
  leadTimeDays: z.number().int(),
  minimumOrder: z.string().nullable(),
  samplePolicy: z.enum(SAMPLE_POLICIES),
});
export type TradeTermsAnswer = z.infer<typeof tradeTermsAnswer>;

/**
 * A quote in the buyer's currency: `rate` (group-currency units per one unit of it) is required
 * when that is not the group's currency and refused when it is.
 */
export const quoteBody = z.strictObject({
  unitPrice: z.strictObject({ amount: decimalAmount, currency: z.enum(TRADE_CURRENCIES) }),
  rate: exchangeRate.nullable().optional(),
  quantity,
  validUntil: isoDate,
  terms: tradeTerms.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type QuoteBody = z.infer<typeof quoteBody>;

export const QUOTE_STATUSES = ['open', 'accepted', 'superseded'] as const;
/** Who wrote or may make a move: the buyer who sent the inquiry, or the producer group's side. */
export const TRADE_SIDES = ['buyer', 'group'] as const;

export const quoteAnswer = z.object({
  id: uuid,
  unitPrice: moneyAnswer,
  quantity: z.string(),
  /** Units of the group's currency per one unit of the quote's; null when they are the same. */
  rate: z.string().nullable(),
  /** The lines plus freight not included in the price, in the quote's currency. */
  total: moneyAnswer,
  /** The total in the group's currency at the rate, rounded once (half away from zero). */
  groupTotal: moneyAnswer,
  validUntil: z.string(),
  terms: tradeTermsAnswer.nullable(),
  note: z.string().nullable(),
  status: z.enum(QUOTE_STATUSES),
  createdAt: timestamp,
});

/** What the caller may do with an inquiry now: write a message, quote (the group), accept the open quote (the buyer). */
export const INQUIRY_ACTIONS = ['read', 'reply', 'quote', 'accept'] as const;

/** Buyer to group, with the messages and quotes; only the two sides ever see it. */
export const inquiryAnswer = z.object({
  id: uuid,
  programId: uuid,
  groupId: uuid,
  groupName: z.string(),
  productId: uuid,
  productName: localizedAnswer,
  unit: z.string(),
  currency: z.string(),
  buyer: z.object({ id: uuid, companyName: z.string(), country: z.string() }),
  kind: z.enum(INQUIRY_KINDS),
  quantity: z.string().nullable(),
  status: z.enum(INQUIRY_STATUSES),
  messages: z.array(
    z.object({ id: uuid, side: z.enum(TRADE_SIDES), author: z.string(), body: z.string(), createdAt: timestamp }),
  ),
  quotes: z.array(quoteAnswer),
  abilities: abilitiesOf(INQUIRY_ACTIONS),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type InquiryAnswer = z.infer<typeof inquiryAnswer>;
export const inquiryPage = pageOf(inquiryAnswer);
export type InquiryPageAnswer = z.infer<typeof inquiryPage>;

// ---- orders ------------------------------------------------------------------------------------
export const ORDER_STATUSES = ['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const MARKETS = ['local', 'national', 'export'] as const;

export const listOrdersQuery = pageQuery.extend({
  groupId: uuid.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuery>;

export const orderTransitionBody = z.strictObject({
  to: z.enum(ORDER_STATUSES),
  /** On confirming: which batches to reserve from; without it, the earliest expiry first (FIFO). */
  allocations: z
    .array(z.strictObject({ batchId: uuid, quantity }))
    .min(1)
    .max(20)
    .refine((l) => new Set(l.map((a) => a.batchId)).size === l.length, coded('listed_twice', 'names a batch twice'))
    .optional(),
  note: z.string().trim().max(1000).optional(),
});
export type OrderTransitionBody = z.infer<typeof orderTransitionBody>;

/** The moves of an order the caller may make now (its state and their side allow it), and reading it. */
export const ORDER_ACTIONS = ['read', 'confirm', 'ship', 'deliver', 'cancel'] as const;

export const orderAnswer = z.object({
  id: uuid,
  programId: uuid,
  groupId: uuid,
  groupName: z.string(),
  productId: uuid,
  productName: localizedAnswer,
  buyer: z.object({ id: uuid, companyName: z.string(), country: z.string() }),
  inquiryId: uuid.nullable(),
  quoteId: uuid.nullable(),
  quantity: z.string(),
  unit: z.string(),
  unitPrice: moneyAnswer,
  /** The lines plus freight not included in the price, in the order's (the buyer's) currency. */
  total: moneyAnswer,
  rate: z.string().nullable(),
  /** What the books record: the total in the group's currency at the quote's rate, rounded once. */
  groupTotal: moneyAnswer,
  terms: tradeTermsAnswer.nullable(),
  market: z.enum(MARKETS),
  status: z.enum(ORDER_STATUSES),
  /** The moves the state machine allows next, whoever makes them (`abilities` says which the caller may). */
  next: z.array(z.enum(ORDER_STATUSES)),
  allocations: z.array(z.object({ batchId: uuid, lotCode: z.string(), quantity: z.string() })),
  saleEntryId: uuid.nullable(),
  placedAt: timestamp,
  confirmedAt: timestamp.nullable(),
  shippedAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  cancelledAt: timestamp.nullable(),
  abilities: abilitiesOf(ORDER_ACTIONS),
  version,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type OrderAnswer = z.infer<typeof orderAnswer>;
export const orderPage = pageOf(orderAnswer);
export type OrderPageAnswer = z.infer<typeof orderPage>;

// ---- the public catalog ------------------------------------------------------------------------
const PUBLIC_STATUSES = ['ready', 'export_ready'] as const;

export const catalogQuery = pageQuery.extend({
  /** Words in any language; an empty box means no search. */
  q: z.string().trim().max(100).optional(),
  area: areaCode.optional(),
  category: z
    .string()
    .regex(/^[a-z0-9_]{2,40}$/, coded('not_a_category_code', 'is not a category code'))
    .optional(),
  minStars: z.coerce.number().int().min(1).max(5).optional(),
  /** true: export-ready products only; false: those ready to sell but not (yet) export-ready. */
  exportReady: z.enum(['true', 'false']).optional(),
  locale: z.enum(UI_LOCALES).default('id'),
});
export type CatalogQuery = z.infer<typeof catalogQuery>;

export const catalogProductQuery = z.object({ locale: z.enum(UI_LOCALES).default('id') });

// The serializer drops any field not listed here, so nothing personal (members, contacts, legal
// ids) can reach the public catalog by accident.
const photo = z.object({ url: z.string(), thumbnailUrl: z.string() });

const catalogItemFields = {
  id: uuid,
  name: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  unit: z.string(),
  price: moneyAnswer,
  status: z.enum(PUBLIC_STATUSES),
  exportReady: z.boolean(),
  /** Null when the product has no badge or its badge has lapsed. */
  stars: z.number().int().nullable(),
  photo: photo.nullable(),
  village: z.object({ code: z.string(), name: z.string() }),
  region: z.array(z.string()),
  group: z.object({ id: uuid, name: z.string(), kind: z.enum(GROUP_KINDS) }),
};

/** A product card of the catalog list. */
export const catalogItemAnswer = z.object(catalogItemFields);
export type CatalogItemAnswer = z.infer<typeof catalogItemAnswer>;
export const catalogPage = pageOf(catalogItemAnswer);
export type CatalogPageAnswer = z.infer<typeof catalogPage>;

const areaRef = z.object({ code: z.string(), name: z.string(), level: z.string() });

/** The public product page. */
/** The language a product's name, description and story are shown in: the page names those not in the reader's. */
export const shownIn = z.object({
  name: z.string().nullable(),
  description: z.string().nullable(),
  story: z.string().nullable(),
});

export const catalogProductAnswer = z.object({
  ...catalogItemFields,
  /** Every language the product has text in; each text above falls back on its own when missing. */
  languages: z.array(z.string()),
  story: z.string().nullable(),
  /** The language each text above is shown in (the reader's, or the one it fell back to). */
  shownIn: shownIn.extend({ ingredients: z.string().nullable(), storage: z.string().nullable() }),
  photos: z.array(photo.extend({ width: z.number().int(), height: z.number().int() })),
  village: areaRef.extend({ ancestors: z.array(areaRef) }),
  group: catalogItemFields.group.extend({ foundedOn: z.string().nullable() }),
  /** Certifications (P-IRT, halal …) valid today, from the quality module. */
  certifications: z.array(
    z.object({ kind: z.string(), number: z.string(), issuer: z.string(), validUntil: z.string().nullable() }),
  ),
  /** The badge shown in public, named by scheme and round; null when not rated in public. */
  rating: publicRatingAnswer.nullable(),
  capacityPerMonth: z.number().int().nullable(),
  hsCode: z.string().nullable(),
  /** Label facts, in the reader's language where they are text; null when not recorded. */
  shelfLifeDays: z.number().int().nullable(),
  ingredients: z.string().nullable(),
  /** Allergen codes (ALLERGENS): the web names them in the reader's language; [] declares none. */
  allergens: z.array(z.enum(ALLERGENS)).nullable(),
  netQuantity: z.object({ amount: z.number(), unit: z.enum(NET_QUANTITY_UNITS) }).nullable(),
  storage: z.string().nullable(),
});
export type CatalogProductAnswer = z.infer<typeof catalogProductAnswer>;
