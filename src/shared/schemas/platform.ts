import { z } from 'zod';
import { abilitiesOf, pageOf, timestamp, uuid } from '../common.schemas.js';
import { normalizePhone } from '../phone.js';
import { ROLES } from '../roles.js';

/** A phone number as people write it (`0812-3456-7890`), kept as E.164 (`+6281234567890`). */
export const phoneNumber = z
  .string()
  .max(30)
  .transform((v, ctx) => {
    const e164 = normalizePhone(v);
    if (e164 === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'is not a phone number (such as 0812 3456 7890)',
        params: { code: 'not_a_phone' },
      });
      return z.NEVER;
    }
    return e164;
  });

/** Setting one's password through an invitation link (the secret from the link's fragment). */
export const acceptInvitationBody = z.strictObject({
  token: z.string().min(20).max(100),
  password: z.string().min(1).max(256),
});
export type AcceptInvitationBody = z.infer<typeof acceptInvitationBody>;
export const acceptedInvitationAnswer = z.object({ login: z.string() });

/** Sign-in by email or by phone number (many people have no email): exactly one of the two. */
export const signInBody = z
  .strictObject({
    email: z.email().max(254).optional(),
    phone: z.string().trim().min(1).max(30).optional(),
    password: z.string().min(1).max(256),
  })
  .refine((b) => (b.email === undefined) !== (b.phone === undefined), {
    message: 'give an email or a phone number',
    path: ['email'],
    params: { code: 'email_or_phone' },
  });
export type SignInBody = z.infer<typeof signInBody>;

/*
 * Answers. The server's serializer strips what these do not list; the web derives its types from them.
 */

/** What the caller may do with an account: see it, change its name, locale and password, its rights. */
export const userAbilities = abilitiesOf(['read', 'update', 'administer']);

/** An account (never its password or hash): an email, a phone number (E.164) or both. */
export const userAnswer = z.object({
  id: uuid,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  name: z.string(),
  /** Invited and not yet signed up: no password set through the invitation link. */
  invited: z.boolean(),
  locale: z.string(),
  isAdmin: z.boolean(),
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
  abilities: userAbilities,
});
export type UserAnswer = z.infer<typeof userAnswer>;
export const userPage = pageOf(userAnswer);

/** The signed-in account's own record, as sign-in answers it. */
export const signInAnswer = z.object({ user: userAnswer.omit({ abilities: true }) });
export type SignInAnswer = z.infer<typeof signInAnswer>;

/** The staff app's screens, in menu order (the web names each `nav.<screen>`). */
export const STAFF_SCREENS = [
  'programs',
  'impact',
  'areas',
  'villages',
  'groups',
  'assessments',
  'schemes',
  'training',
  'community',
  'books',
  'batches',
  'inquiries',
  'orders',
  'notifications',
] as const;
export type StaffScreen = (typeof STAFF_SCREENS)[number];

/**
 * The signed-in user with the roles they hold, each in one program (optionally an area or a group),
 * and what the server decided their menu shows: `screens` in menu order, and `bookGroups`, the
 * groups whose cash book the menu's "books" opens (their own groups, as treasurer or member).
 */
export const meAnswer = z.object({
  id: uuid,
  email: z.string().nullable(),
  name: z.string(),
  locale: z.string(),
  isAdmin: z.boolean(),
  roles: z.array(
    z.object({
      id: uuid,
      role: z.enum(ROLES),
      programId: uuid,
      areaCode: z.string().nullable(),
      /** The area's name ("Kabupaten Karangasem"), for the person reading their roles. */
      areaName: z.string().nullable(),
      groupId: uuid.nullable(),
      groupName: z.string().nullable(),
    }),
  ),
  screens: z.array(z.enum(STAFF_SCREENS)),
  bookGroups: z.array(uuid),
});
export type MeAnswer = z.infer<typeof meAnswer>;

/** A personal API token as listed: its name and prefix, never the secret. */
export const tokenAnswer = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string(),
  createdAt: timestamp,
  expiresAt: timestamp.nullable(),
  lastUsedAt: timestamp.nullable(),
});
export type TokenAnswer = z.infer<typeof tokenAnswer>;
export const tokenList = z.object({ items: z.array(tokenAnswer) });
/** A token just created: the one time its secret is shown. */
export const createdTokenAnswer = tokenAnswer.extend({ token: z.string() });

/** An in-app notification: a kind the web translates with its params, and where it leads. */
export const notificationAnswer = z.object({
  id: uuid,
  kind: z.string(),
  params: z.record(z.string(), z.string()),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: timestamp,
});
export type NotificationAnswer = z.infer<typeof notificationAnswer>;
/** A page of notifications, with how many of all the user's notifications are unread. */
export const notificationPage = pageOf(notificationAnswer).extend({ unread: z.number().int() });
export type NotificationPageAnswer = z.infer<typeof notificationPage>;
