import type { Queryable } from '../../db/database.js';

export const calendarRepository = {
  /** Replaces the account's feed secret (the old URL stops working). */
  async replace(db: Queryable, userId: string, tokenHash: string): Promise<void> {
    await db.query(
      `INSERT INTO community_calendar_feeds (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [userId, tokenHash],
    );
  },

  async revoke(db: Queryable, userId: string): Promise<void> {
    await db.query('DELETE FROM community_calendar_feeds WHERE user_id = $1', [userId]);
  },

  async active(db: Queryable, userId: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM community_calendar_feeds WHERE user_id = $1', [userId])).length > 0;
  },

  /** The account a feed secret belongs to. */
  async ownerOf(db: Queryable, tokenHash: string): Promise<string | undefined> {
    const rows = await db.query<{ user_id: string }>(
      'SELECT user_id FROM community_calendar_feeds WHERE token_hash = $1',
      [tokenHash],
    );
    return rows[0]?.user_id;
  },
};
