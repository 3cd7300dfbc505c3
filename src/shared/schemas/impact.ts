import { z } from 'zod';
import { coded } from '../problem-codes.js';
import { localizedAnswer, uuid } from '../common.schemas.js';
import { areaCode } from './geography.js';

/** Impact (DESIGN §9, docs/indicators.md): indicators, their values up the area tree, by period. */

/** The ways a value may be broken down; each indicator allows some of them. */
export const DIMENSIONS = [
  'sex',
  'age_band',
  'disability',
  'kind',
  'status',
  'stars',
  'market',
  'channel',
  'destination',
  'cert_kind',
  'topic',
  'condition',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * What a value counts: people, groups, villages, products, certificates, buyers' inquiries and orders, buyers,
 * money in the program's currency, money per group member, mentoring sessions, or hours (a median).
 */
export const UNITS = [
  'people',
  'groups',
  'villages',
  'products',
  'certificates',
  'inquiries',
  'orders',
  'buyers',
  'money',
  'money_per_member',
  'sessions',
  'hours',
] as const;

/**
 * How a period applies: a `stock` is counted on the last day of each period (members on 31 March);
 * a `flow` adds up what happened during it (sales in March); a `current` value is today's, whatever
 * the period (a product's status keeps no history).
 */
export const PERIOD_TYPES = ['stock', 'flow', 'current'] as const;

export const indicatorAnswer = z.object({
  code: z.string(),
  name: localizedAnswer,
  definition: localizedAnswer,
  unit: z.enum(UNITS),
  periodType: z.enum(PERIOD_TYPES),
  disaggregations: z.array(z.enum(DIMENSIONS)),
  /** Counts of people: cells below the program's threshold are shown as "<5" to outside audiences. */
  suppressible: z.boolean(),
});
export type IndicatorAnswer = z.infer<typeof indicatorAnswer>;
export const indicatorsAnswer = z.object({ items: z.array(indicatorAnswer) });

/**
 * A period as programs write it: a year (`2026`), a quarter (`2026Q1`), a month (`2026-03`), or a
 * range of days (`2026-01-01..2026-06-30`).
 */
export const PERIOD_PATTERN = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$|^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;
export const period = z
  .string()
  .regex(PERIOD_PATTERN, coded('not_a_period', 'must be 2026, 2026Q1, 2026-03 or 2026-01-01..2026-06-30'));

/** How a period is cut into a series (a trend line): by month, quarter or year; `none` for one value. */
export const EVERY = ['none', 'month', 'quarter', 'year'] as const;

export const impactQuery = z.object({
  indicator: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, coded('not_an_indicator', 'is not an indicator code')),
  /** One program; without it, every program the caller sees (money is kept apart by currency). */
  programId: uuid.optional(),
  /** The part of the tree to look at (a province, a regency…); without it, the whole country. */
  area: areaCode.optional(),
  /** One value per area at this level inside `area` (`regency`); without it, one value for `area`. */
  level: z
    .string()
    .regex(/^[a-z_]{1,40}$/, coded('not_an_area_level', 'is not an area level'))
    .optional(),
  period,
  every: z.enum(EVERY).default('none'),
  /** Breakdowns, comma-separated (`sex,age_band`), among those the indicator allows. */
  by: z
    .string()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(',').map((d) => d.trim()) : []))
    .pipe(z.array(z.enum(DIMENSIONS)).max(3)),
});
export type ImpactQuery = z.infer<typeof impactQuery>;

/** The public impact page's question: one program's figures, for anyone. */
export const publicImpactQuery = impactQuery.extend({ programId: uuid });

export const impactRow = z.object({
  /** The area the value belongs to (the asked area, or one of its areas at `level`). */
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** The period's own name: `2026`, `2026Q1`, `2026-03`, or the asked range. */
  period: z.string(),
  /** The breakdown's values, one per asked dimension (`{"sex":"female","age_band":"25-34"}`). */
  by: z.record(z.string(), z.string()),
  /** A decimal number (money in the currency's major unit); null when suppressed. */
  value: z.string().nullable(),
  /** True when the count is hidden from this reader: below the threshold ("<5"), or complementary. */
  suppressed: z.boolean(),
  /**
   * True when the count is not small itself but hidden so that the breakdown's total cannot reveal a
   * small one beside it (shown as "x").
   */
  complementary: z.boolean(),
  /** Money's currency; null for counts. */
  currency: z.string().nullable(),
});
export type ImpactRow = z.infer<typeof impactRow>;

export const impactAnswer = z.object({
  indicator: indicatorAnswer,
  programId: uuid.nullable(),
  area: z.object({ code: z.string(), name: z.string(), level: z.string() }).nullable(),
  level: z.string().nullable(),
  period: z.object({ name: z.string(), from: z.iso.date(), to: z.iso.date() }),
  every: z.enum(EVERY),
  by: z.array(z.enum(DIMENSIONS)),
  rows: z.array(impactRow),
});
export type ImpactAnswer = z.infer<typeof impactAnswer>;

/** A decimal number as text (a target of 1500 villagers, Rp 2.500.000.000 of sales). */
const decimal = z
  .string()
  .trim()
  .regex(/^-?\d{1,15}(\.\d{1,4})?$/, coded('not_a_decimal', 'must be a number such as 1500 or 2500000.50'));

/** One breakdown cell a target is for (`{"sex":"female"}`); empty for the whole value. */
const breakdown = z.partialRecord(z.enum(DIMENSIONS), z.string().trim().min(1).max(40));

export const TARGET_STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'met', 'missed'] as const;

export const createTargetBody = z.strictObject({
  id: uuid.optional(),
  indicator: impactQuery.shape.indicator,
  area: areaCode.optional(),
  period,
  breakdown: breakdown.default({}),
  baseline: decimal,
  target: decimal,
  note: z.string().trim().max(500).default(''),
});
export type CreateTargetBody = z.infer<typeof createTargetBody>;

export const patchTargetBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  baseline: decimal.optional(),
  target: decimal.optional(),
  note: z.string().trim().max(500).optional(),
});
export type PatchTargetBody = z.infer<typeof patchTargetBody>;

export const targetAnswer = z.object({
  id: uuid,
  programId: uuid,
  indicator: z.string(),
  area: z.object({ code: z.string(), name: z.string() }).nullable(),
  period: z.object({ name: z.string(), from: z.iso.date(), to: z.iso.date() }),
  breakdown: z.record(z.string(), z.string()),
  baseline: z.string(),
  target: z.string(),
  /** The indicator's value now, counted over the target's whole area. */
  actual: z.string(),
  /** (actual − baseline) / (target − baseline), 0 to 1 and beyond; null before any change is asked (target = baseline). */
  progress: z.number().nullable(),
  /** The share of the period gone by: the progress expected by now. */
  expected: z.number(),
  status: z.enum(TARGET_STATUSES),
  note: z.string(),
  version: z.number().int(),
  abilities: z.object({ read: z.boolean(), manage: z.boolean() }),
});
export type TargetAnswer = z.infer<typeof targetAnswer>;
export const targetList = z.object({ items: z.array(targetAnswer), abilities: z.object({ manage: z.boolean() }) });

export const impactSettingsBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  suppressBelow: z.number().int().min(1).max(100).optional(),
  onTrackFrom: z.number().gt(0).max(2).optional(),
  atRiskFrom: z.number().gt(0).max(2).optional(),
});
export const impactSettingsAnswer = z.object({
  programId: uuid,
  suppressBelow: z.number().int(),
  onTrackFrom: z.number(),
  atRiskFrom: z.number(),
  version: z.number().int(),
});
export type ImpactSettingsAnswer = z.infer<typeof impactSettingsAnswer>;

/**
 * The conditions that make a producer group "naik kelas" (move up a class) in a period; a program
 * chooses which count (docs/indicators.md): its best star rating rose, it gained a certification, it
 * made its first export, its sales grew by the program's percentage on the same span a year before.
 */
export const CLASS_CONDITIONS = ['stars_up', 'new_certification', 'first_export', 'revenue_up'] as const;
export type ClassCondition = (typeof CLASS_CONDITIONS)[number];

export const classRuleBody = z.strictObject({
  version: z.number().int().min(1).optional(),
  conditions: z
    .array(z.enum(CLASS_CONDITIONS))
    .min(1)
    .refine((c) => new Set(c).size === c.length, coded('listed_twice', 'lists a condition twice')),
  revenueGrowthPercent: z.number().int().min(1).max(1000),
});
export type ClassRuleBody = z.infer<typeof classRuleBody>;
export const classRuleAnswer = z.object({
  programId: uuid,
  conditions: z.array(z.enum(CLASS_CONDITIONS)),
  revenueGrowthPercent: z.number().int(),
  /** True while the program keeps the default rule (all four conditions, 20 %). */
  isDefault: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ manage: z.boolean() }),
});
export type ClassRuleAnswer = z.infer<typeof classRuleAnswer>;

/** The languages an export is written in. */
export const EXPORT_LANGS = ['id', 'en', 'ja'] as const;
const lang = z.enum(EXPORT_LANGS).optional();

/**
 * Any view of `GET /api/v1/impact` as a file: `format=csv` (UTF-8 with a byte-order mark, RFC 4180)
 * or `format=xlsx`, in `lang` (else the Accept-Language header, else Indonesian).
 */
export const impactExportQuery = impactQuery.extend({ format: z.enum(['csv', 'xlsx']), lang });
export const publicImpactExportQuery = impactExportQuery.extend({ programId: uuid });

/** A program's impact report for one period as a PDF, optionally for one area of it. */
export const impactReportQuery = z.object({ period, area: areaCode.optional(), lang });
