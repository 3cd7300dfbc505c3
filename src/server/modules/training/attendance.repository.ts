import type { Queryable } from '../../db/database.js';

export interface SheetRow {
  enrolment_id: string;
  member_id: string;
  member_name: string;
  group_name: string;
  present: boolean | null;
}

export const attendanceRepository = {
  /** Writes a day's marks: a retried request overwrites the same rows and adds none. */
  async upsert(db: Queryable, day: string, marks: { enrolmentId: string; present: boolean }[], by: string) {
    await db.query(
      `INSERT INTO attendance (enrolment_id, day, present, recorded_by)
       SELECT x.enrolment_id, $1::date, x.present, $2 FROM unnest($3::uuid[], $4::boolean[]) AS x (enrolment_id, present)
       ON CONFLICT (enrolment_id, day) DO UPDATE SET present = excluded.present, recorded_by = excluded.recorded_by,
         recorded_at = now()`,
      [day, by, marks.map((m) => m.enrolmentId), marks.map((m) => m.present)],
    );
  },

  /** The day's sheet: every enrolled participant, present, absent or not yet marked (null). */
  async sheet(db: Queryable, sessionId: string, day: string): Promise<SheetRow[]> {
    return db.query<SheetRow>(
      `SELECT e.id AS enrolment_id, e.member_id, m.name AS member_name, g.name AS group_name, d.present
       FROM enrolments e JOIN members m ON m.id = e.member_id JOIN producer_groups g ON g.id = e.group_id
       LEFT JOIN attendance d ON d.enrolment_id = e.id AND d.day = $2
       WHERE e.session_id = $1 AND e.status = 'enrolled' ORDER BY m.name, e.id`,
      [sessionId, day],
    );
  },
};
