import type { Queryable } from '../../db/database.js';

export interface NotificationRow {
  id: string;
  user_id: string;
  kind: string;
  params: Record<string, string>;
  link: string | null;
  read_at: Date | null;
  created_at: Date;
}

export interface Recipient {
  id: string;
  email: string | null;
  locale: string;
  /** How they want email: 'immediate' (the default), 'daily', 'weekly' or 'none'. */
  email_choice: 'immediate' | 'daily' | 'weekly' | 'none';
  /** Whether a push goes to their browsers: push on and at least one subscription. */
  push: boolean;
}

const COLUMNS = 'id, user_id, kind, params, link, read_at, created_at';

export const notificationsRepository = {
  /** The accounts to tell, skipping disabled ones; `email` null for an account with only a phone. */
  async recipients(db: Queryable, userIds: string[]): Promise<Recipient[]> {
    return db.query<Recipient>(
      `SELECT u.id, u.email, u.locale, coalesce(p.email, 'immediate') AS email_choice,
         coalesce(p.push, true) AND EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.user_id = u.id) AS push
       FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
       WHERE u.id = ANY($1::uuid[]) AND u.disabled_at IS NULL ORDER BY u.id`,
      [userIds],
    );
  },

  async insert(
    db: Queryable,
    rows: {
      id: string;
      userId: string;
      kind: string;
      params: Record<string, string>;
      link: string | null;
      digestLine: string | null;
      pushText: string | null;
    }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO notifications (id, user_id, kind, params, link, digest_line, push_text)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::text[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.userId),
        rows.map((r) => r.kind),
        rows.map((r) => JSON.stringify(r.params)),
        rows.map((r) => r.link),
        rows.map((r) => r.digestLine),
        rows.map((r) => r.pushText),
      ],
    );
  },

  async insertEmails(
    db: Queryable,
    rows: { id: string; userId: string; to: string; subject: string; body: string; kind: string }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await db.query(
      `INSERT INTO email_outbox (id, user_id, to_address, subject, body, kind)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.userId),
        rows.map((r) => r.to),
        rows.map((r) => r.subject),
        rows.map((r) => r.body),
        rows.map((r) => r.kind),
      ],
    );
  },

  async list(
    db: Queryable,
    userId: string,
    f: { unread: boolean; before: string | null; limit: number },
  ): Promise<NotificationRow[]> {
    return db.query<NotificationRow>(
      `SELECT ${COLUMNS} FROM notifications
       WHERE user_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL) AND ($3::uuid IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [userId, f.unread, f.before, f.limit + 1],
    );
  },

  async unreadCount(db: Queryable, userId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return rows[0]?.n ?? 0;
  },

  /** Marks one of the user's notifications read; undefined when it is not theirs. */
  async markRead(db: Queryable, userId: string, id: string): Promise<NotificationRow | undefined> {
    const rows = await db.query<NotificationRow>(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId],
    );
    return rows[0];
  },
};
