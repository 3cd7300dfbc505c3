import type { Queryable } from '../../db/database.js';
import { Where } from '../../db/sql.js';

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

const SELECT = `SELECT v.id, v.program_id, v.area_code, v.area_path, a.name AS area_name, a.level AS area_level,
  v.population, v.households, v.potentials, v.notes, v.facilitator_id, v.version, v.created_at, v.updated_at
  FROM villages v JOIN areas a ON a.code = v.area_code`;

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

  /** `scope` is an SQL condition over v.* built by the policy core, with its parameters already in `params`. */
  async list(
    db: Queryable,
    scope: string,
    params: unknown[],
    f: { programId?: string | undefined; areaPath?: string | undefined; after: string | null; limit: number },
  ): Promise<VillageRow[]> {
    const where = new Where(params, scope);
    where.equal('v.program_id', f.programId);
    where.under('v.area_path', f.areaPath);
    if (f.after) where.and(`v.id > ${where.bind(f.after)}`);
    return db.query<VillageRow>(`${SELECT} WHERE ${where} ORDER BY v.id LIMIT ${where.bind(f.limit + 1)}`, params);
  },

  async insert(
    db: Queryable,
    v: VillageValues & { id: string; program_id: string; area_code: string; area_path: string },
  ) {
    await db.query(
      `INSERT INTO villages (id, program_id, area_code, area_path, population, households, potentials, notes, facilitator_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        v.id,
        v.program_id,
        v.area_code,
        v.area_path,
        v.population,
        v.households,
        v.potentials,
        v.notes,
        v.facilitator_id,
      ],
    );
  },

  async update(db: Queryable, id: string, v: VillageValues): Promise<void> {
    await db.query(
      `UPDATE villages SET population = $2, households = $3, potentials = $4, notes = $5, facilitator_id = $6,
         version = version + 1, updated_at = now() WHERE id = $1`,
      [id, v.population, v.households, v.potentials, v.notes, v.facilitator_id],
    );
  },
};
