import type { Queryable } from '../../db/database.js';

export interface RsvpRow {
  event_id: string;
  user_id: string;
  user_name: string;
  status: 'going' | 'waitlisted' | 'not_going';
  ticket_code: string;
  checked_in_at: Date | null;
  waitlist_position: number | null;
}

const SELECT = `SELECT r.event_id, r.user_id, u.name AS user_name, r.status, r.ticket_code, r.checked_in_at,
    CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM community_event_rsvps w
      WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.queued <= r.queued) END AS waitlist_position
  FROM community_event_rsvps r JOIN platform_accounts u ON u.id = r.user_id`;

export const rsvpsRepository = {
  async get(db: Queryable, eventId: string, userId: string): Promise<RsvpRow | undefined> {
    return (await db.query<RsvpRow>(`${SELECT} WHERE r.event_id = $1 AND r.user_id = $2`, [eventId, userId]))[0];
  },

  async byTicket(db: Queryable, code: string): Promise<RsvpRow | undefined> {
    return (await db.query<RsvpRow>(`${SELECT} WHERE r.ticket_code = $1`, [code]))[0];
  },

  async goingCount(db: Queryable, eventId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM community_event_rsvps WHERE event_id = $1 AND status = 'going'`,
      [eventId],
    );
    return rows[0]?.n ?? 0;
  },

  /** Going or on the waitlist, at the end of the queue; a first RSVP gets its ticket code. */
  async join(
    db: Queryable,
    v: { eventId: string; userId: string; status: 'going' | 'waitlisted'; ticketCode: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_event_rsvps (event_id, user_id, status, ticket_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id, user_id) DO UPDATE SET status = EXCLUDED.status,
         queued = nextval('community_event_rsvp_queue'), updated_at = now()`,
      [v.eventId, v.userId, v.status, v.ticketCode],
    );
  },

  async leave(db: Queryable, eventId: string, userId: string): Promise<void> {
    await db.query(
      `UPDATE community_event_rsvps SET status = 'not_going', updated_at = now() WHERE event_id = $1 AND user_id = $2`,
      [eventId, userId],
    );
  },

  /** Moves the first on the waitlist to going: their account, or undefined when nobody waits. */
  async promoteFirst(db: Queryable, eventId: string): Promise<string | undefined> {
    const rows = await db.query<{ user_id: string }>(
      `UPDATE community_event_rsvps SET status = 'going', updated_at = now()
       WHERE (event_id, user_id) = (SELECT event_id, user_id FROM community_event_rsvps
         WHERE event_id = $1 AND status = 'waitlisted' ORDER BY queued LIMIT 1)
       RETURNING user_id`,
      [eventId],
    );
    return rows[0]?.user_id;
  },

  /** Checks a going ticket in, once: true when this call did it. */
  async checkIn(db: Queryable, eventId: string, userId: string, by: string, at: Date): Promise<boolean> {
    const rows = await db.query(
      `UPDATE community_event_rsvps SET checked_in_at = $4, checked_in_by = $3
       WHERE event_id = $1 AND user_id = $2 AND checked_in_at IS NULL RETURNING 1`,
      [eventId, userId, by, at],
    );
    return rows.length > 0;
  },

  /** Everyone who answered, going first, then the waitlist in order, then those not going. */
  async ofEvent(db: Queryable, eventId: string): Promise<RsvpRow[]> {
    return db.query<RsvpRow>(
      `${SELECT} WHERE r.event_id = $1
       ORDER BY CASE r.status WHEN 'going' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, r.queued`,
      [eventId],
    );
  },

  /**
   * Marks reminded, once, every going RSVP of an event that starts in (`from`, `to`]: the accounts
   * to remind, with the event. A second run finds them marked and returns nothing.
   */
  async claimReminders(
    db: Queryable,
    from: Date,
    to: Date,
  ): Promise<
    { event_id: string; user_id: string; title: Record<string, string>; starts_at: Date; time_zone: string }[]
  > {
    return db.query(
      `WITH due AS (
         SELECT e.id, COALESCE(e.title, ts.title) AS title, e.time_zone,
           COALESCE(e.starts_at, ts.starts_on::timestamp AT TIME ZONE e.time_zone) AS starts_at
         FROM community_events e LEFT JOIN training_session_schedule ts ON ts.id = e.training_session_id
         WHERE COALESCE(ts.status, 'scheduled') <> 'cancelled'
       )
       UPDATE community_event_rsvps r SET reminded_at = now()
       FROM due WHERE due.id = r.event_id AND r.status = 'going' AND r.reminded_at IS NULL
         AND due.starts_at > $1 AND due.starts_at <= $2
       RETURNING r.event_id, r.user_id, due.title, due.starts_at, due.time_zone`,
      [from, to],
    );
  },
};
