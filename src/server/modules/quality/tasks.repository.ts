import type { Queryable } from '../../db/database.js';
import { query, sql, type Sql } from '../../db/sql.js';
import { TASK_LIMIT, type TaskRow } from '../../http/task-lists.js';

/**
 * What waits in the quality module, for a home screen. Every `scope` is a policy's condition
 * (`scopeOf`) over the aliases named in the query: a assessments, c certifications, g groups,
 * p products.
 */
const ASSESSMENT_ITEM = sql`SELECT a.id, p.name AS title, g.name AS group_name, a.assessed_on::text AS date,
  NULL::int AS count, count(*) OVER () AS total
  FROM assessments a
  JOIN registry_products p ON p.id = a.product_id
  JOIN registry_groups g ON g.id = a.group_id`;

/** A scheme that asks for the group's self-assessment first (the default), and an assessment that has it. */
const READY_FOR_PANEL = sql`(a.self_assessed_at IS NOT NULL OR NOT EXISTS (SELECT 1 FROM rating_schemes s
  WHERE s.id = a.scheme_id AND coalesce((s.definition ->> 'selfAssessmentRequired')::boolean, true)))`;

const count = async (db: Queryable, piece: Sql) => Number((await query<{ n: string }>(db, piece))[0]?.n ?? 0);

export const qualityTasksRepository = {
  /** Open assessments the assessor may score, ready for the panel, with no score of theirs yet. */
  toScore(db: Queryable, programId: string, scope: Sql, assessorId: string): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`${ASSESSMENT_ITEM}
        WHERE a.program_id = ${programId} AND a.status = 'open' AND ${scope} AND ${READY_FOR_PANEL}
          AND NOT EXISTS (SELECT 1 FROM panel_scores ps WHERE ps.assessment_id = a.id AND ps.assessor_id = ${assessorId})
        ORDER BY a.assessed_on, a.id LIMIT ${TASK_LIMIT}`,
    );
  },

  /** Open assessments that no assessor has scored yet. */
  awaitingPanel(db: Queryable, programId: string, scope: Sql): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`${ASSESSMENT_ITEM}
        WHERE a.program_id = ${programId} AND a.status = 'open' AND ${scope}
          AND NOT EXISTS (SELECT 1 FROM panel_scores ps WHERE ps.assessment_id = a.id)
        ORDER BY a.assessed_on, a.id LIMIT ${TASK_LIMIT}`,
    );
  },

  /** Certificates that expire from `from` to `to` (both included), soonest first. */
  expiring(db: Queryable, programId: string, scope: Sql, from: string, to: string): Promise<TaskRow[]> {
    return query<TaskRow>(
      db,
      sql`SELECT c.id, p.name AS title, g.name AS group_name, c.expires_on::text AS date, NULL::int AS count,
          count(*) OVER () AS total
        FROM certifications c
        JOIN registry_groups g ON g.id = c.group_id
        LEFT JOIN registry_products p ON p.id = c.product_id
        WHERE c.program_id = ${programId} AND c.expires_on BETWEEN ${from} AND ${to} AND ${scope}
        ORDER BY c.expires_on, c.id LIMIT ${TASK_LIMIT}`,
    );
  },

  /** Producer groups in scope (g). */
  groups(db: Queryable, programId: string, scope: Sql): Promise<number> {
    return count(db, sql`SELECT count(*) AS n FROM registry_groups g WHERE g.program_id = ${programId} AND ${scope}`);
  },

  /** Products in scope (p). */
  products(db: Queryable, programId: string, scope: Sql): Promise<number> {
    return count(db, sql`SELECT count(*) AS n FROM registry_products p WHERE p.program_id = ${programId} AND ${scope}`);
  },

  /** Open assessments in scope (a), and of them those the group has assessed itself. */
  async openAssessments(db: Queryable, programId: string, scope: Sql) {
    const [row] = await query<{ open: string; self_assessed: string }>(
      db,
      sql`SELECT count(*) AS open, count(a.self_assessed_at) AS self_assessed FROM assessments a
        WHERE a.program_id = ${programId} AND a.status = 'open' AND ${scope}`,
    );
    return { open: Number(row?.open ?? 0), selfAssessed: Number(row?.self_assessed ?? 0) };
  },
};
