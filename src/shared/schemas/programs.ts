import { z } from 'zod';
import { coded } from '../problem-codes.js';
import {
  abilitiesOf,
  isoDate,
  isoDateAnswer,
  localizedAnswer,
  email,
  localizedText,
  pageOf,
  personName,
  pageQuery,
  timestamp,
  uuid,
  version,
} from '../common.schemas.js';
import { UI_LOCALES } from '../locales.js';
import { ROLES } from '../roles.js';
import { areaCode, areaTrailStep, countryCode } from './geography.js';
import { phoneNumber } from './platform.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

const locale = z.string().refine(
  (v) => {
    try {
      return Intl.getCanonicalLocales(v)[0] === v;
    } catch {
      return false;
    }
  },
  coded('not_a_locale', 'is not a canonical BCP 47 locale such as id, en or ja'),
);

export const category = z.strictObject({
  code: z.string().regex(/^[a-z0-9_]{2,40}$/, coded('not_a_code_lower', 'must be 2–40 lowercase letters, digits or _')),
  name: localizedText(100),
});

const programFields = {
  name: z.string().trim().min(1).max(200),
  country: countryCode,
  currency: z
    .string()
    .refine((v) => CURRENCIES.has(v), coded('not_a_currency_code', 'is not an ISO 4217 currency code')),
  locales: z
    .array(locale)
    .min(1)
    .max(20)
    .refine((l) => new Set(l).size === l.length, coded('listed_twice', 'has a locale twice')),
  startedOn: isoDate,
  categories: z
    .array(category)
    .max(100)
    .refine((c) => new Set(c.map((x) => x.code)).size === c.length, coded('listed_twice', 'has a category code twice')),
  /** The youngest a member of the program's groups may be, in years (15 unless set; 0: no floor). */
  memberMinAge: z.number().int().min(0).max(99),
};

export const createProgramBody = z.strictObject({
  id: uuid.optional(),
  code: z
    .string()
    .regex(/^[A-Z0-9][A-Z0-9_-]{1,39}$/, coded('not_a_code_upper', 'must be 2–40 capital letters, digits, - or _')),
  /** Copy locales, currency and categories from this program when they are not given. */
  templateProgramId: uuid.optional(),
  ...programFields,
  currency: programFields.currency.optional(),
  locales: programFields.locales.optional(),
  categories: programFields.categories.optional(),
  memberMinAge: programFields.memberMinAge.optional(),
});
export type CreateProgramBody = z.infer<typeof createProgramBody>;

export const patchProgramBody = z
  .object({ version: version.optional(), ...programFields })
  .partial()
  .strict();
export type PatchProgramBody = z.infer<typeof patchProgramBody>;

export const listProgramsQuery = pageQuery;
export type ListProgramsQuery = z.infer<typeof listProgramsQuery>;

export const grantRoleBody = z.strictObject({
  userId: uuid,
  role: z.enum(ROLES),
  areaCode: areaCode.optional(),
  groupId: uuid.optional(),
});
export type GrantRoleBody = z.infer<typeof grantRoleBody>;

/**
 * Bringing a person in: their name, a phone number and/or an email (at least one), the role and
 * where it holds (an area, or a group for group roles).
 */
export const invitePersonBody = z
  .strictObject({
    name: personName,
    phone: phoneNumber.optional(),
    email: email.optional(),
    locale: z.enum(UI_LOCALES).default('id'),
    role: z.enum(ROLES),
    areaCode: areaCode.optional(),
    groupId: uuid.optional(),
  })
  .refine((b) => b.phone !== undefined || b.email !== undefined, {
    message: 'give a phone number or an email',
    path: ['phone'],
    params: { code: 'email_or_phone' },
  });
export type InvitePersonBody = z.infer<typeof invitePersonBody>;

export const grantParams = z.object({ id: uuid, grantId: uuid });

/*
 * Answers. The server's serializer strips what these do not list; the web derives its types from them.
 */

/** What the caller may do with a program (appointing a program manager is an admin's). */
export const programAbilities = abilitiesOf([
  'read',
  'update',
  'listRoles',
  'grantRole',
  'revokeRole',
  'appointManager',
]);

/**
 * The roles the caller may bring a person in with, somewhere in the program (where exactly, their own
 * grants decide: the areas and groups they work in). `wholeProgram`: also for the program as a
 * whole, naming no area. Group roles always name a group, so never the whole program.
 */
export const invitableRole = z.object({ role: z.enum(ROLES), wholeProgram: z.boolean() });
export type InvitableRole = z.infer<typeof invitableRole>;

export const programAnswer = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  country: z.string(),
  currency: z.string(),
  locales: z.array(z.string()),
  startedOn: isoDateAnswer,
  categories: z.array(z.object({ code: z.string(), name: localizedAnswer })),
  memberMinAge: z.number().int(),
  templateProgramId: uuid.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  abilities: programAbilities,
  /** Whom the caller may invite into the program (`POST /programs/:id/invitations`); empty: nobody. */
  invitable: z.array(invitableRole),
});
export type ProgramAnswer = z.infer<typeof programAnswer>;

/** The caller's programs, and whether they may create one (an admin's: no program holds that role yet). */
export const programPage = pageOf(programAnswer).extend({ abilities: abilitiesOf(['create']) });
export type ProgramPageAnswer = z.infer<typeof programPage>;

/**
 * A role grant with the account's name, email and phone, and where it holds by name: the area
 * with its ancestors (root first), or the group with its village.
 */
export const grantAnswer = z.object({
  id: uuid,
  programId: uuid,
  userId: uuid,
  user: z.object({ email: z.string().nullable(), phone: z.string().nullable(), name: z.string() }),
  role: z.enum(ROLES),
  areaCode: z.string().nullable(),
  area: areaTrailStep.extend({ ancestors: z.array(areaTrailStep) }).nullable(),
  groupId: uuid.nullable(),
  group: z.object({ id: uuid, name: z.string(), villageName: z.string().nullable() }).nullable(),
  createdAt: timestamp,
});
export type GrantAnswer = z.infer<typeof grantAnswer>;
export const grantList = z.object({ items: z.array(grantAnswer) });

/**
 * A person brought in: their account and role. `invitation` is the link to hand over (path with its
 * secret in the fragment), or null when the account signs in already and simply holds the role now.
 */
export const invitationAnswer = z.object({
  userId: uuid,
  role: z.enum(ROLES),
  areaCode: z.string().nullable(),
  groupId: uuid.nullable(),
  invitation: z.object({ path: z.string(), expiresAt: timestamp }).nullable(),
});
export type InvitationAnswer = z.infer<typeof invitationAnswer>;
