import { z } from 'zod';
import { coded } from '../problem-codes.js';
import { uuid } from '../common.schemas.js';
import { areaCode } from './geography.js';
import { DIMENSIONS, impactQuery } from './impact.js';

/**
 * Impact → DHIS2 (decision 016, docs/indicators.md): a program's mapping of indicator cells and
 * areas to DHIS2 codes, its DHIS2 server, the `dataValueSets` payload and the pushes' answers.
 */

/** DHIS2's names of the period types a program may report by (DHIS2 Web API, "Date and period format"). */
export const DHIS2_PERIOD_TYPES = [
  'Monthly',
  'Quarterly',
  'Yearly',
  'FinancialApril',
  'FinancialJuly',
  'FinancialOct',
] as const;
export type Dhis2PeriodType = (typeof DHIS2_PERIOD_TYPES)[number];

/** A period in DHIS2's format (`202603`, `2026Q1`, `2026`, `2026April`, `2026July`, `2026Oct`) or OVOP's (`2026-03`). */
export const DHIS2_PERIOD_PATTERN = /^\d{4}(?:(?:0[1-9]|1[0-2])|-(?:0[1-9]|1[0-2])|Q[1-4]|April|July|Oct)?$/;
export const dhis2PeriodQuery = z.object({
  period: z
    .string()
    .regex(DHIS2_PERIOD_PATTERN, coded('not_a_period', 'must be 202603, 2026-03, 2026Q1, 2026 or 2026July')),
});

/** A DHIS2 metadata code (at most 50 characters in DHIS2). */
const dhis2Code = z.string().trim().min(1).max(50);

const cell = z.partialRecord(z.enum(DIMENSIONS), z.string().trim().min(1).max(40));

const dataElementRow = z.strictObject({
  indicator: impactQuery.shape.indicator,
  /** The breakdown cell (`{"sex":"female","age_band":"25-34"}`); empty for the indicator's whole value. */
  cell: cell.default({}),
  dataElement: dhis2Code,
  /** Null: DHIS2's default combination. */
  categoryOptionCombo: dhis2Code.nullable().default(null),
  /** Null: the mapping's own, if any. */
  attributeOptionCombo: dhis2Code.nullable().default(null),
});

const orgUnitRow = z.strictObject({
  /** An area's code; null for the program's whole country. */
  area: areaCode.nullable(),
  /** Null: the area's own code. */
  orgUnit: dhis2Code.nullable().default(null),
});

export const dhis2MappingBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  periodType: z.enum(DHIS2_PERIOD_TYPES),
  dataSet: dhis2Code.nullable().default(null),
  attributeOptionCombo: dhis2Code.nullable().default(null),
  dataElements: z.array(dataElementRow).max(500),
  orgUnits: z.array(orgUnitRow).max(2000),
});
export type Dhis2MappingBody = z.infer<typeof dhis2MappingBody>;

export const dhis2MappingAnswer = z.object({
  programId: uuid,
  periodType: z.enum(DHIS2_PERIOD_TYPES),
  dataSet: z.string().nullable(),
  attributeOptionCombo: z.string().nullable(),
  dataElements: z.array(
    z.object({
      indicator: z.string(),
      cell: z.record(z.string(), z.string()),
      dataElement: z.string(),
      categoryOptionCombo: z.string().nullable(),
      attributeOptionCombo: z.string().nullable(),
    }),
  ),
  orgUnits: z.array(
    z.object({
      area: z.object({ code: z.string(), name: z.string() }).nullable(),
      /** As set: null when the area's own code is used. */
      orgUnit: z.string().nullable(),
      /** The code sent to DHIS2. */
      sentAs: z.string(),
    }),
  ),
  version: z.number().int(),
  abilities: z.object({ read: z.boolean(), manage: z.boolean() }),
});
export type Dhis2MappingAnswer = z.infer<typeof dhis2MappingAnswer>;

const baseUrl = z
  .url({ protocol: /^https?$/ })
  .max(300)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), {
    message: 'must not carry credentials',
    params: { code: 'invalid_url' },
  });

export const dhis2ServerBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  /** DHIS2's address without `/api` (`https://dhis2.example.org`). */
  baseUrl,
  /** `basic`: username and password; `token`: a personal access token (`Authorization: ApiToken …`). */
  auth: z.enum(['basic', 'token']),
  username: z.string().trim().max(100).default(''),
  /** The password or token; left out, the stored one is kept (only while the address and account stay the same). */
  secret: z.string().min(1).max(500).optional(),
  timeoutSeconds: z.number().int().min(1).max(120).default(30),
});
export type Dhis2ServerBody = z.infer<typeof dhis2ServerBody>;

export const dhis2ServerAnswer = z.object({
  programId: uuid,
  baseUrl: z.string().nullable(),
  auth: z.enum(['basic', 'token']),
  username: z.string(),
  /** Whether a password or token is stored; the secret itself is never answered. */
  hasSecret: z.boolean(),
  timeoutSeconds: z.number().int(),
  version: z.number().int(),
});
export type Dhis2ServerAnswer = z.infer<typeof dhis2ServerAnswer>;

/** DHIS2's `dataValueSets` JSON, with identifiers as codes (`idScheme=CODE`). */
export const dataValueSetAnswer = z.object({
  dataSet: z.string().optional(),
  period: z.string(),
  dataValues: z.array(
    z.object({
      dataElement: z.string(),
      period: z.string(),
      orgUnit: z.string(),
      categoryOptionCombo: z.string().optional(),
      attributeOptionCombo: z.string().optional(),
      value: z.string(),
    }),
  ),
});
export type DataValueSetAnswer = z.infer<typeof dataValueSetAnswer>;

export const dhis2PushAnswer = z.object({
  id: uuid,
  pushedAt: z.iso.datetime({ offset: true }),
  pushedBy: z.object({ id: uuid, name: z.string() }),
  period: z.string(),
  dataValues: z.number().int(),
  /** DHIS2's ImportSummary: SUCCESS, WARNING or ERROR. */
  status: z.string(),
  importCount: z.object({
    imported: z.number().int(),
    updated: z.number().int(),
    ignored: z.number().int(),
    deleted: z.number().int(),
  }),
  conflicts: z.array(z.object({ object: z.string(), value: z.string() })),
  description: z.string(),
});
export type Dhis2PushAnswer = z.infer<typeof dhis2PushAnswer>;
export const dhis2PushList = z.object({ items: z.array(dhis2PushAnswer) });
