import type { Queryable } from '../../db/database.js';

export interface SessionRow {
  id: string;
  course_id: string;
  program_id: string;
  area_code: string;
  area_name: string;
  area_path: string;
  address: string;
  starts_on: string;
  ends_on: string;
  trainer_id: string;
  trainer_name: string;
  capacity: number;
  status: 'scheduled' | 'cancelled';
  course_title: Record<string, string>;
  topic: string;
  enrolled: number;
  waitlisted: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type SessionValues = Pick<
  SessionRow,
  | 'course_id'
  | 'program_id'
  | 'area_code'
  | 'area_path'
  | 'address'
  | 'starts_on'
  | 'ends_on'
  | 'trainer_id'
  | 'capacity'
>;

/** A session as presented: `FROM` names the rows as `s` (a CTE of written rows can stand in for the table). */
const selectFrom = (sessions: string) => `SELECT s.id, s.course_id, s.program_id, s.area_code, a.name AS area_name,
  s.area_path, s.address, s.starts_on, s.ends_on, s.trainer_id, u.name AS trainer_name, s.capacity, s.status,
  c.title AS course_title, c.topic,
  (SELECT count(*)::int FROM enrolments e WHERE e.session_id = s.id AND e.status = 'enrolled') AS enrolled,
  (SELECT count(*)::int FROM enrolments e WHERE e.session_id = s.id AND e.status = 'waitlisted') AS waitlisted,
  s.version, s.created_at, s.updated_at
  FROM ${sessions} s JOIN courses c ON c.id = s.course_id JOIN platform_accounts u ON u.id = s.trainer_id
  JOIN geography_areas a ON a.code = s.area_code`;
const SELECT = selectFrom('training_sessions');

export const sessionsRepository = {
  async byId(db: Queryable, id: string): Promise<SessionRow | undefined> {
    return (await db.query<SessionRow>(`${SELECT} WHERE s.id = $1`, [id]))[0];
  },

  /** Locks the session row: enrolments and cancellations of one session run one after another. */
  async lock(db: Queryable, id: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM training_sessions WHERE id = $1 FOR UPDATE', [id])).length > 0;
  },

  async list(
    db: Queryable,
    f: {
      programId: string;
      courseId?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      trainerId: string | null;
      after: [string, string] | null;
      limit: number;
    },
  ): Promise<SessionRow[]> {
    return db.query<SessionRow>(
      `${SELECT} WHERE s.program_id = $1 AND ($2::uuid IS NULL OR s.course_id = $2)
         AND ($3::date IS NULL OR s.ends_on >= $3) AND ($4::date IS NULL OR s.starts_on <= $4)
         AND ($5::uuid IS NULL OR s.trainer_id = $5)
         AND ($6::date IS NULL OR (s.starts_on, s.id) > ($6::date, $7::uuid))
       ORDER BY s.starts_on, s.id LIMIT $8`,
      [
        f.programId,
        f.courseId ?? null,
        f.from ?? null,
        f.to ?? null,
        f.trainerId,
        f.after?.[0] ?? null,
        f.after?.[1] ?? null,
        f.limit + 1,
      ],
    );
  },

  async insert(db: Queryable, id: string, s: SessionValues): Promise<SessionRow> {
    const rows = await db.query<SessionRow>(
      `WITH written AS (INSERT INTO training_sessions (id, course_id, program_id, area_code, area_path, address,
         starts_on, ends_on, trainer_id, capacity) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *)
       ${selectFrom('written')}`,
      [
        id,
        s.course_id,
        s.program_id,
        s.area_code,
        s.area_path,
        s.address,
        s.starts_on,
        s.ends_on,
        s.trainer_id,
        s.capacity,
      ],
    );
    return rows[0]!;
  },

  async cancel(db: Queryable, id: string): Promise<SessionRow> {
    const rows = await db.query<SessionRow>(
      `WITH written AS (UPDATE training_sessions SET status = 'cancelled', version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING *)
       ${selectFrom('written')}`,
      [id],
    );
    return rows[0]!;
  },

  async isTrainer(db: Queryable, programId: string, userId: string): Promise<boolean> {
    const rows = await db.query(
      `SELECT 1 FROM programs_role_grants WHERE program_id = $1 AND user_id = $2 AND role = 'trainer'`,
      [programId, userId],
    );
    return rows.length > 0;
  },
};
