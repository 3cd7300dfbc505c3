import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../shared/common.schemas.js';
import { notificationAnswer, notificationPage } from '../../../shared/schemas/platform.js';
import { ctxOf } from '../../http/context.js';
import { pageQuery } from '../../http/pagination.js';
import { listNotifications, markNotificationRead } from './notifications.service.js';
import { notificationSettingsRoutes } from './notification-settings.routes.js';

export const listNotificationsQuery = pageQuery.extend({ unread: z.enum(['true', 'false']).optional() });

/** The signed-in user's own notifications. */
export async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'user' } as const;
  const tags = ['notifications'];
  r.get(
    '/api/v1/notifications',
    { schema: { querystring: listNotificationsQuery, response: { 200: notificationPage }, tags }, config },
    async (req) => listNotifications(ctxOf(req), req.query),
  );
  r.post(
    '/api/v1/notifications/:id/read',
    { schema: { params: idParams, response: { 200: notificationAnswer }, tags }, config },
    async (req) => markNotificationRead(ctxOf(req), req.params.id),
  );
  notificationSettingsRoutes(app);
}
