import { z } from 'zod';
import { abilitiesOf, email, pageOf, pageQuery, personName, timestamp, uuid } from '../common.schemas.js';
import { UI_LOCALES } from '../locales.js';
import { areaCode } from './geography.js';
import { phoneNumber } from './platform.js';

/** What a joiner may say they want to learn (a program may use its own slug too). */
const topic = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/** The community rules of a program, in the program's languages; a new text is a new version. */
export const communityRulesBody = z.strictObject({
  text: z.partialRecord(z.enum(UI_LOCALES), z.string().trim().min(1).max(10_000)),
});
export type CommunityRulesBody = z.infer<typeof communityRulesBody>;
export const communityRulesAnswer = z.object({
  programId: uuid,
  version: z.number().int(),
  text: z.record(z.string(), z.string()),
  createdAt: timestamp,
});
export type CommunityRulesAnswer = z.infer<typeof communityRulesAnswer>;

/** The public "join the community" form: a phone number and/or an email, and consent to the rules shown. */
export const joinBody = z
  .strictObject({
    name: personName,
    phone: phoneNumber.optional(),
    email: email.optional(),
    areaCode,
    business: z.string().trim().max(500).default(''),
    topics: z.array(topic).max(20).default([]),
    locale: z.enum(UI_LOCALES).default('id'),
    /** The version of the rules the page showed: consent is to that text. */
    rulesVersion: z.number().int().min(1),
    acceptRules: z.literal(true),
    /** May a producer-group member record with the same contact be linked to this profile. */
    linkConsent: z.boolean().default(false),
    /** Optional: the indicators break mentoring and first answers down by it (decision 019). */
    sex: z.enum(['female', 'male']).optional(),
  })
  .refine((b) => b.phone !== undefined || b.email !== undefined, {
    message: 'give a phone number or an email',
    path: ['phone'],
    params: { code: 'email_or_phone' },
  });
export type JoinBody = z.infer<typeof joinBody>;

/** What the public page is told: that the request waits for a community manager. */
export const joinReceipt = z.object({ id: uuid, status: z.literal('pending') });

export const JOIN_STATUSES = ['pending', 'welcomed', 'declined'] as const;
export const joinsQuery = pageQuery.extend({ status: z.enum(JOIN_STATUSES).default('pending') });
export type JoinsQuery = z.infer<typeof joinsQuery>;
export const joinParams = z.object({ programId: uuid });

export const joinAbilities = abilitiesOf(['read', 'decide']);
export const joinAnswer = z.object({
  id: uuid,
  programId: uuid,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  area: z.object({ code: z.string(), name: z.string() }),
  business: z.string(),
  topics: z.array(z.string()),
  locale: z.string(),
  rulesVersion: z.number().int(),
  linkConsent: z.boolean(),
  sex: z.enum(['female', 'male']).nullable(),
  status: z.enum(JOIN_STATUSES),
  decidedAt: timestamp.nullable(),
  userId: uuid.nullable(),
  createdAt: timestamp,
  abilities: joinAbilities,
});
export type JoinAnswer = z.infer<typeof joinAnswer>;
export const joinPage = pageOf(joinAnswer);

/** A welcome answers the link the person sets their password with (null when their account signs in already). */
export const welcomeAnswer = z.object({
  join: joinAnswer,
  invitation: z.object({ path: z.string(), expiresAt: timestamp }).nullable(),
});
