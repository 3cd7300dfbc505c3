import { v7 as uuidv7 } from 'uuid';
import type { Queryable } from '../../db/database.js';
import type { Ctx } from '../../http/context.js';
import { notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { requireUser } from './access.js';
import { notificationsRepository, type NotificationRow, type Recipient } from './notifications.repository.js';
import type { NotificationAnswer } from './platform.schemas.js';

export interface Notice {
  /** Who to tell (duplicates and disabled accounts are skipped). */
  userIds: string[];
  /** A stable code the web app translates, e.g. 'order.confirmed'. */
  kind: string;
  /** Values the message shows (product name, order number); never personal data. */
  params: Record<string, string>;
  /** Where the notification leads in the web app. */
  link: string | null;
  /** The email for each recipient's language; written to the outbox, sent by a mailer later. */
  email: (locale: string) => { subject: string; body: string };
}

/**
 * Tells users something happened: an in-app notification each, written in the caller's
 * transaction so it exists exactly when the change it announces commits. The email follows each
 * recipient's choice (decision 020): an outbox row now (immediate, the default), a line kept for
 * their next digest (daily, weekly), or none; a push is owed when they have a browser subscribed.
 */
export async function notify(tx: Queryable, notice: Notice): Promise<void> {
  const recipients = await notificationsRepository.recipients(tx, [...new Set(notice.userIds)]);
  const digested = (r: Recipient) => !!r.email && (r.email_choice === 'daily' || r.email_choice === 'weekly');
  await notificationsRepository.insert(
    tx,
    recipients.map((r) => ({
      id: uuidv7(),
      userId: r.id,
      kind: notice.kind,
      params: notice.params,
      link: notice.link,
      digestLine: digested(r) ? notice.email(r.locale).subject : null,
      pushText: r.push ? notice.email(r.locale).subject : null,
    })),
  );
  await notificationsRepository.insertEmails(
    tx,
    // An account with only a phone number gets the in-app notice alone.
    recipients.flatMap((r) =>
      r.email && r.email_choice === 'immediate'
        ? [{ id: uuidv7(), userId: r.id, to: r.email, kind: notice.kind, ...notice.email(r.locale) }]
        : [],
    ),
  );
}

export function presentNotification(row: NotificationRow): NotificationAnswer {
  return {
    id: row.id,
    kind: row.kind,
    params: row.params,
    link: row.link,
    read: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listNotifications(
  ctx: Ctx,
  query: { unread?: 'true' | 'false' | undefined; limit: number; cursor?: string | undefined },
) {
  const user = requireUser(ctx.actor);
  const before = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const rows = await notificationsRepository.list(ctx.db, user.id, {
    unread: query.unread === 'true',
    before,
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, presentNotification, (r) => [r.id]);
  return { ...page, unread: await notificationsRepository.unreadCount(ctx.db, user.id) };
}

/** Only the owner may mark a notification read; anyone else's is simply not found. */
export async function markNotificationRead(ctx: Ctx, id: string) {
  const user = requireUser(ctx.actor);
  const row = await notificationsRepository.markRead(ctx.db, user.id, id);
  if (!row) throw notFound('Notification');
  return presentNotification(row);
}
