import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';
import type { EnrolmentStatus } from './training.schemas.js';

export interface EnrolmentRow {
  id: string;
  seq: string;
  session_id: string;
  member_id: string;
  member_name: string;
  member_sex: 'female' | 'male';
  program_id: string;
  group_id: string;
  group_name: string;
  area_path: string;
  status: EnrolmentStatus;
  days_present: number;
  best_pre: number | null;
  best_post: number | null;
  /** The enrolment's valid certificate, if any. */
  certificate_id: string | null;
  /** Whether a certificate of the enrolment was withdrawn by hand: none is issued again by itself. */
  certificate_withdrawn: boolean;
  /** The session's trainer: the owner of its enrolments in the training policy. */
  trainer_id: string;
  created_at: Date;
  updated_at: Date;
}

/** An enrolment with what completion needs: days present, the best test scores in whole percent ×100. */
const selectFrom = (enrolments: string) => `SELECT e.id, e.seq, e.session_id, e.member_id, m.name AS member_name,
  m.sex AS member_sex, e.program_id,
  e.group_id, g.name AS group_name, e.area_path, e.status,
  (SELECT count(*)::int FROM attendance d WHERE d.enrolment_id = e.id AND d.present) AS days_present,
  (SELECT max(t.correct * 10000 / t.total)::int FROM test_attempts t WHERE t.enrolment_id = e.id AND t.kind = 'pre') AS best_pre,
  (SELECT max(t.correct * 10000 / t.total)::int FROM test_attempts t WHERE t.enrolment_id = e.id AND t.kind = 'post') AS best_post,
  (SELECT c.id FROM training_certificates c WHERE c.enrolment_id = e.id AND c.revoked_at IS NULL) AS certificate_id,
  EXISTS (SELECT 1 FROM training_certificates c WHERE c.enrolment_id = e.id AND c.revoked_reason = 'withdrawn')
    AS certificate_withdrawn,
  s.trainer_id, e.created_at, e.updated_at
  FROM ${enrolments} e JOIN registry_members m ON m.id = e.member_id JOIN registry_groups g ON g.id = e.group_id
  JOIN training_sessions s ON s.id = e.session_id`;
const SELECT = selectFrom('enrolments');

export interface MemberScopeRow {
  id: string;
  name: string;
  group_id: string;
  program_id: string;
  area_path: string;
  active: boolean;
}

export interface GroupScopeRow {
  id: string;
  program_id: string;
  area_path: string;
}

export const enrolmentsRepository = {
  async byId(db: Queryable, id: string): Promise<EnrolmentRow | undefined> {
    return (await db.query<EnrolmentRow>(`${SELECT} WHERE e.id = $1`, [id]))[0];
  },

  /** Several enrolments in one round trip, in no particular order. */
  async byIds(db: Queryable, ids: string[]): Promise<EnrolmentRow[]> {
    return db.query<EnrolmentRow>(`${SELECT} WHERE e.id = ANY($1::uuid[])`, [ids]);
  },

  async activeFor(db: Queryable, sessionId: string, memberId: string): Promise<EnrolmentRow | undefined> {
    return (
      await db.query<EnrolmentRow>(
        `${SELECT} WHERE e.session_id = $1 AND e.member_id = $2 AND e.status <> 'cancelled'`,
        [sessionId, memberId],
      )
    )[0];
  },

  /** A session's enrolments (in waitlist order), narrowed by a scope condition over `e` (and `s`, the session). */
  async list(db: Queryable, sessionId: string, scope: Sql): Promise<EnrolmentRow[]> {
    return query<EnrolmentRow>(
      db,
      sql`${rawSql(SELECT)} WHERE e.session_id = ${sessionId} AND ${scope} ORDER BY e.seq`,
    );
  },

  async byMembers(db: Queryable, sessionId: string, memberIds: string[]): Promise<EnrolmentRow[]> {
    return db.query<EnrolmentRow>(
      `${SELECT} WHERE e.session_id = $1 AND e.member_id = ANY($2::uuid[]) AND e.status = 'enrolled'`,
      [sessionId, memberIds],
    );
  },

  async countEnrolled(db: Queryable, sessionId: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM enrolments WHERE session_id = $1 AND status = 'enrolled'`,
      [sessionId],
    );
    return rows[0]!.n;
  },

  /** The first of the waitlist: the one promoted when a place frees up. */
  async firstWaitlisted(db: Queryable, sessionId: string): Promise<string | undefined> {
    const rows = await db.query<{ id: string }>(
      `SELECT id FROM enrolments WHERE session_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT 1`,
      [sessionId],
    );
    return rows[0]?.id;
  },

  async insert(
    db: Queryable,
    e: Pick<EnrolmentRow, 'id' | 'session_id' | 'member_id' | 'program_id' | 'group_id' | 'area_path' | 'status'> & {
      enrolled_by: string;
    },
  ): Promise<EnrolmentRow> {
    const rows = await db.query<EnrolmentRow>(
      `WITH written AS (INSERT INTO enrolments (id, session_id, member_id, program_id, group_id, area_path, status,
         enrolled_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *)
       ${selectFrom('written')}`,
      [e.id, e.session_id, e.member_id, e.program_id, e.group_id, e.area_path, e.status, e.enrolled_by],
    );
    return rows[0]!;
  },

  /** Sets an enrolment's status and returns it as it now is. */
  async setStatus(db: Queryable, id: string, status: EnrolmentStatus): Promise<EnrolmentRow> {
    const rows = await db.query<EnrolmentRow>(
      `WITH written AS (UPDATE enrolments SET status = $2, updated_at = now() WHERE id = $1 RETURNING *)
       ${selectFrom('written')}`,
      [id, status],
    );
    return rows[0]!;
  },

  /** A member with the scope of their group, and whether they are still in it on `today`. */
  async member(db: Queryable, id: string, today: string): Promise<MemberScopeRow | undefined> {
    const rows = await db.query<MemberScopeRow>(
      `SELECT id, name, group_id, program_id, area_path, (left_on IS NULL OR left_on > $2::date) AS active
       FROM registry_members WHERE id = $1`,
      [id, today],
    );
    return rows[0];
  },

  /** A producer group's place, for its learning record. */
  async group(db: Queryable, id: string): Promise<GroupScopeRow | undefined> {
    return (
      await db.query<GroupScopeRow>('SELECT id, program_id, area_path FROM registry_groups WHERE id = $1', [id])
    )[0];
  },
};
