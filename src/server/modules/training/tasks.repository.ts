import type { Queryable } from '../../db/database.js';
import { query, sql, type Sql } from '../../db/sql.js';
import { TASK_LIMIT, type TaskRow } from '../../http/task-lists.js';

/** What waits in training, for a home screen; `scope` is a policy's condition over sessions `s`. */
export const trainingTasksRepository = {
  /** Sessions not called off that are on some day from `from` to `to` (both included). */
  between(db: Queryable, programId: string, scope: Sql, from: string, to: string): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`SELECT s.id, c.title, NULL AS group_name, s.starts_on::text AS date, NULL::int AS count,
          count(*) OVER () AS total
        FROM training_sessions s JOIN courses c ON c.id = s.course_id
        WHERE s.program_id = ${programId} AND s.status = 'scheduled' AND ${scope}
          AND s.starts_on <= ${to}::date AND s.ends_on >= ${from}::date
        ORDER BY s.starts_on, s.id LIMIT ${TASK_LIMIT}`,
    );
  },

  /**
   * Sessions not called off, started by `today`, where an enrolled participant has a day from the
   * first to today (or the last, if over) with no mark; `count` is how many marks are missing.
   */
  unmarked(db: Queryable, programId: string, scope: Sql, today: string): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`SELECT s.id, c.title, NULL AS group_name, s.starts_on::text AS date, missing.n AS count,
          count(*) OVER () AS total
        FROM training_sessions s JOIN courses c ON c.id = s.course_id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS n
          FROM enrolments e
          CROSS JOIN generate_series(s.starts_on, least(s.ends_on, ${today}::date), interval '1 day') AS d (day)
          WHERE e.session_id = s.id AND e.status = 'enrolled'
            AND NOT EXISTS (SELECT 1 FROM attendance t WHERE t.enrolment_id = e.id AND t.day = d.day::date)
        ) AS missing
        WHERE s.program_id = ${programId} AND s.status = 'scheduled' AND s.starts_on <= ${today}::date
          AND ${scope} AND missing.n > 0
        ORDER BY s.starts_on, s.id LIMIT ${TASK_LIMIT}`,
    );
  },
};
