import type { Queryable } from '../../db/database.js';
import type { ClassCondition } from '../../../shared/schemas/impact.js';

/** A program's naik kelas rule as stored (no row: the default rule). */
export interface ClassRuleRow {
  program_id: string;
  conditions: ClassCondition[];
  revenue_growth_percent: number;
  version: number;
}

export const classRulesRepository = {
  async byProgram(db: Queryable, programId: string, lock = false): Promise<ClassRuleRow | undefined> {
    const rows = await db.query<ClassRuleRow>(
      `SELECT program_id, conditions, revenue_growth_percent, version FROM impact_class_rules WHERE program_id = $1
       ${lock ? 'FOR UPDATE' : ''}`,
      [programId],
    );
    return rows[0];
  },

  /** Saves the rule; the default counts as version 1, so the first save is version 2. */
  async save(
    db: Queryable,
    r: { programId: string; conditions: ClassCondition[]; revenueGrowthPercent: number; by: string },
  ): Promise<void> {
    await db.query(
      `INSERT INTO impact_class_rules (program_id, conditions, revenue_growth_percent, version, updated_by)
       VALUES ($1, $2::text[], $3, 2, $4)
       ON CONFLICT (program_id) DO UPDATE SET conditions = $2::text[], revenue_growth_percent = $3,
         version = impact_class_rules.version + 1, updated_by = $4, updated_at = now()`,
      [r.programId, r.conditions, r.revenueGrowthPercent, r.by],
    );
  },
};
