import type { Queryable } from '../../db/database.js';
import { query, sql, type Sql } from '../../db/sql.js';
import { TASK_LIMIT, type TaskRow } from '../../http/task-lists.js';

/** What waits in the books, for a home screen; `scope` is a condition over groups `g`. */
export const businessTasksRepository = {
  /**
   * Books with ended months still open: from the month after the last closing (or, never closed,
   * the month of the first entry) to the month before `today`'s. `count` is a group's months;
   * `total` the months of every group. Books with no entry and no closing have nothing to close.
   */
  monthsToClose(db: Queryable, programId: string, scope: Sql, today: string): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`WITH open_books AS (
          SELECT g.id, g.name,
            coalesce(b.closed_through + 1, (SELECT min(e.entry_date) FROM journal_entries e WHERE e.group_id = b.group_id))
              AS open_from
          FROM ledger_books b JOIN registry_groups g ON g.id = b.group_id
          WHERE g.program_id = ${programId} AND ${scope}
        ), months AS (
          SELECT id, name, open_from,
            ((extract(year FROM ${today}::date) * 12 + extract(month FROM ${today}::date))
              - (extract(year FROM open_from) * 12 + extract(month FROM open_from)))::int AS n
          FROM open_books WHERE open_from IS NOT NULL
        )
        SELECT id, NULL::jsonb AS title, name AS group_name, date_trunc('month', open_from)::date::text AS date,
          n AS count, sum(n) OVER () AS total
        FROM months WHERE n > 0
        ORDER BY open_from, id LIMIT ${TASK_LIMIT}`,
    );
  },
};
