import { z } from 'zod';
import { coded } from '../problem-codes.js';
import { isoDate, isoDateAnswer, moneyAnswer, timestamp, uuid } from '../common.schemas.js';
import { impactAnswer, impactQuery } from './impact.js';

/**
 * Organisations (decision 027): an agency running programs in several countries, their figures
 * side by side, money also converted into the organisation's reporting currency at rates it enters.
 */
export const ORGANISATION_ROLES = ['organisation_admin', 'agency_viewer'] as const;
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];

const currencyCode = z.string().regex(/^[A-Z]{3}$/, coded('not_a_currency_code', 'must be an ISO 4217 code'));

export const createOrganisationBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  reportingCurrency: currencyCode,
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBody>;

export const organisationProgramParams = z.object({ id: uuid, programId: uuid });
export const organisationMemberParams = z.object({ id: uuid, userId: uuid });
export const organisationMemberBody = z.strictObject({ role: z.enum(ORGANISATION_ROLES) });

/** Units of the reporting currency per one unit of `currency`: "0.000063" USD per rupiah. */
export const rateText = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, coded('not_a_rate', 'must be a positive decimal such as 0.000063 or 4.37'))
  .refine((v) => /[1-9]/.test(v), coded('not_a_rate', 'must be a positive decimal such as 0.000063 or 4.37'));

export const rateBody = z.strictObject({ currency: currencyCode, rate: rateText, asOf: isoDate });
export type RateBody = z.infer<typeof rateBody>;

export const rateAnswer = z.object({
  currency: z.string(),
  /** The currency the rate converts into: the organisation's reporting currency. */
  into: z.string(),
  rate: z.string(),
  asOf: isoDateAnswer,
  enteredAt: timestamp,
});
export type RateAnswer = z.infer<typeof rateAnswer>;
export const rateList = z.object({ items: z.array(rateAnswer) });

export const organisationProgram = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  country: z.string(),
  currency: z.string(),
});

export const organisationAnswer = z.object({
  id: uuid,
  name: z.string(),
  reportingCurrency: z.string(),
  /** The caller's role on it; null for a platform admin without one. */
  role: z.enum(ORGANISATION_ROLES).nullable(),
  programs: z.array(organisationProgram),
  abilities: z.object({ enterRates: z.boolean(), manage: z.boolean() }),
});
export type OrganisationAnswer = z.infer<typeof organisationAnswer>;
export const organisationList = z.object({ items: z.array(organisationAnswer) });

/** The side-by-side question: one indicator, one period, the same breakdown for every program. */
export const sideBySideQuery = impactQuery.pick({ indicator: true, period: true, by: true });
export type SideBySideQuery = z.infer<typeof sideBySideQuery>;

/** A money figure in the reporting currency, and the rate it was converted at. */
const converted = z.object({ ...moneyAnswer.shape, rate: z.string(), asOf: isoDateAnswer }).nullable();

export const sideBySideAnswer = z.object({
  organisation: z.object({ id: uuid, name: z.string(), reportingCurrency: z.string() }),
  indicator: impactAnswer.shape.indicator,
  period: impactAnswer.shape.period,
  by: impactAnswer.shape.by,
  programs: z.array(
    z.object({
      program: organisationProgram,
      /**
       * How its money reaches the reporting currency: it is that currency (`same`), at the latest
       * rate the organisation dated on or before the period's end (`rate`), or not at all
       * (`none`: no such rate — the figure stays in its own currency only).
       */
      conversion: z.enum(['same', 'rate', 'none']),
      rate: z.object({ rate: z.string(), asOf: isoDateAnswer }).nullable(),
      /** The program's own figures, as its public impact page gives them, each with its conversion. */
      rows: z.array(z.object({ ...impactAnswer.shape.rows.element.shape, converted })),
    }),
  ),
});
export type SideBySideAnswer = z.infer<typeof sideBySideAnswer>;

export const organisationMemberAnswer = z.object({ userId: uuid, role: z.enum(ORGANISATION_ROLES) });
