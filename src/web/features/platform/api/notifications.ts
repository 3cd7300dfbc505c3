import type { NotificationAnswer, NotificationPageAnswer } from '../../../../shared/schemas/platform';
import type {
  NotificationSettingsAnswer,
  NotificationSettingsBody,
} from '../../../../shared/schemas/notification-settings';
import { api, withQuery } from '../../../lib/http';

/** A page of the signed-in user's own notifications, newest first, with their unread count. */
export const listNotifications = (query: { unread?: boolean; limit?: number }, cursor?: string, signal?: AbortSignal) =>
  api<NotificationPageAnswer>(
    withQuery('/api/v1/notifications', { unread: query.unread, limit: query.limit, cursor }),
    { signal },
  );

export const markNotificationRead = (id: string) =>
  api<NotificationAnswer>(`/api/v1/notifications/${id}/read`, { method: 'POST' });

/** The caller's email choice, push switch, subscribed browsers and the server's VAPID public key. */
export const getNotificationSettings = (signal?: AbortSignal) =>
  api<NotificationSettingsAnswer>('/api/v1/notifications/settings', { signal });

export const changeNotificationSettings = (body: NotificationSettingsBody) =>
  api<NotificationSettingsAnswer>('/api/v1/notifications/settings', { method: 'PATCH', body });

/** Keeps this browser's PushSubscription on the server (its `toJSON()`). */
export const subscribePush = (subscription: PushSubscriptionJSON) =>
  api<{ subscribed: boolean }>('/api/v1/notifications/push-subscriptions', { method: 'POST', body: subscription });

export const unsubscribePush = (endpoint: string) =>
  api<{ subscribed: boolean }>('/api/v1/notifications/push-subscriptions/remove', {
    method: 'POST',
    body: { endpoint },
  });
