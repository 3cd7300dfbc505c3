import { z } from 'zod';

/** How a user wants email about their notifications (decision 020). */
export const EMAIL_CHOICES = ['immediate', 'daily', 'weekly', 'none'] as const;

export const notificationSettingsAnswer = z.object({
  email: z.enum(EMAIL_CHOICES),
  push: z.boolean(),
  /** How many browsers of theirs are subscribed to Web Push. */
  pushSubscriptions: z.number().int(),
  /** The server's VAPID public key for `pushManager.subscribe` (base64url). */
  vapidPublicKey: z.string(),
});
export type NotificationSettingsAnswer = z.infer<typeof notificationSettingsAnswer>;

export const notificationSettingsBody = z
  .object({ email: z.enum(EMAIL_CHOICES).optional(), push: z.boolean().optional() })
  .strict();
export type NotificationSettingsBody = z.infer<typeof notificationSettingsBody>;

/** What the browser's `PushSubscription.toJSON()` gives; the endpoint must be https. */
export const pushSubscriptionBody = z
  .object({
    endpoint: z.url({ protocol: /^https$/ }).max(2000),
    expirationTime: z.number().nullable().optional(),
    keys: z
      .object({
        p256dh: z
          .string()
          .regex(/^[A-Za-z0-9_-]+={0,2}$/)
          .min(80)
          .max(120),
        auth: z
          .string()
          .regex(/^[A-Za-z0-9_-]+={0,2}$/)
          .min(16)
          .max(40),
      })
      .strict(),
  })
  .strict();
export type PushSubscriptionBody = z.infer<typeof pushSubscriptionBody>;

export const pushUnsubscribeBody = z.object({ endpoint: z.string().min(1).max(2000) }).strict();

export const pushSubscriptionAnswer = z.object({ subscribed: z.boolean() });
