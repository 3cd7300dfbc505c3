import type { NotificationAnswer, NotificationPageAnswer } from '../../../../shared/schemas/platform';
import { api, withQuery } from '../../../lib/http';

/** A page of the signed-in user's own notifications, newest first, with their unread count. */
export const listNotifications = (query: { unread?: boolean; limit?: number }, cursor?: string, signal?: AbortSignal) =>
  api<NotificationPageAnswer>(
    withQuery('/api/v1/notifications', { unread: query.unread, limit: query.limit, cursor }),
    { signal },
  );

export const markNotificationRead = (id: string) =>
  api<NotificationAnswer>(`/api/v1/notifications/${id}/read`, { method: 'POST' });
