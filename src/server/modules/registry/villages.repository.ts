import type { Queryable } from '../../db/database.js';
import { query, rawSql, sql, Where, type Sql } from '../../db/sql.js';

export interface VillageRow {
  id: string;
  program_id: string;
  area_code: string;
  area_path: string;
  area_name: string;
  area_level: string;
  population: number | null;
  households: number | null;
  potentials: string[];
  notes: string | null;
  facilitator_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** A village with its area's name and level (geography's read model), from `villages v` or a CTE named v. */
const PRESENTED = `SELECT v.id, v.program_id, v.area_code, v.area_path, a.name AS area_name, a.level AS area_level,
  v.population, v.households, v.potentials, v.notes, v.facilitator_id, v.version, v.created_at, v.updated_at`;
const AREA = 'JOIN geography_areas a ON a.code = v.area_code';
const SELECT = `${PRESENTED} FROM villages v ${AREA}`;
/** The written row (a CTE named v) as presented. */
const FROM_WRITTEN = rawSql(`${PRESENTED} FROM v ${AREA}`);

export type VillageValues = Pick<VillageRow, 'population' | 'households' | 'potentials' | 'notes' | 'facilitator_id'>;

export const villagesRepository = {
  async byId(db: Queryable, id: string): Promise<VillageRow | undefined> {
    return (await db.query<VillageRow>(`${SELECT} WHERE v.id = $1`, [id]))[0];
  },

  async byArea(db: Queryable, programId: string, areaCode: string): Promise<VillageRow | undefined> {
    return (
      await db.query<VillageRow>(`${SELECT} WHERE v.program_id = $1 AND v.area_code = $2`, [programId, areaCode])
    )[0];
  },

  /** `scope` is the policy's condition over v.*; it is rendered into this query's parameters. */
  async list(
    db: Queryable,
    scope: Sql,
    f: { programId?: string | undefined; areaPath?: string | undefined; after: string | null; limit: number },
  ): Promise<VillageRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope);
    where.equal('v.program_id', f.programId);
    where.under('v.area_path', f.areaPath);
    if (f.after) where.and(sql`v.id > ${f.after}`);
    return db.query<VillageRow>(`${SELECT} WHERE ${where} ORDER BY v.id LIMIT ${where.bind(f.limit + 1)}`, params);
  },

  async insert(
    db: Queryable,
    v: VillageValues & { id: string; program_id: string; area_code: string; area_path: string },
  ): Promise<VillageRow> {
    const [row] = await query<VillageRow>(
      db,
      sql`WITH v AS (
        INSERT INTO villages (id, program_id, area_code, area_path, population, households, potentials, notes, facilitator_id)
        VALUES (${v.id}, ${v.program_id}, ${v.area_code}, ${v.area_path}, ${v.population}, ${v.households},
                ${v.potentials}, ${v.notes}, ${v.facilitator_id})
        RETURNING *)
      ${FROM_WRITTEN}`,
    );
    return row!;
  },

  async update(db: Queryable, id: string, v: VillageValues): Promise<VillageRow> {
    const [row] = await query<VillageRow>(
      db,
      sql`WITH v AS (
        UPDATE villages SET population = ${v.population}, households = ${v.households}, potentials = ${v.potentials},
          notes = ${v.notes}, facilitator_id = ${v.facilitator_id}, version = version + 1, updated_at = now()
        WHERE id = ${id}
        RETURNING *)
      ${FROM_WRITTEN}`,
    );
    return row!;
  },
};
