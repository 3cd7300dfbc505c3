import { z } from 'zod';
import { CERTIFICATION_KINDS } from '../../shared/schemas/quality.js';

/**
 * A country pack (packs/XX/pack.json): what OVOP needs to know about a country to run a program
 * there, as data versioned in the repository (docs/decisions/021-country-packs.md). Figures no
 * source confirms carry `verified: false` and are listed in `unverified`.
 */
const text = z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.string().min(1));
const fileName = z.string().regex(/^[A-Za-z0-9._-]+$/);
const pattern = z.string().refine((p) => {
  try {
    new RegExp(p);
    return true;
  } catch {
    return false;
  }
}, 'is not a regular expression');

/** Keys of the national id checks the registry knows (registry/national-ids.ts). */
export const NATIONAL_ID_RULES = ['id-nik', 'none'] as const;
export type NationalIdRule = (typeof NATIONAL_ID_RULES)[number];

const source = z.strictObject({
  name: z.string().min(1),
  url: z.url(),
  commit: z
    .string()
    .regex(/^[0-9a-f]{40}$/)
    .optional(),
  licence: z.string().min(1),
  licenceFile: fileName.optional(),
  attribution: z.string().optional(),
  retrieved: z.iso.date(),
  note: z.string().optional(),
});

const chartAccount = z.strictObject({
  /** `N-NNN` (OVOP's class numbering), or the country's own account number (Vietnam's `111`, `6421`). */
  code: z.string().regex(/^([1-6]-\d{3}|[1-9]\d{2,5})$/),
  role: z.string().min(1),
  line: z.string().min(1),
  contra: z.boolean().optional(),
  name: text,
});
export const packChart = z.array(chartAccount).min(1);

export const countryPack = z
  .strictObject({
    format: z.literal(1),
    country: z.string().regex(/^[A-Z]{2}$/),
    /** Bumped whenever the pack's content changes; an install records it. */
    version: z.string().regex(/^\d{4}\.\d{1,2}\.\d+$/),
    name: text,
    currency: z.strictObject({
      code: z.string().regex(/^[A-Z]{3}$/),
      /** ISO 4217 minor units; must agree with shared/money.ts, which amounts are stored in. */
      minorUnits: z.number().int().min(0).max(4),
    }),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    locales: z.array(z.string().min(2)).min(1),
    defaultLocale: z.string().min(2),
    /** The product categories a program starts with (Thailand's five OTOP groups, Vietnam's six OCOP groups). */
    categories: z.array(z.strictObject({ code: z.string().regex(/^[a-z0-9_]{2,40}$/), name: text })).min(1),
    nationalId: z.strictObject({ rule: z.enum(NATIONAL_ID_RULES), note: z.string().optional() }),
    phone: z.strictObject({ callingCode: z.string().regex(/^\d{1,3}$/), pattern, example: z.string() }),
    areas: z.strictObject({
      /** A CSV `code,parent_code,level,name` beside pack.json, or a package read by code (Indonesia). */
      file: fileName.optional(),
      package: z.literal('idn-area-data').optional(),
      /** Names in other languages: a CSV `code,name` per locale. */
      names: z.record(z.string(), fileName).optional(),
      levels: z.array(z.string().min(1)).min(1),
      coverage: z.string().min(1),
      codes: z.string().optional(),
      source,
    }),
    chart: z.strictObject({
      file: fileName,
      basis: z.string().min(1),
      verified: z.boolean(),
      /**
       * The chart a cooperative's books open on (Indonesia's koperasi: members' savings, reserves, SHU);
       * a country without one opens its cooperatives on the micro chart, owners' capital and all.
       */
      cooperativeFile: fileName.optional(),
      /**
       * A country's own numbering: the class of an account by the longest prefix of its code that is
       * listed (Vietnam: 1 and 2 assets, 3 liabilities, 4 equity, 5 and 7 revenue, 632 cost of goods,
       * 6 and 8 expenses). Without it codes are `N-NNN` and the class is the first digit, 1–6.
       */
      classes: z.array(z.strictObject({ prefix: z.string().regex(/^\d{1,4}$/), type: z.string().min(1) })).optional(),
    }),
    certificationKinds: z.array(
      z.strictObject({
        kind: z.enum(CERTIFICATION_KINDS),
        name: text,
        issuer: z.string().min(1),
        numberPattern: pattern.nullable(),
        numberExample: z.string().nullable(),
        /** How long a certificate runs; null when it does not lapse or the pack does not know. */
        validityMonths: z.number().int().min(1).max(360).nullable(),
        verified: z.boolean(),
        note: z.string().optional(),
      }),
    ),
    /** Rating-scheme templates (quality/scheme-templates.ts) by key; `default` is the one a new program gets. */
    ratingTemplates: z.array(z.strictObject({ key: z.string().min(1), default: z.boolean().optional() })).min(1),
    taxNotes: z.array(z.strictObject({ text, verified: z.boolean() })),
    indicators: z.strictObject({
      currencyTotals: z.string().regex(/^[A-Z]{3}$/),
      dhis2: z.strictObject({ orgUnitLevels: z.record(z.string(), z.number().int().min(1)) }),
    }),
    demo: z.strictObject({ seed: z.literal('builtin') }).optional(),
    unverified: z.array(z.string()),
  })
  .refine((p) => (p.areas.file === undefined) !== (p.areas.package === undefined), {
    message: 'give exactly one of areas.file and areas.package',
    path: ['areas'],
  })
  .refine((p) => p.locales.includes(p.defaultLocale), {
    message: 'the default locale is not among the locales',
    path: ['defaultLocale'],
  })
  .refine((p) => p.ratingTemplates.filter((t) => t.default).length === 1, {
    message: 'exactly one rating template is the default',
    path: ['ratingTemplates'],
  });
export type CountryPack = z.infer<typeof countryPack>;
export type PackChartAccount = z.infer<typeof chartAccount>;
