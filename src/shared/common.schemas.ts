import { z } from 'zod';
import { coded } from './problem-codes.js';
import { dateIn } from './dates.js';

/** Shapes every module shares: ids, dates, versions. One definition each. */
export const uuid = z.uuid();

/** The shape of an ISO date; whether the day exists is `z.iso.date()`'s to say. */
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date a client sends, from `from` to `to` (both included; `to` may be computed, such
 * as today): a slip such as 0001-01-01 or 9999-12-31 is refused, naming the field. ISO dates
 * compare as text. One message per field: a date that is no date gets only the format's.
 */
export const dateBetween = (from: string, to: string | (() => string), afterTo?: string) =>
  z.iso.date().superRefine((date, ctx) => {
    if (!DATE_SHAPE.test(date)) return;
    const latest = typeof to === 'function' ? to() : to;
    if (date < from) {
      const params = { code: 'date_too_early', minimum: from };
      ctx.addIssue({ code: 'custom', message: `must be on or after ${from}`, params, input: date });
    } else if (date > latest) {
      const params = afterTo ? {} : { code: 'date_too_late', maximum: latest };
      ctx.addIssue({ code: 'custom', message: afterTo ?? `must be on or before ${latest}`, params, input: date });
    }
  });

/** Any date in a request: 1900-01-01 to 2100-12-31, unless its field asks for less (`pastDate`). */
export const isoDate = dateBetween('1900-01-01', '2100-12-31');

/** The calendar date somewhere on earth is at most this (UTC+14): no one's today is refused as future. */
const latestToday = () => dateIn(new Date(), 'Pacific/Kiritimati');

/** A date that has happened (a group's founding): 1900-01-01 up to today. */
export const pastDate = dateBetween('1900-01-01', latestToday, coded('in_future', 'is in the future'));

/** A date in an answer: whatever is stored is shown, in or out of the ranges requests allow. */
export const isoDateAnswer = z.iso.date();
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
    .record(
      z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, coded('not_a_locale', 'is not a locale')),
      z.string().trim().min(1).max(max),
    )
    .refine((v) => Object.keys(v).length > 0, coded('one_language_needed', 'needs at least one language'));

/** Lists: `?limit=` (default 50, max 500) and an opaque `?cursor=` from the previous page's `nextCursor`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(512).optional(),
});

/*
 * Response shapes. Every /api/v1 route declares its answer with these (the serializer strips what
 * is not listed, OpenAPI documents it, and the web derives its types with `z.infer`).
 */

/** What the caller may do with a record, one boolean per action of its policy (server decides, web shows). */
export const abilitiesOf = <const A extends string>(actions: readonly A[]) =>
  z.object(Object.fromEntries(actions.map((a) => [a, z.boolean()])) as Record<A, z.ZodBoolean>);

/** A page of a list: `items`, and `nextCursor` for the next page (null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Localized text as stored (any language keys). */
export const localizedAnswer = z.record(z.string(), z.string());

/** Money on the wire: a decimal string and its ISO 4217 currency. */
export const moneyAnswer = z.object({ amount: z.string(), currency: z.string() });

/** A timestamp as ISO 8601 text. */
export const timestamp = z.string();

/** A field error in a problem: the path, a stable code and its parameters, and the server's sentence. */
export const fieldErrorAnswer = z.object({
  path: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

/**
 * Every refusal, as application/problem+json (RFC 9457): `type` names the kind, `code` the reason
 * (a key of `problem-codes.ts`, translated by the web), `params` what its sentence needs; `detail`
 * and field `message`s are in the language `Accept-Language` asks for (English without it).
 */
export const problemAnswer = z.object({
  type: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorAnswer).optional(),
  current: z.unknown().optional(),
  retryAfter: z.number().optional(),
  instance: z.string(),
});
