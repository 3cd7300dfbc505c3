import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, type Sql } from '../../db/sql.js';
import { TASK_LIMIT, type TaskRow } from '../../http/task-lists.js';

/**
 * What waits in the market for a group's side, for a home screen; `scope` is a policy's condition
 * over the trade record `t` (an inquiry or an order).
 */
const itemOf = (table: 'inquiries' | 'orders', dateColumn: string) =>
  sql`SELECT t.id, p.name AS title, g.name AS group_name, ${rawSql(dateColumn)}::date::text AS date,
    NULL::int AS count, count(*) OVER () AS total
  FROM ${rawSql(table)} t
  JOIN registry_products p ON p.id = t.product_id
  JOIN registry_groups g ON g.id = t.group_id`;

export const marketTasksRepository = {
  /** Inquiries nobody on the group's side has answered yet, oldest first. */
  unanswered(db: Queryable, programId: string, scope: Sql): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`${itemOf('inquiries', 't.created_at')}
        WHERE t.program_id = ${programId} AND t.status = 'open' AND ${scope}
        ORDER BY t.created_at, t.id LIMIT ${TASK_LIMIT}`,
    );
  },

  /** Orders placed or confirmed, not yet shipped, oldest first. */
  toShip(db: Queryable, programId: string, scope: Sql): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`${itemOf('orders', 't.placed_at')}
        WHERE t.program_id = ${programId} AND t.status IN ('placed', 'confirmed') AND ${scope}
        ORDER BY t.placed_at, t.id LIMIT ${TASK_LIMIT}`,
    );
  },
};
