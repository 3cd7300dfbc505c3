import { api, withQuery, type Page } from '../../../lib/http';

// A notification as src/server/modules/platform/notifications.service.ts presents it.
export interface Notification {
  id: string;
  /** A stable code the screen translates through `notice.<kind>`, e.g. 'inquiry.received'. */
  kind: string;
  params: Record<string, string>;
  /** Where it leads, as a full app path (`/app/inquiries/…`), or null. */
  link: string | null;
  read: boolean;
  createdAt: string;
}

/** A page of the signed-in user's own notifications, newest first, with their unread count. */
export type NotificationsPage = Page<Notification> & { unread: number };

export const listNotifications = (query: { unread?: boolean; limit?: number }, cursor?: string, signal?: AbortSignal) =>
  api<NotificationsPage>(withQuery('/api/v1/notifications', { unread: query.unread, limit: query.limit, cursor }), {
    signal,
  });

export const markNotificationRead = (id: string) =>
  api<Notification>(`/api/v1/notifications/${id}/read`, { method: 'POST' });
