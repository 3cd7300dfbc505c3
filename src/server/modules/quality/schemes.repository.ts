import type { Queryable } from '../../db/database.js';
import { sql, Where, type Sql } from '../../db/sql.js';
import type { PanelTier, SchemeDefinition } from './quality.schemas.js';

export interface SchemeRow {
  id: string;
  family_id: string;
  program_id: string;
  template_id: string | null;
  version: number;
  latest: boolean;
  definition: SchemeDefinition;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  's.id, s.family_id, s.program_id, s.template_id, s.version, s.latest, s.definition, s.created_at, s.updated_at';

export const schemesRepository = {
  async byId(db: Queryable, id: string): Promise<SchemeRow | undefined> {
    return (await db.query<SchemeRow>(`SELECT ${COLUMNS} FROM rating_schemes s WHERE s.id = $1`, [id]))[0];
  },

  /** The latest version of each family in the given programs (null: every program), or every version of one family. */
  async list(
    db: Queryable,
    scope: Sql,
    f: {
      programId?: string | undefined;
      familyId?: string | undefined;
      after: string | null;
      limit: number;
    },
  ): Promise<SchemeRow[]> {
    const params: unknown[] = [];
    const where = new Where(params, scope, f.familyId ? sql`s.family_id = ${f.familyId}` : 's.latest');
    where.equal('s.program_id', f.programId);
    if (f.after) where.and(`s.id > ${where.bind(f.after)}`);
    return db.query<SchemeRow>(
      `SELECT ${COLUMNS} FROM rating_schemes s WHERE ${where} ORDER BY s.id LIMIT ${where.bind(f.limit + 1)}`,
      params,
    );
  },

  async insert(
    db: Queryable,
    s: Pick<SchemeRow, 'id' | 'family_id' | 'program_id' | 'template_id' | 'version' | 'definition'>,
  ): Promise<SchemeRow> {
    const rows = await db.query<SchemeRow>(
      `INSERT INTO rating_schemes AS s (id, family_id, program_id, template_id, version, definition)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [s.id, s.family_id, s.program_id, s.template_id, s.version, JSON.stringify(s.definition)],
    );
    return rows[0]!;
  },

  async updateInPlace(db: Queryable, id: string, definition: SchemeDefinition): Promise<SchemeRow> {
    const rows = await db.query<SchemeRow>(
      `UPDATE rating_schemes s SET definition = $2, version = version + 1, updated_at = now() WHERE s.id = $1
       RETURNING ${COLUMNS}`,
      [id, JSON.stringify(definition)],
    );
    return rows[0]!;
  },

  async supersede(db: Queryable, id: string): Promise<void> {
    await db.query('UPDATE rating_schemes SET latest = false, updated_at = now() WHERE id = $1', [id]);
  },

  async inUse(db: Queryable, id: string): Promise<boolean> {
    return (await db.query('SELECT 1 FROM assessments WHERE scheme_id = $1 LIMIT 1', [id])).length > 0;
  },

  async tierOf(db: Queryable, programId: string, userId: string): Promise<PanelTier | undefined> {
    const rows = await db.query<{ tier: PanelTier }>(
      'SELECT tier FROM assessor_tiers WHERE program_id = $1 AND user_id = $2',
      [programId, userId],
    );
    return rows[0]?.tier;
  },

  async tiers(db: Queryable, programId: string) {
    return db.query<{ user_id: string; tier: PanelTier; updated_at: Date }>(
      'SELECT user_id, tier, updated_at FROM assessor_tiers WHERE program_id = $1 ORDER BY user_id',
      [programId],
    );
  },

  async setTier(db: Queryable, programId: string, userId: string, tier: PanelTier): Promise<void> {
    await db.query(
      `INSERT INTO assessor_tiers (program_id, user_id, tier) VALUES ($1, $2, $3)
       ON CONFLICT (program_id, user_id) DO UPDATE SET tier = excluded.tier, updated_at = now()`,
      [programId, userId, tier],
    );
  },
};
