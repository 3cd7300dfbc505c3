import type { Queryable } from '../../db/database.js';
import { query, sql, type Sql } from '../../db/sql.js';
import { TASK_LIMIT, type TaskRow } from '../../http/task-lists.js';

/** What waits in the registry, for a home screen; `scope` is a policy's condition over groups `g`. */
export const registryTasksRepository = {
  /** Producer groups with no product yet, oldest registered first. */
  withoutProducts(db: Queryable, programId: string, scope: Sql): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`SELECT g.id, NULL::jsonb AS title, g.name AS group_name, g.created_at::date::text AS date, NULL::int AS count,
          count(*) OVER () AS total
        FROM producer_groups g
        WHERE g.program_id = ${programId} AND ${scope}
          AND NOT EXISTS (SELECT 1 FROM products p WHERE p.group_id = g.id)
        ORDER BY g.created_at, g.id LIMIT ${TASK_LIMIT}`,
    );
  },
};
