import type { Queryable } from '../../db/database.js';

export interface EventRow {
  id: string;
  program_id: string;
  kind: 'fair_expo' | 'training_session' | 'online_meeting' | 'field_visit';
  training_session_id: string | null;
  title: Record<string, string>;
  description: Record<string, string>;
  starts_at: Date;
  ends_at: Date;
  all_day: boolean;
  time_zone: string;
  area_code: string | null;
  area_name: string | null;
  area_path: string;
  address: string;
  url: string | null;
  space_id: string | null;
  capacity: number | null;
  public: boolean;
  cancelled: boolean;
  cancel_reason: string;
  sequence: number;
  going: number;
  waitlisted: number;
}

/** An event as the viewer sees it: with their own RSVP and whether it is in their regency. */
export interface ViewedEventRow extends EventRow {
  my_status: 'going' | 'waitlisted' | 'not_going' | null;
  waitlist_position: number | null;
  near: boolean;
}

export type EventValues = Pick<
  EventRow,
  | 'id'
  | 'program_id'
  | 'kind'
  | 'training_session_id'
  | 'description'
  | 'time_zone'
  | 'area_code'
  | 'area_path'
  | 'address'
  | 'url'
  | 'space_id'
  | 'capacity'
  | 'public'
> & { title: Record<string, string> | null; starts_at: string | null; ends_at: string | null; created_by: string };

/**
 * Events with what a training session's event reads from the session (training's read model): its
 * course title, its days as whole days in the event's time zone, its place, and whether it was
 * called off. Named `ev` for the conditions around it.
 */
const EVENTS = `(SELECT e.id, e.program_id, e.kind, e.training_session_id,
    COALESCE(e.title, ts.title) AS title, e.description,
    COALESCE(e.starts_at, ts.starts_on::timestamp AT TIME ZONE e.time_zone) AS starts_at,
    COALESCE(e.ends_at, (ts.ends_on + 1)::timestamp AT TIME ZONE e.time_zone) AS ends_at,
    ts.id IS NOT NULL AS all_day, e.time_zone,
    COALESCE(ts.area_code, e.area_code) AS area_code, a.name AS area_name,
    COALESCE(ts.area_path, e.area_path) AS area_path,
    COALESCE(ts.address, e.address) AS address,
    e.url, e.space_id, e.capacity, e.public, (e.cancelled_at IS NOT NULL OR COALESCE(ts.status = 'cancelled', false)) AS cancelled, e.cancel_reason, e.sequence,
    (SELECT count(*)::int FROM community_event_rsvps r WHERE r.event_id = e.id AND r.status = 'going') AS going,
    (SELECT count(*)::int FROM community_event_rsvps r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlisted
  FROM community_events e
  LEFT JOIN training_session_schedule ts ON ts.id = e.training_session_id
  LEFT JOIN geography_areas a ON a.code = COALESCE(ts.area_code, e.area_code)) ev`;

/** The viewer's RSVP ($2 their account), and "near": the event's place in the regency of $3 (their village's path). */
const VIEWED = `SELECT ev.*, r.status AS my_status,
    CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM community_event_rsvps w
      WHERE w.event_id = ev.id AND w.status = 'waitlisted' AND w.queued <= r.queued) END AS waitlist_position,
    ($3::text IS NOT NULL AND ev.area_path <> '' AND EXISTS (SELECT 1 FROM geography_areas g
      WHERE g.level = 'regency' AND $3::text LIKE g.path || '%' AND ev.area_path LIKE g.path || '%')) AS near
  FROM ${EVENTS}
  LEFT JOIN community_event_rsvps r ON r.event_id = ev.id AND r.user_id = $2::uuid`;

/** Whether a welcomed member whose village has path $3 is in the event's space (none: everyone is). */
const IN_MEMBER_SPACE = `(ev.space_id IS NULL OR EXISTS (SELECT 1 FROM community_spaces s
  WHERE s.id = ev.space_id AND (s.kind = 'topic' OR $3::text LIKE s.area_path || '%')))`;

export const eventsRepository = {
  /** A training session as training publishes it (its read model): for an event linked to it. */
  async trainingSession(db: Queryable, id: string) {
    return (
      await db.query<{ id: string; program_id: string; area_path: string; status: string }>(
        'SELECT id, program_id, area_path, status FROM training_session_schedule WHERE id = $1',
        [id],
      )
    )[0];
  },

  async insert(db: Queryable, v: EventValues): Promise<void> {
    await db.query(
      `INSERT INTO community_events (id, program_id, kind, training_session_id, title, description, starts_at, ends_at,
         time_zone, area_code, area_path, address, url, space_id, capacity, public, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        v.id,
        v.program_id,
        v.kind,
        v.training_session_id,
        v.title === null ? null : JSON.stringify(v.title),
        JSON.stringify(v.description),
        v.starts_at,
        v.ends_at,
        v.time_zone,
        v.area_code,
        v.area_path,
        v.address,
        v.url,
        v.space_id,
        v.capacity,
        v.public,
        v.created_by,
      ],
    );
  },

  /** An event's own fields after a change; `bump` raises the feeds' SEQUENCE (time or place changed). */
  async update(
    db: Queryable,
    id: string,
    v: Pick<EventValues, 'description' | 'area_code' | 'area_path' | 'address' | 'url' | 'capacity' | 'public'> & {
      title: Record<string, string>;
      starts_at: string;
      ends_at: string;
      bump: boolean;
    },
  ): Promise<void> {
    await db.query(
      `UPDATE community_events SET title = $2, description = $3, starts_at = $4, ends_at = $5, area_code = $6,
         area_path = $7, address = $8, url = $9, capacity = $10, public = $11,
         sequence = sequence + CASE WHEN $12::boolean THEN 1 ELSE 0 END
       WHERE id = $1`,
      [
        id,
        JSON.stringify(v.title),
        JSON.stringify(v.description),
        v.starts_at,
        v.ends_at,
        v.area_code,
        v.area_path,
        v.address,
        v.url,
        v.capacity,
        v.public,
        v.bump,
      ],
    );
  },

  /** Calls the event off: RSVPs close, and the feeds' next SEQUENCE tells calendar apps. */
  async cancel(db: Queryable, id: string, at: Date, reason: string): Promise<void> {
    await db.query(
      'UPDATE community_events SET cancelled_at = $2, cancel_reason = $3, sequence = sequence + 1 WHERE id = $1',
      [id, at, reason],
    );
  },

  /** The accounts going to the event or waiting for a seat: who hears of a change. */
  async audience(db: Queryable, id: string): Promise<string[]> {
    const rows = await db.query<{ user_id: string }>(
      `SELECT user_id FROM community_event_rsvps WHERE event_id = $1 AND status IN ('going', 'waitlisted')
       ORDER BY queued`,
      [id],
    );
    return rows.map((r) => r.user_id);
  },

  /** Locks the event: RSVPs, cancellations and check-ins of one event run one after another. */
  async lock(db: Queryable, id: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM community_events WHERE id = $1 FOR UPDATE', [id])).length > 0;
  },

  async viewed(db: Queryable, id: string, userId: string | null, memberPath: string | null) {
    return (await db.query<ViewedEventRow>(`${VIEWED} WHERE ev.id = $1`, [id, userId, memberPath]))[0];
  },

  /**
   * A program's events that end after `from`, soonest first: every one for staff (`memberPath`
   * ignored), else those in no space or in the member's spaces.
   */
  async list(
    db: Queryable,
    f: {
      programId: string;
      userId: string;
      memberPath: string | null;
      staff: boolean;
      from: Date;
      spaceId: string | null;
      near: boolean;
      limit: number;
    },
  ): Promise<ViewedEventRow[]> {
    return db.query<ViewedEventRow>(
      `SELECT * FROM (${VIEWED} WHERE ev.program_id = $1 AND ev.ends_at > $4::timestamptz AND ($5::boolean OR ${IN_MEMBER_SPACE})
         AND ($6::uuid IS NULL OR ev.space_id = $6)) v
       WHERE NOT $7::boolean OR v.near
       ORDER BY v.starts_at, v.id LIMIT $8`,
      [f.programId, f.userId, f.memberPath, f.from, f.staff, f.spaceId, f.near, f.limit],
    );
  },

  /** A program's public events that end after `from`, soonest first. */
  async listPublic(db: Queryable, programId: string, from: Date, limit: number): Promise<EventRow[]> {
    return db.query<EventRow>(
      `SELECT * FROM ${EVENTS} WHERE ev.program_id = $1 AND ev.public AND ev.ends_at > $2
       ORDER BY ev.starts_at, ev.id LIMIT $3`,
      [programId, from, limit],
    );
  },

  /** One event if it is public (ended or called off too: a shared link keeps telling what became of it). */
  async publicOne(db: Queryable, id: string): Promise<EventRow | undefined> {
    return (await db.query<EventRow>(`SELECT * FROM ${EVENTS} WHERE ev.id = $1 AND ev.public`, [id]))[0];
  },

  /** The events an account said it is going to, every program (its calendar feed). */
  async goingOf(db: Queryable, userId: string): Promise<EventRow[]> {
    return db.query<EventRow>(
      `SELECT ev.* FROM ${EVENTS} JOIN community_event_rsvps r ON r.event_id = ev.id
       WHERE r.user_id = $1 AND r.status = 'going' ORDER BY ev.starts_at, ev.id`,
      [userId],
    );
  },

  /** A space's events (its calendar feed). */
  async ofSpace(db: Queryable, spaceId: string): Promise<EventRow[]> {
    return db.query<EventRow>(`SELECT * FROM ${EVENTS} WHERE ev.space_id = $1 ORDER BY ev.starts_at, ev.id`, [spaceId]);
  },
};
