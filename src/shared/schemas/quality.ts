import { z } from 'zod';
import { coded } from '../problem-codes.js';
import { UI_LOCALES } from '../locales.js';
import {
  abilitiesOf,
  isoDate,
  localizedAnswer,
  localizedText,
  pageOf,
  pageQuery,
  timestamp,
  uuid,
  version,
} from '../common.schemas.js';

export const PANEL_TIERS = ['district', 'province', 'national'] as const;
export type PanelTier = (typeof PANEL_TIERS)[number];
export const CERTIFICATION_KINDS = [
  'pirt',
  'bpom_md',
  'halal',
  'sni',
  'organic',
  'fda_registration',
  'merek',
  'geographical_indication',
  'th_fda',
  'th_tcps',
  'vn_food_safety',
  'jp_jas',
  'jp_food_business_licence',
  'ke_kebs_smark',
  'ke_kebs_dmark',
  'kg_eaeu_conformity',
  'other',
] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
/** What a gate may ask for: a certificate kind, or the group's business licence (NIB). */
export const GATE_REQUIREMENTS = [...CERTIFICATION_KINDS, 'nib'] as const;

const code = z
  .string()
  .regex(/^[a-z0-9_.-]{1,40}$/, coded('not_a_slug', 'must be 1–40 lowercase letters, digits, _ . or -'));
const tier = z.enum(PANEL_TIERS);
const stars = z.number().int().min(1).max(5);

// ---- rating schemes ----------------------------------------------------------------------------
const level = z.strictObject({ points: z.number().min(0).max(1000), descriptor: localizedText(500) });
const criterion = z.strictObject({
  code,
  name: localizedText(300),
  /** What the criterion contributes to the total at its best level. */
  weight: z.number().positive().max(1000),
  levels: z
    .array(level)
    .min(2)
    .max(10)
    .refine((l) => new Set(l.map((x) => x.points)).size === l.length, {
      message: 'has two levels with the same points',
      params: { code: 'levels_same_points' },
    }),
});
const part = z.strictObject({
  code,
  name: localizedText(200),
  /** Marks data a program must adjust before use (e.g. sections whose official figures are unverified). */
  placeholder: z.boolean().optional(),
  criteria: z.array(criterion).min(1).max(60),
});
const gate = z.strictObject({
  code,
  name: localizedText(200),
  /** Met when any one of these is valid on the assessment date. */
  anyOf: z.array(z.enum(GATE_REQUIREMENTS)).min(1).max(8),
  /** Only products of these program categories must pass (e.g. food permits); all products when absent. */
  categories: z.array(code).max(50).optional(),
  onFail: z.discriminatedUnion('effect', [
    z.strictObject({ effect: z.literal('block') }),
    z.strictObject({ effect: z.literal('cap'), maxStars: stars }),
  ]),
});
const threshold = z.strictObject({ stars, minPercent: z.number().min(0).max(100) });

export const schemeDefinition = z
  .strictObject({
    name: localizedText(200),
    /** What the public badge calls the scheme, before its stars and year ("OCOP ★★★★ 2026"). */
    badgeName: localizedText(40).optional(),
    description: localizedText(2000).optional(),
    /** What a reader must know about the figures (unverified splits, program adjustments): shown wherever the scheme is. */
    caveats: localizedText(2000).optional(),
    /**
     * The fewest stars shown in public. A result below it stays on the assessment (coaching tiers)
     * but the product is "not rated" in public (Kemenperin publishes 3–5★ only).
     */
    minPublicStars: stars.default(1),
    validityMonths: z.number().int().min(1).max(120).default(24),
    selfAssessmentRequired: z.boolean().default(true),
    parts: z.array(part).min(1).max(20),
    gates: z.array(gate).max(20).default([]),
    /** Score (percent of the maximum) to stars; below the lowest threshold no star is awarded. */
    thresholds: z.array(threshold).min(1).max(5),
    /** The panel tier that may award each star level. */
    starTiers: z.strictObject({ 1: tier, 2: tier, 3: tier, 4: tier, 5: tier }),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.parts.forEach((p, i) =>
      p.criteria.forEach((c, j) => {
        if (seen.has(c.code))
          ctx.addIssue({
            code: 'custom',
            path: ['parts', i, 'criteria', j, 'code'],
            message: 'is used twice',
            params: { code: 'used_twice' },
          });
        seen.add(c.code);
      }),
    );
    const gates = new Set<string>();
    d.gates.forEach((g, i) => {
      if (gates.has(g.code))
        ctx.addIssue({
          code: 'custom',
          path: ['gates', i, 'code'],
          message: 'is used twice',
          params: { code: 'used_twice' },
        });
      gates.add(g.code);
    });
    const sorted = [...d.thresholds].sort((a, b) => b.stars - a.stars);
    if (new Set(sorted.map((t) => t.stars)).size !== sorted.length)
      ctx.addIssue({
        code: 'custom',
        path: ['thresholds'],
        message: 'has a star level twice',
        params: { code: 'star_level_twice' },
      });
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.minPercent >= sorted[i - 1]!.minPercent)
        ctx.addIssue({
          code: 'custom',
          path: ['thresholds'],
          message: 'must ask less for fewer stars',
          params: { code: 'thresholds_order' },
        });
    }
  });
export type SchemeDefinition = z.output<typeof schemeDefinition>;

export const createSchemeBody = z
  .strictObject({
    id: uuid.optional(),
    programId: uuid,
    /** Copy a shipped template; `definition` then may be left out. */
    templateId: uuid.optional(),
    definition: schemeDefinition.optional(),
  })
  .refine((b) => b.templateId || b.definition, {
    path: ['definition'],
    message: 'is required without templateId',
    params: { code: 'required_without_template' },
  });
export type CreateSchemeBody = z.infer<typeof createSchemeBody>;

export const patchSchemeBody = z.object({ version: version.optional(), definition: schemeDefinition }).strict();
export type PatchSchemeBody = z.infer<typeof patchSchemeBody>;

export const listSchemesQuery = pageQuery.extend({
  programId: uuid.optional(),
  /** Every version of one scheme family (its version history) instead of the latest of each. */
  familyId: uuid.optional(),
  /** Only the shipped templates (true) or only programs' schemes (false); both when absent. */
  templates: z.enum(['true', 'false']).optional(),
});
export type ListSchemesQuery = z.infer<typeof listSchemesQuery>;

// ---- assessor tiers ----------------------------------------------------------------------------
export const setAssessorTierBody = z.strictObject({ userId: uuid, tier });
export type SetAssessorTierBody = z.infer<typeof setAssessorTierBody>;

// ---- assessments -------------------------------------------------------------------------------
export const createAssessmentBody = z.strictObject({
  id: uuid.optional(),
  productId: uuid,
  schemeId: uuid,
  year: z.number().int().min(2000).max(2100),
  panelTier: tier,
  assessedOn: isoDate,
});
export type CreateAssessmentBody = z.infer<typeof createAssessmentBody>;

const score = z.strictObject({
  criterion: code,
  points: z.number().min(0).max(1000),
  comment: z.string().trim().max(2000).optional(),
});
export const scoresBody = z.strictObject({
  version: version.optional(),
  scores: z
    .array(score)
    .min(1)
    .max(200)
    .refine((s) => new Set(s.map((x) => x.criterion)).size === s.length, {
      message: 'has a criterion twice',
      params: { code: 'criterion_twice' },
    }),
});
export type ScoresBody = z.infer<typeof scoresBody>;

export const finaliseBody = z.strictObject({ version: version.optional() });

export const listAssessmentsQuery = pageQuery.extend({
  programId: uuid.optional(),
  productId: uuid.optional(),
  groupId: uuid.optional(),
  status: z.enum(['open', 'finalised', 'appealed']).optional(),
});
export type ListAssessmentsQuery = z.infer<typeof listAssessmentsQuery>;

export const appealBody = z.strictObject({ reason: z.string().trim().min(1).max(4000) });
export const decideAppealBody = z.strictObject({
  decision: z.enum(['upheld', 'rejected']),
  note: z.string().trim().min(1).max(4000),
});
export type DecideAppealBody = z.infer<typeof decideAppealBody>;
export const appealParams = z.object({ id: uuid, appealId: uuid });

// ---- certifications ----------------------------------------------------------------------------
const certificationFields = {
  kind: z.enum(CERTIFICATION_KINDS),
  number: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(200),
  issuedOn: isoDate,
  expiresOn: isoDate.nullable().optional(),
};
export const createCertificationBody = z
  .strictObject({ id: uuid.optional(), productId: uuid.optional(), groupId: uuid.optional(), ...certificationFields })
  .refine((b) => b.productId || b.groupId, {
    path: ['productId'],
    message: 'or groupId is required',
    params: { code: 'product_or_group' },
    // Named together with any other invalid field, not only once the rest is valid.
    when: (p) => typeof p.value === 'object' && p.value !== null,
  });
export type CreateCertificationBody = z.infer<typeof createCertificationBody>;

export const patchCertificationBody = z
  .object({
    version: version.optional(),
    number: certificationFields.number,
    issuer: certificationFields.issuer,
    issuedOn: isoDate,
    expiresOn: isoDate.nullable(),
  })
  .partial()
  .strict();
export type PatchCertificationBody = z.infer<typeof patchCertificationBody>;

export const listCertificationsQuery = pageQuery.extend({
  programId: uuid.optional(),
  productId: uuid.optional(),
  groupId: uuid.optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type ListCertificationsQuery = z.infer<typeof listCertificationsQuery>;

// ---- answers -----------------------------------------------------------------------------------
// What the server sends back (the serializer strips anything not listed; the web derives its types).

/**
 * The program's quality work as a whole, on its assessment and scheme lists when they name a
 * program: enter its products in a rating round, change its rating schemes.
 */
export const qualityProgramAbilities = abilitiesOf(['read', 'enterInRound', 'updateSchemes']);
export type QualityProgramAbilities = z.infer<typeof qualityProgramAbilities>;

/** What a caller may do with a scheme version (a shipped template: read only). */
export const SCHEME_ACTIONS = ['read', 'update'] as const;

/** A definition as stored: the shape of `schemeDefinition`, without its request rules. */
const schemeDefinitionAnswer = z.object({
  name: localizedAnswer,
  badgeName: localizedAnswer.optional(),
  description: localizedAnswer.optional(),
  caveats: localizedAnswer.optional(),
  minPublicStars: z.number().int(),
  validityMonths: z.number().int(),
  selfAssessmentRequired: z.boolean(),
  parts: z.array(
    z.object({
      code: z.string(),
      name: localizedAnswer,
      placeholder: z.boolean().optional(),
      criteria: z.array(
        z.object({
          code: z.string(),
          name: localizedAnswer,
          weight: z.number(),
          levels: z.array(z.object({ points: z.number(), descriptor: localizedAnswer })),
        }),
      ),
    }),
  ),
  gates: z.array(
    z.object({
      code: z.string(),
      name: localizedAnswer,
      anyOf: z.array(z.enum(GATE_REQUIREMENTS)),
      categories: z.array(z.string()).optional(),
      onFail: z.discriminatedUnion('effect', [
        z.object({ effect: z.literal('block') }),
        z.object({ effect: z.literal('cap'), maxStars: z.number().int() }),
      ]),
    }),
  ),
  thresholds: z.array(z.object({ stars: z.number().int(), minPercent: z.number() })),
  starTiers: z.object({ 1: tier, 2: tier, 3: tier, 4: tier, 5: tier }),
});

export const schemeAnswer = z.object({
  id: z.string(),
  familyId: z.string(),
  programId: z.string().nullable(),
  templateId: z.string().nullable(),
  template: z.boolean(),
  latest: z.boolean(),
  definition: schemeDefinitionAnswer,
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  abilities: abilitiesOf(SCHEME_ACTIONS),
});
export type SchemeAnswer = z.infer<typeof schemeAnswer>;
/** With `programId`, what the caller may do in that program's quality work. */
export const schemePage = pageOf(schemeAnswer).extend({ abilities: qualityProgramAbilities.optional() });
export type SchemePageAnswer = z.infer<typeof schemePage>;

export const assessorTierAnswer = z.object({ programId: z.string(), userId: z.string(), tier });
export type AssessorTierAnswer = z.infer<typeof assessorTierAnswer>;
export const assessorTiersAnswer = z.object({
  items: z.array(assessorTierAnswer.extend({ updatedAt: timestamp })),
});
export type AssessorTiersAnswer = z.infer<typeof assessorTiersAnswer>;

export const evidenceAnswer = z.object({
  id: z.string(),
  uploadedBy: z.string(),
  criterion: z.string().nullable(),
  url: z.string(),
  contentType: z.string(),
  byteSize: z.number().int(),
  createdAt: timestamp,
});
export type EvidenceAnswer = z.infer<typeof evidenceAnswer>;

export const appealAnswer = z.object({
  id: z.string(),
  filedBy: z.string(),
  reason: z.string(),
  filedAt: timestamp,
  decision: z.enum(['upheld', 'rejected']).nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: timestamp.nullable(),
});
export type AppealAnswer = z.infer<typeof appealAnswer>;

const gateResult = z.object({
  code: z.string(),
  ok: z.boolean(),
  effect: z.enum(['block', 'cap']),
  maxStars: z.number().int().nullable(),
});
/** The computed rating (see scoring.ts): per criterion, total, stars, gates and caps. */
export const ratingResult = z.object({
  criteria: z.array(z.object({ code: z.string(), average: z.number(), points: z.number(), weight: z.number() })),
  points: z.number(),
  maxPoints: z.number(),
  percent: z.number(),
  scoreStars: z.number().int().nullable(),
  gates: z.array(gateResult),
  tierMaxStars: z.number().int(),
  stars: z.number().int().nullable(),
  outcome: z.enum(['rated', 'blocked', 'below_threshold']),
  cappedBy: z.array(z.string()),
});

/** One button each on the assessment page; decided by the server (roles, scope, panel tier, status). */
export const ASSESSMENT_ACTIONS = [
  'read',
  'selfAssess',
  'score',
  'addEvidence',
  'finalise',
  'appeal',
  'decideAppeal',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** An assessment as listed: without the caller's abilities (the list offers no per-item action). */
export const assessmentSummary = z.object({
  id: z.string(),
  programId: z.string(),
  productId: z.string(),
  groupId: z.string(),
  schemeId: z.string(),
  year: z.number().int(),
  panelTier: tier,
  assessedOn: z.string(),
  status: z.enum(['open', 'finalised', 'appealed']),
  selfAssessment: z
    .object({
      scores: z.array(z.object({ criterion: z.string(), points: z.number() })),
      by: z.string().nullable(),
    })
    .nullable(),
  panelScores: z.array(
    z.object({
      assessorId: z.string(),
      criterion: z.string(),
      points: z.number(),
      comment: z.string().nullable(),
      scoredAt: timestamp,
    }),
  ),
  evidence: z.array(evidenceAnswer),
  result: ratingResult.nullable(),
  stars: z.number().int().nullable(),
  validUntil: z.string().nullable(),
  appeals: z.array(appealAnswer),
  history: z.object({
    createdAt: timestamp,
    selfAssessedAt: timestamp.nullable(),
    finalisedAt: timestamp.nullable(),
    finalisedBy: z.string().nullable(),
    reopenedAt: timestamp.nullable(),
  }),
  version: z.number().int(),
  updatedAt: timestamp,
});
export const assessmentAnswer = assessmentSummary.extend({ abilities: abilitiesOf(ASSESSMENT_ACTIONS) });
export type AssessmentAnswer = z.infer<typeof assessmentAnswer>;
/** With `programId`, what the caller may do in that program's quality work. */
export const assessmentPage = pageOf(assessmentSummary).extend({ abilities: qualityProgramAbilities.optional() });
export type AssessmentPageAnswer = z.infer<typeof assessmentPage>;

export const CERTIFICATION_ACTIONS = ['read', 'update', 'delete', 'attachDocument'] as const;
export const certificationAnswer = z.object({
  id: z.string(),
  programId: z.string(),
  groupId: z.string(),
  productId: z.string().nullable(),
  kind: z.enum(CERTIFICATION_KINDS),
  number: z.string(),
  issuer: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  document: z
    .object({ url: z.string(), contentType: z.string().nullable(), byteSize: z.number().int().nullable() })
    .nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  abilities: abilitiesOf(CERTIFICATION_ACTIONS),
});
export type CertificationAnswer = z.infer<typeof certificationAnswer>;
export const certificationPage = pageOf(certificationAnswer);
export type CertificationPageAnswer = z.infer<typeof certificationPage>;

export const exportReadinessAnswer = z.object({
  productId: z.string(),
  /** The day the checklist was judged on. */
  on: z.string(),
  /** The product's status as of that day: an export-ready product no longer ready anywhere reads as ready. */
  status: z.string(),
  readyAnywhere: z.boolean(),
  markets: z.array(
    z.object({
      market: z.enum(['JP', 'EU', 'US']),
      ready: z.boolean(),
      checks: z.array(
        z.object({
          code: z.string(),
          ok: z.boolean().nullable(),
          manual: z.literal(true).optional(),
          /** A code the web translates (`error.<reason>`): the requirement, or why it is not met. */
          reason: z.string(),
          /** The same in English. */
          message: z.string(),
        }),
      ),
      /** The reasons of the failed checks: what is missing for this market. */
      missing: z.array(z.string()),
    }),
  ),
});
export type ExportReadinessAnswer = z.infer<typeof exportReadinessAnswer>;

// ---- what the public sees of ratings ------------------------------------------------------------
/** A product's public badge: stars, the round's year and the scheme that gave them. */
export const publicRatingAnswer = z.object({
  stars: z.number().int(),
  year: z.number().int(),
  validUntil: isoDate,
  scheme: z.object({ id: z.string(), badgeName: z.string() }),
});
export type PublicRatingAnswer = z.infer<typeof publicRatingAnswer>;

export const publicSchemeQuery = z.object({ locale: z.enum(UI_LOCALES).default('id') });

/** A scheme as the public reads it: what the stars mean, with the caveats on its figures. */
export const publicSchemeAnswer = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  badgeName: z.string(),
  description: z.string().nullable(),
  caveats: z.string().nullable(),
  validityMonths: z.number().int(),
  minPublicStars: z.number().int(),
  parts: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      /** Splits no public source confirms (the caveats say which). */
      unverified: z.boolean(),
      points: z.number(),
      criteria: z.array(z.object({ code: z.string(), name: z.string(), points: z.number() })),
    }),
  ),
  /** The star bands shown in public, most stars first. */
  thresholds: z.array(z.object({ stars: z.number().int(), minPercent: z.number() })),
  requirements: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      anyOf: z.array(z.enum(GATE_REQUIREMENTS)),
      categories: z.array(z.string()).nullable(),
      onFail: z.discriminatedUnion('effect', [
        z.object({ effect: z.literal('block') }),
        z.object({ effect: z.literal('cap'), maxStars: z.number().int() }),
      ]),
    }),
  ),
  starTiers: z.object({ 1: tier, 2: tier, 3: tier, 4: tier, 5: tier }),
});
export type PublicSchemeAnswer = z.infer<typeof publicSchemeAnswer>;

// ---- a rating scheme as a file: copied between programs and installations ------------------------
/** The format of an exported rating scheme; a reader refuses any other version (decision 027). */
export const SCHEME_DOCUMENT_FORMAT = 'ovop.rating-scheme';
export const schemeDocument = z.strictObject({
  format: z.literal(SCHEME_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  /** Where it came from, for the reader: the program's code and the scheme's name; never an id to reuse. */
  source: z.strictObject({ programCode: z.string().max(40).nullable(), exportedAt: z.string().max(40) }).optional(),
  definition: schemeDefinition,
});
export type SchemeDocument = z.infer<typeof schemeDocument>;

/** Texts of the copy that lack one of the target program's locales: kept as they are, reported. */
export const missingLocales = z.array(z.object({ path: z.string(), locales: z.array(z.string()) }));
export const schemeImportAnswer = z.object({ scheme: schemeAnswer, missingLocales });

/** The export's answer: the same document, its definition as stored. */
export const schemeDocumentAnswer = z.object({
  format: z.literal(SCHEME_DOCUMENT_FORMAT),
  formatVersion: z.literal(1),
  source: z.object({ programCode: z.string().nullable(), exportedAt: z.string() }).optional(),
  definition: schemeDefinitionAnswer,
});
