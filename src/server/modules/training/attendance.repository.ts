import type { Queryable } from '../../db/database.js';

export interface SheetRow {
  enrolment_id: string;
  member_id: string;
  member_name: string;
  group_name: string;
  present: boolean | null;
}

export const attendanceRepository = {
  /**
   * Writes a day's marks. A mark changes a row only when it is at least as recent as the stored one:
   * a retried request leaves the same state and adds no rows, and an older retry arriving late never
   * overwrites a newer mark. `markedAt` null means now.
   */
  async upsert(
    db: Queryable,
    day: string,
    marks: { enrolmentId: string; present: boolean; markedAt: string | null }[],
    by: string,
  ) {
    await db.query(
      `INSERT INTO attendance (enrolment_id, day, present, marked_at, recorded_by)
       SELECT x.enrolment_id, $1::date, x.present, coalesce(x.marked_at, now()), $2
       FROM unnest($3::uuid[], $4::boolean[], $5::timestamptz[]) AS x (enrolment_id, present, marked_at)
       ON CONFLICT (enrolment_id, day) DO UPDATE SET present = excluded.present, marked_at = excluded.marked_at,
         recorded_by = excluded.recorded_by, recorded_at = now()
       WHERE excluded.marked_at >= attendance.marked_at`,
      [day, by, marks.map((m) => m.enrolmentId), marks.map((m) => m.present), marks.map((m) => m.markedAt)],
    );
  },

  /** The day's sheet: every enrolled participant, present, absent or not yet marked (null). */
  async sheet(db: Queryable, sessionId: string, day: string): Promise<SheetRow[]> {
    return db.query<SheetRow>(
      `SELECT e.id AS enrolment_id, e.member_id, m.name AS member_name, g.name AS group_name, d.present
       FROM enrolments e JOIN registry_members m ON m.id = e.member_id JOIN registry_groups g ON g.id = e.group_id
       LEFT JOIN attendance d ON d.enrolment_id = e.id AND d.day = $2
       WHERE e.session_id = $1 AND e.status = 'enrolled' ORDER BY m.name, e.id`,
      [sessionId, day],
    );
  },
};
