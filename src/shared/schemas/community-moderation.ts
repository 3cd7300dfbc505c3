import { z } from 'zod';
import { timestamp, uuid } from '../common.schemas.js';

/** Mutes and suspensions, space moderators and the report queue (decision 019). */
export const SANCTION_KINDS = ['mute', 'suspend'] as const;

/** The longest a mute or suspension may last: a year (a ban beyond is a decline of the member). */
export const MAX_SANCTION_HOURS = 24 * 365;

export const sanctionBody = z.strictObject({
  userId: uuid,
  kind: z.enum(SANCTION_KINDS),
  hours: z.number().int().min(1).max(MAX_SANCTION_HOURS),
  reason: z.string().trim().min(1).max(500),
});
export type SanctionBody = z.infer<typeof sanctionBody>;

export const liftBody = z.strictObject({ reason: z.string().trim().max(500).default('') });

const person = z.object({ id: uuid, name: z.string() });

export const sanctionAnswer = z.object({
  id: uuid,
  user: person,
  kind: z.enum(SANCTION_KINDS),
  reason: z.string(),
  startsAt: timestamp,
  endsAt: timestamp,
  lifted: z.boolean(),
});
export type SanctionAnswer = z.infer<typeof sanctionAnswer>;
export const sanctionList = z.object({ items: z.array(sanctionAnswer) });

export const moderatorParams = z.object({ id: uuid, userId: uuid });
export const moderatorList = z.object({ items: z.array(person) });

export const reportQueue = z.object({
  items: z.array(
    z.object({
      post: z.object({ id: uuid, body: z.string(), author: person, hidden: z.boolean(), createdAt: timestamp }),
      thread: z.object({ id: uuid, title: z.string() }),
      space: z.object({ id: uuid, name: z.record(z.string(), z.string()) }),
      reports: z.array(z.object({ reason: z.string(), createdAt: timestamp })),
    }),
  ),
});
export type ReportQueue = z.infer<typeof reportQueue>;

export const MODERATION_ACTIONS = [
  'hide',
  'restore',
  'lock',
  'unlock',
  'dismiss',
  'mute',
  'suspend',
  'lift',
  'appoint',
  'remove-moderator',
] as const;

/** The moderation log as moderators read it: who did what, to which post, thread or member, and why. */
export const moderationLog = z.object({
  items: z.array(
    z.object({
      id: uuid,
      action: z.enum(MODERATION_ACTIONS),
      reason: z.string(),
      createdAt: timestamp,
      actor: person,
      thread: z.object({ id: uuid, title: z.string() }).nullable(),
      postId: uuid.nullable(),
      /** The member acted on (mute, suspend, lift, appointment). */
      user: person.nullable(),
    }),
  ),
});
export type ModerationLog = z.infer<typeof moderationLog>;

export const resolveBody = z.strictObject({
  action: z.enum(['hide', 'dismiss']),
  reason: z.string().trim().max(500).default(''),
});
export const resolveAnswer = z.object({ postId: uuid, resolved: z.number().int(), hidden: z.boolean() });

export const memberSuggestQuery = z.object({ q: z.string().trim().min(1).max(100) });
export const memberSuggestions = z.object({ items: z.array(person) });
