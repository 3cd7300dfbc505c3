import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';

export interface MentorRow {
  id: string;
  program_id: string;
  user_id: string;
  user_name: string;
  topics: string[];
  languages: string[];
  availability: string;
  monthly_capacity: number;
  active: boolean;
  version: number;
  taken_this_month: number;
}

export interface MentorshipRow {
  id: string;
  program_id: string;
  mentor_id: string;
  mentor_user_id: string;
  mentor_name: string;
  mentee_id: string;
  mentee_name: string;
  area_path: string;
  topic: string;
  message: string;
  status: 'requested' | 'accepted' | 'declined';
  decline_reason: string | null;
  decided_at: Date | null;
  created_at: Date;
}

export interface SessionRow {
  id: string;
  mentorship_id: string;
  held_on: string;
  mode: 'in_person' | 'phone' | 'online';
  notes: string;
  feedback_rating: number | null;
  feedback_comment: string | null;
  feedback_at: Date | null;
}

export interface FollowUpRow {
  id: string;
  session_id: string;
  text: string;
  done: boolean;
}

/** Requests received since `$2` (the month's first day) that wait or were accepted: what a capacity counts. */
const TAKEN = `(SELECT count(*)::int FROM community_mentorships r
  WHERE r.mentor_id = m.id AND r.status <> 'declined' AND r.created_at >= $2::timestamptz)`;

const MENTOR = `SELECT m.id, m.program_id, m.user_id, u.name AS user_name, m.topics, m.languages, m.availability,
  m.monthly_capacity, m.active, m.version, ${TAKEN} AS taken_this_month
  FROM community_mentors m JOIN platform_accounts u ON u.id = m.user_id`;

const MENTORSHIP = `SELECT s.id, s.program_id, s.mentor_id, m.user_id AS mentor_user_id, mu.name AS mentor_name,
  s.mentee_id, eu.name AS mentee_name, j.area_path, s.topic, s.message, s.status, s.decline_reason, s.decided_at,
  s.created_at
  FROM community_mentorships s JOIN community_mentors m ON m.id = s.mentor_id
  JOIN platform_accounts mu ON mu.id = m.user_id JOIN platform_accounts eu ON eu.id = s.mentee_id
  JOIN community_joins j ON j.id = s.join_id`;

export const mentorsRepository = {
  async byId(db: Queryable, id: string, monthStart: Date): Promise<MentorRow | undefined> {
    return (await db.query<MentorRow>(`${MENTOR} WHERE m.id = $1`, [id, monthStart]))[0];
  },

  async byUser(db: Queryable, programId: string, userId: string, monthStart: Date): Promise<MentorRow | undefined> {
    return (
      await db.query<MentorRow>(`${MENTOR} WHERE m.program_id = $1 AND m.user_id = $3`, [programId, monthStart, userId])
    )[0];
  },

  /** A program's active mentors with room this month, on a topic or any; by name. */
  async offered(db: Queryable, programId: string, topic: string | null, monthStart: Date): Promise<MentorRow[]> {
    return db.query<MentorRow>(
      `${MENTOR} WHERE m.program_id = $1 AND m.active AND ($3::text IS NULL OR $3 = ANY(m.topics))
         AND ${TAKEN} < m.monthly_capacity ORDER BY u.name, m.id`,
      [programId, monthStart, topic],
    );
  },

  async lock(db: Queryable, id: string): Promise<void> {
    await db.query('SELECT 1 FROM community_mentors WHERE id = $1 FOR UPDATE', [id]);
  },

  /** Writes the caller's profile (one per program and account); its version rises with each write. */
  async upsert(
    db: Queryable,
    v: Pick<
      MentorRow,
      'id' | 'program_id' | 'user_id' | 'topics' | 'languages' | 'availability' | 'monthly_capacity' | 'active'
    >,
  ): Promise<string> {
    const rows = await db.query<{ id: string }>(
      `INSERT INTO community_mentors (id, program_id, user_id, topics, languages, availability, monthly_capacity, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (program_id, user_id) DO UPDATE SET topics = excluded.topics, languages = excluded.languages,
         availability = excluded.availability, monthly_capacity = excluded.monthly_capacity, active = excluded.active,
         version = community_mentors.version + 1
       RETURNING id`,
      [v.id, v.program_id, v.user_id, v.topics, v.languages, v.availability, v.monthly_capacity, v.active],
    );
    return rows[0]!.id;
  },
};

export const mentorshipsRepository = {
  async byId(db: Queryable, id: string): Promise<MentorshipRow | undefined> {
    return (await db.query<MentorshipRow>(`${MENTORSHIP} WHERE s.id = $1`, [id]))[0];
  },

  async lock(db: Queryable, id: string): Promise<void> {
    await db.query('SELECT 1 FROM community_mentorships WHERE id = $1 FOR UPDATE', [id]);
  },

  async insert(
    db: Queryable,
    v: {
      id: string;
      programId: string;
      mentorId: string;
      menteeId: string;
      joinId: string;
      topic: string;
      message: string;
      at: Date;
    },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_mentorships (id, program_id, mentor_id, mentee_id, join_id, topic, message, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [v.id, v.programId, v.mentorId, v.menteeId, v.joinId, v.topic, v.message, v.at],
    );
  },

  async decide(
    db: Queryable,
    id: string,
    d: { status: 'accepted' | 'declined'; reason: string | null; at: Date },
  ): Promise<void> {
    await db.query('UPDATE community_mentorships SET status = $2, decline_reason = $3, decided_at = $4 WHERE id = $1', [
      id,
      d.status,
      d.reason,
      d.at,
    ]);
  },

  /** A program's mentorships the caller is a party to, or oversees (`oversee`: a scope over the mentee's village, alias j). */
  async list(db: Queryable, programId: string, userId: string, oversee: Sql): Promise<MentorshipRow[]> {
    return query<MentorshipRow & Record<string, unknown>>(
      db,
      sql`${rawSql(MENTORSHIP)} WHERE s.program_id = ${programId}
        AND (m.user_id = ${userId} OR s.mentee_id = ${userId} OR ${oversee})
        ORDER BY s.created_at DESC, s.id DESC LIMIT 200`,
    );
  },
};

export const sessionsRepository = {
  async ofMentorships(db: Queryable, ids: string[]): Promise<SessionRow[]> {
    if (ids.length === 0) return [];
    return db.query<SessionRow>(
      `SELECT id, mentorship_id, held_on::text AS held_on, mode, notes, feedback_rating, feedback_comment, feedback_at
       FROM community_mentoring_sessions WHERE mentorship_id = ANY($1::uuid[]) ORDER BY held_on, created_at, id`,
      [ids],
    );
  },

  async followUps(db: Queryable, sessionIds: string[]): Promise<FollowUpRow[]> {
    if (sessionIds.length === 0) return [];
    return db.query<FollowUpRow>(
      `SELECT id, session_id, text, done FROM community_follow_ups WHERE session_id = ANY($1::uuid[])
       ORDER BY created_at, id`,
      [sessionIds],
    );
  },

  /** A session with its mentorship's id, locked for the command that changes it. */
  async lockedById(db: Queryable, id: string): Promise<SessionRow | undefined> {
    return (
      await db.query<SessionRow>(
        `SELECT id, mentorship_id, held_on::text AS held_on, mode, notes, feedback_rating, feedback_comment, feedback_at
         FROM community_mentoring_sessions WHERE id = $1 FOR UPDATE`,
        [id],
      )
    )[0];
  },

  async insert(
    db: Queryable,
    v: { id: string; mentorshipId: string; heldOn: string; mode: string; notes: string; by: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO community_mentoring_sessions (id, mentorship_id, held_on, mode, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [v.id, v.mentorshipId, v.heldOn, v.mode, v.notes, v.by],
    );
  },

  async feedback(db: Queryable, id: string, f: { rating: number; comment: string; at: Date }): Promise<void> {
    await db.query(
      `UPDATE community_mentoring_sessions SET feedback_rating = $2, feedback_comment = $3, feedback_at = $4
       WHERE id = $1`,
      [id, f.rating, f.comment, f.at],
    );
  },

  async insertFollowUp(db: Queryable, v: { id: string; sessionId: string; text: string }): Promise<void> {
    await db.query('INSERT INTO community_follow_ups (id, session_id, text) VALUES ($1, $2, $3)', [
      v.id,
      v.sessionId,
      v.text,
    ]);
  },

  /** The follow-up of that session, with its done flag set; undefined when the session has no such follow-up. */
  async setDone(db: Queryable, sessionId: string, id: string, done: boolean): Promise<FollowUpRow | undefined> {
    return (
      await db.query<FollowUpRow>(
        'UPDATE community_follow_ups SET done = $3 WHERE id = $2 AND session_id = $1 RETURNING id, session_id, text, done',
        [sessionId, id, done],
      )
    )[0];
  },
};
