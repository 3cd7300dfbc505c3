import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  notificationSettingsAnswer,
  notificationSettingsBody,
  pushSubscriptionAnswer,
  pushSubscriptionBody,
  pushUnsubscribeBody,
} from '../../../shared/schemas/notification-settings.js';
import { ctxOf } from '../../http/context.js';
import {
  changeNotificationSettings,
  showNotificationSettings,
  subscribePush,
  unsubscribePush,
} from './notification-settings.js';
import type { PushSettings } from './push.js';

/** The app's Web Push settings: the configured VAPID pair, or the one kept in the database. */
export const pushSettingsOf = (app: FastifyInstance): PushSettings => ({
  configured: app.config.vapid,
  subject: app.config.vapidSubject,
  cipher: app.cipher,
});

/** The signed-in user's own delivery choices and browsers (decision 020). */
export function notificationSettingsRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['notifications'];
  const push = pushSettingsOf(app);
  r.get(
    '/api/v1/notifications/settings',
    { schema: { response: { 200: notificationSettingsAnswer }, tags }, config },
    async (req) => showNotificationSettings(ctxOf(req), push),
  );
  r.patch(
    '/api/v1/notifications/settings',
    { schema: { body: notificationSettingsBody, response: { 200: notificationSettingsAnswer }, tags }, config },
    async (req) => changeNotificationSettings(ctxOf(req), req.body, push),
  );
  r.post(
    '/api/v1/notifications/push-subscriptions',
    { schema: { body: pushSubscriptionBody, response: { 201: pushSubscriptionAnswer }, tags }, config },
    async (req, reply) => reply.code(201).send(await subscribePush(ctxOf(req), req.body)),
  );
  r.post(
    '/api/v1/notifications/push-subscriptions/remove',
    { schema: { body: pushUnsubscribeBody, response: { 200: pushSubscriptionAnswer }, tags }, config },
    async (req) => unsubscribePush(ctxOf(req), req.body.endpoint),
  );
}
