import { z } from 'zod';
import { isoDate } from '../common.schemas.js';
import { countryCode } from './geography.js';
import { createProgramBody } from './programs.js';

/** Country packs on the admin screens (decision 021): what is installed, what an install would change. */
export const countryParams = z.object({ country: countryCode });

export const packSummary = z.object({
  country: z.string(),
  /** The pack's version in this installation's code. */
  version: z.string(),
  /** The version installed in the database, or null when it never was. */
  installedVersion: z.string().nullable(),
  currency: z.string(),
  locales: z.array(z.string()),
});
export const packList = z.object({ items: z.array(packSummary) });
export type PackSummary = z.infer<typeof packSummary>;

/** What installing the pack changes (the dry run), or changed. */
export const packPlan = z.object({
  country: z.string(),
  version: z.string(),
  installedVersion: z.string().nullable(),
  upToDate: z.boolean(),
  areas: z.object({
    added: z.number().int(),
    renamed: z.array(z.object({ code: z.string(), from: z.string(), to: z.string() })),
    moved: z.number().int(),
    translated: z.number().int(),
    unchanged: z.number().int(),
    notInPack: z.number().int(),
  }),
  currency: z.string(),
  locales: z.array(z.string()),
  nationalIdRule: z.string(),
  chartAccounts: z.number().int(),
  kinds: z.array(z.string()),
  templates: z.array(z.string()),
  unverified: z.array(z.string()),
});
export type PackPlanAnswer = z.infer<typeof packPlan>;

export const programFromPackBody = z.strictObject({
  code: createProgramBody.shape.code,
  name: createProgramBody.shape.name,
  startedOn: isoDate,
  template: z.string().max(80).optional(),
});
export type ProgramFromPackBody = z.infer<typeof programFromPackBody>;

export const programFromPackAnswer = z.object({
  program: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    country: z.string(),
    currency: z.string(),
    locales: z.array(z.string()),
  }),
  scheme: z.object({ id: z.string(), template: z.string() }),
});
export type ProgramFromPackAnswer = z.infer<typeof programFromPackAnswer>;
